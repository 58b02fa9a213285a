#include "Migrations.hpp"

#include "Errors.hpp"
#include "Sqlite.hpp"
#include "Text.hpp"

#include <sqlite3.h>

namespace alliance {

int latestSchemaVersion()
{
    return embeddedMigrations().empty() ? 0 : embeddedMigrations().back().version;
}

int schemaVersion(sql::Connection& connection)
{
    sql::Statement query(connection, "PRAGMA user_version");
    query.step();
    return query.integer(0);
}

namespace {

void identityKeyFunction(sqlite3_context* context, int, sqlite3_value** argv)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const std::string key =
        identityKey(std::string(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
    sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

// alliance_key(text) = identityKey, for migrations that fill key columns; never usable from a
// schema object (SQLITE_DIRECTONLY), so a crafted file cannot call it.
void defineMigrationFunctions(sql::Connection& connection)
{
    const int rc = sqlite3_create_function_v2(connection.handle(), "alliance_key", 1,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, nullptr,
                                              identityKeyFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw StorageError(rc, "cannot define alliance_key");
}

} // namespace

void migrate(sql::Connection& connection, int target)
{
    defineMigrationFunctions(connection);
    const int latest = latestSchemaVersion();
    if (target < 0)
        target = latest;
    const int current = schemaVersion(connection);
    if (current > latest)
        throw SchemaTooNew(current, latest);
    for (const Migration& m : embeddedMigrations()) {
        if (m.version <= current || m.version > target)
            continue;
        sql::Transaction transaction(connection);
        // Re-check inside the write lock: another process may have migrated meanwhile.
        if (schemaVersion(connection) >= m.version)
            continue;
        connection.exec(m.sqlText);
        connection.exec("PRAGMA user_version = " + std::to_string(m.version));
        transaction.commit();
    }
}

} // namespace alliance
