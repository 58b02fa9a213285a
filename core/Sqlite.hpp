#pragma once
// A small RAII layer over the SQLite C API: a Connection configured the same way everywhere,
// Statements that finalize themselves, Transactions that roll back unless committed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace alliance::sql {

// Immutable: read-only with no lock and no -wal or -shm, for a file nobody can be writing.
enum class Access { ReadOnly, ReadWrite, Immutable };

class Connection {
public:
    // Opens an existing file (or ":memory:") without writing to it: sets foreign_keys, busy
    // timeout, trusted_schema=OFF, defensive mode and synchronous=FULL. Throws StorageError.
    Connection(const std::string& path, Access access);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Switches the file to write-ahead logging (a write: only once the file is known to be ours).
    void enableWriteAheadLog();
    void exec(const std::string& sqlText); // several statements, no parameters
    // The file's path, for messages ("" for an in-memory database).
    std::string path() const;
    std::int64_t lastInsertId() const;
    bool readOnly() const;
    int changes() const;
    sqlite3* handle() const { return db_; }

    // Prepared statements kept for reuse by their SQL text (Statement takes and gives back):
    // preparing cost more than running the short per-client queries themselves.
    sqlite3_stmt* takeStatement(const std::string& sqlText);
    void giveBackStatement(std::string sqlText, sqlite3_stmt* statement);

private:
    sqlite3* db_ = nullptr;
    std::unordered_multimap<std::string, sqlite3_stmt*> idle_;
};

class Statement {
public:
    Statement(Connection& connection, std::string_view sqlText);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding is 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, const char* value) { return bind(index, std::string(value)); }
    Statement& bindNull(int index);
    template <class T> Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    bool step();  // true while a row is available
    void run();   // steps once, expecting no row
    void reset(); // reuse with new bindings

    int columnCount() const;
    std::string columnName(int column) const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    std::string text(int column) const;
    // The same without a copy: valid until the next step, reset or column call on this column.
    std::string_view view(int column) const;
    std::optional<std::string> optText(int column) const;
    std::optional<int> optInt(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;

private:
    Connection& connection_;
    std::string sqlText_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless commit() ran. Inside another
// transaction it is a savepoint, so a batch of writes can be made all or nothing.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& connection_;
    bool nested_ = false;
    bool done_ = false;
};

// A deferred read transaction: one consistent snapshot for several queries; ends in the destructor.
class ReadTransaction {
public:
    explicit ReadTransaction(Connection& connection);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Connection& connection_;
    bool nested_ = false;
};

} // namespace alliance::sql
