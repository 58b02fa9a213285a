#pragma once
// Text that identifies a client or says something clinical is stored sealed (Crypto.hpp) under the
// database's data key. The SQL seen by the store seals and opens it with two functions defined on
// its connection -- seal('client.display_name', ?) and unseal('client.display_name', column) --
// so reads and writes stay single statements. The context names the column the text belongs to.
#include "security/Crypto.hpp"

#include <optional>
#include <span>
#include <string>

struct sqlite3;

namespace alliance::security {

// Every column that holds sealed text, with the context its values are sealed under (a revision
// keeps its original's context, so a copied value needs no re-sealing).
struct SealedColumn {
    const char* table;
    const char* column;
    const char* context;
};
std::span<const SealedColumn> sealedColumns();

class Sealing {
public:
    // Plain: a database from before accounts (schema < 11, or upgraded and not yet initialised):
    // its text is stored as it is until `alliance init` seals it. Sealed: every such text is.
    enum class Mode { Plain, Sealed };

    Mode mode() const { return mode_; }
    void setMode(Mode mode) { mode_ = mode; }
    bool unlocked() const { return key_.has_value(); }
    // Keeps `key` (moved into locked memory that is wiped when replaced or locked).
    void unlock(SecretKey key) { key_ = std::move(key); }
    // Forgets the key (wiping it).
    void lock() { key_.reset(); }
    // The data key; throws Locked when there is none.
    const SecretKey& key() const;

    // Defines seal() and unseal() on `db`, bound to this object (which must outlive the connection).
    void defineFunctions(sqlite3* db);

    // The same as the SQL functions, for values handled in C++.
    std::string seal(const std::string& context, const std::string& plain) const;
    std::string unseal(const std::string& context, const std::string& stored) const;

private:
    Mode mode_ = Mode::Plain;
    std::optional<SecretKey> key_;
};

} // namespace alliance::security
