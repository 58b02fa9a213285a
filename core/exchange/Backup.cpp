#include "exchange/Backup.hpp"

#include "DatabaseFile.hpp"
#include "Errors.hpp"
#include "Migrations.hpp"
#include "Store.hpp"
#include "Text.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>

namespace alliance::exchange {

namespace {

// Copies every page of `source` into `destination` in one step: one read transaction on the
// source (a consistent snapshot; writers go on in WAL mode) and one write transaction on the
// destination.
void copyPages(sqlite3* destination, sqlite3* source, const std::string& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    if (!backup)
        throw StorageError(sqlite3_errcode(destination), what + ": " + sqlite3_errmsg(destination));
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE)
        throw StorageError(stepped, what + ": " + sqlite3_errstr(stepped));
    if (finished != SQLITE_OK)
        throw StorageError(finished, what + ": " + sqlite3_errstr(finished));
}

void removeWithNeighbours(const std::string& path)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        ::unlink((path + suffix).c_str());
}

// Makes `path` (never replacing a file) from a copy written aside by `write`.
void makeAside(const std::string& path, const std::function<void(sql::Connection&)>& write)
{
    if (::access(path.c_str(), F_OK) == 0)
        throw ValidationError("file", "a file is already at " + printable(path) + "; choose a new name",
                              Reason::AlreadyRecorded);
    const std::string aside = path + ".partial";
    removeWithNeighbours(aside);
    if (!createNewDatabaseFile(aside))
        throw ValidationError("file", "could not make " + printable(aside), Reason::AlreadyRecorded);
    try {
        {
            sql::Connection copy(aside, sql::Access::ReadWrite);
            write(copy);
            const std::string check = integrityCheck(copy);
            if (check != "ok")
                throw StorageError(SQLITE_CORRUPT, "the copy failed its integrity check: " + check);
            // One file, no -wal beside it: the copy can be moved as it is.
            copy.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
        }
        if (::link(aside.c_str(), path.c_str()) != 0) {
            const int error = errno;
            throw PermissionDenied("cannot write " + printable(path) + ": " + std::strerror(error));
        }
    } catch (...) {
        removeWithNeighbours(aside);
        throw;
    }
    removeWithNeighbours(aside);
}

} // namespace

std::string integrityCheck(sql::Connection& connection)
{
    sql::Statement check(connection, "PRAGMA integrity_check(1)");
    return check.step() ? check.text(0) : std::string("no answer");
}

void backupDatabase(sql::Connection& source, const std::string& path)
{
    makeAside(path, [&](sql::Connection& copy) { copyPages(copy.handle(), source.handle(), "backup"); });
}

void checkBackupFile(const std::string& path)
{
    requireOwnDatabaseFile(path);
    std::string check;
    try {
        sql::Connection file(path, sql::Access::Immutable);
        check = integrityCheck(file);
    } catch (const StorageError& e) {
        throw NotOurDatabase(printable(path) + " is damaged: " + e.what());
    }
    if (check != "ok")
        throw NotOurDatabase(printable(path) + " is damaged (its integrity check says: " + printable(check) +
                             "); nothing was changed");
}

void copyDatabaseFile(const std::string& from, const std::string& to)
{
    checkBackupFile(from);
    sql::Connection source(from, sql::Access::Immutable);
    makeAside(to, [&](sql::Connection& copy) { copyPages(copy.handle(), source.handle(), "copy"); });
}

void replaceDatabase(sql::Connection& target, const std::string& from)
{
    sql::Connection source(from, sql::Access::ReadOnly); // reads its -wal too, if one is left
    copyPages(target.handle(), source.handle(), "restore");
}

void restoreDatabase(const std::string& backup, const std::string& database,
                     const std::function<void(Store&)>& admit)
{
    const std::string staging = database + ".restoring";
    const std::string previous = database + ".previous";
    removeWithNeighbours(staging);     // left by a restore that was stopped
    copyDatabaseFile(backup, staging); // checks the backup first (checkBackupFile)
    try {
        {
            Store restored(staging, OpenMode::MustExist); // upgraded to this program's schema
            admit(restored);
        }
        if (::access(database.c_str(), F_OK) != 0) {
            if (::rename(staging.c_str(), database.c_str()) != 0)
                throw PermissionDenied("cannot move the restored database to " + printable(database) + ": " +
                                       std::strerror(errno));
            return;
        }
        requireOwnDatabaseFile(database); // a damaged or foreign file there: moved away by a person
        if (::access(previous.c_str(), F_OK) == 0)
            throw ValidationError(
                "file", printable(previous) + " is there from an earlier restore; move it away first",
                Reason::AlreadyRecorded);
        sql::Connection current(database, sql::Access::ReadWrite);
        backupDatabase(current, previous);
        replaceDatabase(current, staging);
        const std::string check = integrityCheck(current);
        if (check != "ok" || schemaVersion(current) != latestSchemaVersion())
            throw StorageError(SQLITE_CORRUPT, "the restored database failed its check (" + check +
                                                   "); the previous one is kept at " + printable(previous));
    } catch (...) {
        removeWithNeighbours(staging);
        throw;
    }
    removeWithNeighbours(staging);
    removeWithNeighbours(previous);
}

} // namespace alliance::exchange
