#include "Migrations.hpp"

#include "Errors.hpp"
#include "Sqlite.hpp"

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

void migrate(sql::Connection& connection, int target)
{
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
