#pragma once
// Backups of the database file with SQLite's online backup API, and restoring one.
#include "Sqlite.hpp"

#include <functional>

#include <string>

namespace alliance {
class Store;
}

namespace alliance::exchange {

// Copies the open database, as one consistent snapshot while other connections go on writing,
// into a new file at `path` (0600; made aside and linked into place, so the path never holds half
// a copy, and never replacing a file), then checks the copy's integrity. The copy holds the text
// sealed as the database does: it opens with the same accounts' passwords or the recovery key.
// Throws PermissionDenied / StorageError; AlreadyExists-like ValidationError("backup") when a file
// is at `path`.
void backupDatabase(sql::Connection& source, const std::string& path);

// Refuses a file that is not a whole Alliance Tracker database this program can open: not ours
// (NotOurDatabase), damaged (NotOurDatabase naming the integrity check), newer (SchemaTooNew).
// Reads without writing a byte (an immutable connection).
void checkBackupFile(const std::string& path);

// Copies the database file at `from` (checked) into a new file at `to` (as backupDatabase).
void copyDatabaseFile(const std::string& from, const std::string& to);

// Replaces the content of the open database `target` with the database at `from`, in one
// transaction of the backup API: another connection sees the old database or the new, never a mix.
void replaceDatabase(sql::Connection& target, const std::string& from);

// Restores the backup at `backup` over the database at `database`:
//  1. the backup is checked (checkBackupFile) and copied aside (database + ".restoring"), where it
//     is upgraded to this program's schema and handed to `admit` -- which signs in to it as an admin
//     and checks its audit trail (security::Workspace::admitRestore), or throws;
//  2. when a database is at `database` (it must be ours and whole), it is copied to
//     database + ".previous", then replaced page by page in one transaction and checked; the
//     previous copy is removed only after that succeeded (kept, and named, if anything failed);
//  3. with no database there, the checked copy is moved into place.
// Nothing at `database` changes unless every check passed. Close the app first: an open app keeps
// the replaced database's key and would show nothing.
void restoreDatabase(const std::string& backup, const std::string& database,
                     const std::function<void(alliance::Store&)>& admit);

// PRAGMA integrity_check: "ok" or the first problem.
std::string integrityCheck(sql::Connection& connection);

} // namespace alliance::exchange
