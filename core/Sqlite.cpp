#include "Sqlite.hpp"

#include "Errors.hpp"
#include "Text.hpp"

#include <cstdio>
#include <filesystem>
#include <sqlite3.h>

namespace alliance::sql {
namespace {

// "locked" names the file and says why, so a counselor knows to close the other program.
std::string lockedMessage(sqlite3* db)
{
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    return "the database " + (file && *file ? "'" + printable(file) + "'" : std::string("file")) +
           " is locked: another program is writing to it; try again when it has finished";
}

bool isBusy(int code)
{
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

[[noreturn]] void fail(sqlite3* db, int code, const std::string& context)
{
    if (isBusy(code))
        throw DatabaseLocked(code, lockedMessage(db));
    std::string message = context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    throw StorageError(code, message);
}

// A file URI (SQLite's syntax) for the path, with its query.
std::string fileUri(const std::string& path, const std::string& query)
{
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f) {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?" + query;
}

} // namespace

Connection::Connection(const std::string& path, Access access)
{
    // Never SQLITE_OPEN_CREATE: a new file is made (0600) and checked before SQLite sees it.
    int flags = (access == Access::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    std::string name = path;
    if (path == ":memory:")
        flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX;
    if (access == Access::Immutable) {
        flags |= SQLITE_OPEN_URI;
        name = fileUri(path, "mode=ro&immutable=1");
    }
    const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StorageError(rc, "cannot open database '" + printable(path) + "': " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    try {
        exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    } catch (...) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

void Connection::enableWriteAheadLog()
{
    Statement mode(*this, "PRAGMA journal_mode = WAL");
    if (mode.step() && mode.text(0) != "wal" && path() != "")
        throw StorageError(SQLITE_ERROR, "cannot switch '" + printable(path()) + "' to write-ahead logging");
}

std::string Connection::path() const
{
    const char* file = sqlite3_db_filename(db_, "main");
    return file ? file : "";
}

Connection::~Connection()
{
    for (auto& [text, statement] : idle_)
        sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
}

sqlite3_stmt* Connection::takeStatement(const std::string& sqlText)
{
    const auto found = idle_.find(sqlText);
    if (found != idle_.end()) {
        sqlite3_stmt* statement = found->second;
        idle_.erase(found);
        return statement;
    }
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sqlText.data(), static_cast<int>(sqlText.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        fail(db_, rc, "cannot prepare statement");
    }
    return statement;
}

void Connection::giveBackStatement(std::string sqlText, sqlite3_stmt* statement)
{
    constexpr std::size_t keep = 256; // distinct texts are few; a bound all the same
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (idle_.size() >= keep) {
        sqlite3_finalize(statement);
        return;
    }
    idle_.emplace(std::move(sqlText), statement);
}

void Connection::exec(const std::string& sqlText)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sqlText.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        if (isBusy(rc))
            throw DatabaseLocked(rc, lockedMessage(db_));
        throw StorageError(rc, "database error: " + message);
    }
}

std::int64_t Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const
{
    return sqlite3_changes(db_);
}

Statement::Statement(Connection& connection, std::string_view sqlText)
    : connection_(connection), sqlText_(sqlText), stmt_(connection.takeStatement(sqlText_))
{
}

Statement::~Statement()
{
    connection_.giveBackStatement(std::move(sqlText_), stmt_);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK)
        fail(connection_.handle(), rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK)
        fail(connection_.handle(), rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind(int index, const std::string& value)
{
    const int rc =
        sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(connection_.handle(), rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK)
        fail(connection_.handle(), rc, "cannot bind parameter");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(connection_.handle(), rc, "database error");
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::columnName(int column) const
{
    const char* name = sqlite3_column_name(stmt_, column);
    return name ? name : "";
}

int Statement::columnCount() const
{
    return sqlite3_column_count(stmt_);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string_view Statement::view(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    return data ? std::string_view(data, static_cast<std::size_t>(size)) : std::string_view();
}

std::optional<std::string> Statement::optText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<int> Statement::optInt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

bool Connection::readOnly() const
{
    return sqlite3_db_readonly(db_, "main") == 1;
}

std::optional<std::int64_t> Statement::optInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

Transaction::Transaction(Connection& connection)
    : connection_(connection), nested_(sqlite3_get_autocommit(connection.handle()) == 0)
{
    // Inside a caller's transaction (a whole demo, an import) a write is a savepoint of it.
    connection_.exec(nested_ ? "SAVEPOINT alliance_write" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (done_)
        return;
    if (nested_)
        sqlite3_exec(connection_.handle(), "ROLLBACK TO alliance_write; RELEASE alliance_write", nullptr,
                     nullptr, nullptr);
    else
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    connection_.exec(nested_ ? "RELEASE alliance_write" : "COMMIT");
    done_ = true;
}

ReadTransaction::ReadTransaction(Connection& connection)
    : connection_(connection), nested_(sqlite3_get_autocommit(connection.handle()) == 0)
{
    if (!nested_) // inside a transaction the snapshot is already that transaction's
        connection_.exec("BEGIN");
}

ReadTransaction::~ReadTransaction()
{
    if (!nested_)
        sqlite3_exec(connection_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

} // namespace alliance::sql
