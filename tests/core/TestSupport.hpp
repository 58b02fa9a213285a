#pragma once
// Helpers shared by the core tests.
#include "Errors.hpp"
#include "Sqlite.hpp"
#include "Store.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace alliance::test {

// Every row of every table, in a stable order: equal dumps mean nothing was changed.
inline std::string dumpAll(Store& store)
{
    std::string out;
    sql::Statement tables(
        store.connection(),
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.text(0);
        out += "# " + table + "\n";
        // Table names come from sqlite_schema, not from input.
        sql::Statement rows(store.connection(), "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
        while (rows.step()) {
            for (int c = 0; c < rows.columnCount(); ++c)
                out += (rows.isNull(c) ? std::string("NULL") : rows.text(c)) + "|";
            out += "\n";
        }
    }
    return out;
}

// The records as people see them -- every table but the accounts, keyring and audit trail (salts,
// wrapped keys, times), sealed text opened -- so two databases made alike compare equal.
inline std::string dumpContent(Store& store)
{
    std::string out;
    sql::Statement tables(
        store.connection(),
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('account', 'keyring', 'audit_entry', 'audit_pending') ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.text(0);
        out += "# " + table + "\n";
        sql::Statement rows(store.connection(), "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
        while (rows.step()) {
            for (int c = 0; c < rows.columnCount(); ++c) {
                std::string cell = rows.isNull(c) ? std::string("NULL") : rows.text(c);
                for (const auto& sealed : security::sealedColumns())
                    if (table == sealed.table && rows.columnName(c) == sealed.column && !rows.isNull(c))
                        cell = store.sealing().unseal(sealed.context, cell);
                out += cell + "|";
            }
            out += "\n";
        }
    }
    return out;
}

// The field a ValidationError names ("" when none was thrown).
template <class F> std::string rejectedField(F&& f)
{
    try {
        f();
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "";
}

// The bytes of a file ("" when missing): equal before and after means untouched.
inline std::string fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Pins core's "today" for one test.
class PinnedToday {
public:
    explicit PinnedToday(const Date& date) { pinTodayForTests(date); }
    ~PinnedToday() { pinTodayForTests(std::nullopt); }
    PinnedToday(const PinnedToday&) = delete;
    PinnedToday& operator=(const PinnedToday&) = delete;
};

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
public:
    TempDir()
    {
        std::random_device seed;
        path_ = std::filesystem::temp_directory_path() / ("alliance-test-" + std::to_string(seed()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// A store with one counselor and one client ("C-001", started 2026-01-01).
inline void addCounselorAndClient(Store& store, const std::string& code = "C-001")
{
    if (store.counselors().empty())
        store.addCounselor("Alex Rivera", Role::Counselor, std::nullopt);
    NewClient client;
    client.code = code;
    client.counselorName = "Alex Rivera";
    client.startDate = Date(2026, 1, 1);
    store.addClient(client);
}

} // namespace alliance::test
