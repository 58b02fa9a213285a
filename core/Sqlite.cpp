#include "Sqlite.hpp"

#include "Errors.hpp"

#include <sqlite3.h>

namespace alliance::sql {
namespace {

[[noreturn]] void fail(sqlite3* db, int code, const std::string& context)
{
    std::string message = context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    throw StorageError(code, message);
}

} // namespace

Connection::Connection(const std::string& path, bool create)
{
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (create)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const bool missing = (rc & 0xff) == SQLITE_CANTOPEN && !create;
        std::string message = sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        if (missing)
            throw NotFound("no database at " + path + " (run 'alliance init' first)");
        throw StorageError(rc, "cannot open database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    try {
        exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
        // A file that is not a database fails here with SQLITE_NOTADB.
        exec("PRAGMA journal_mode = WAL;");
    } catch (...) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

Connection::~Connection()
{
    sqlite3_close_v2(db_);
}

void Connection::exec(const std::string& sqlText)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, sqlText.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
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

Statement::Statement(Connection& connection, std::string_view sqlText) : connection_(connection)
{
    const int rc = sqlite3_prepare_v2(connection.handle(), sqlText.data(), static_cast<int>(sqlText.size()),
                                      &stmt_, nullptr);
    if (rc != SQLITE_OK)
        fail(connection.handle(), rc, "cannot prepare statement");
}

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
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

Transaction::Transaction(Connection& connection) : connection_(connection)
{
    connection_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!done_)
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    connection_.exec("COMMIT");
    done_ = true;
}

ReadTransaction::ReadTransaction(Connection& connection) : connection_(connection)
{
    connection_.exec("BEGIN");
}

ReadTransaction::~ReadTransaction()
{
    sqlite3_exec(connection_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

} // namespace alliance::sql
