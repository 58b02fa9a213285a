#pragma once
// Numbered schema migrations applied with PRAGMA user_version, each in its own transaction.
#include <string>
#include <vector>

namespace alliance {

namespace sql {
class Connection;
}

struct Migration {
    int version;
    const char* name;
    const char* sqlText;
};

// The schema/NNNN_*.sql files, embedded at build time, in order.
const std::vector<Migration>& embeddedMigrations();

// The newest schema version this build knows.
int latestSchemaVersion();

// Reads PRAGMA user_version.
int schemaVersion(sql::Connection& connection);

// Applies every pending migration up to `target` (default: latest). Throws SchemaTooNew when the
// file is newer than this build; a failing migration rolls back and leaves the earlier version.
void migrate(sql::Connection& connection, int target = -1);

} // namespace alliance
