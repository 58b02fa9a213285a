#pragma once
// Deciding, without writing a byte, whether a file is an Alliance Tracker database; creating a new
// one for the owner only; keeping an existing one (and its WAL and SHM) private.
#include <cstdint>
#include <string>

namespace alliance {

// PRAGMA application_id of every Alliance Tracker database: "ALTR".
inline constexpr std::int32_t allianceApplicationId = 0x414C5452;

// Throws NotOurDatabase (not a regular file, empty, not SQLite, another program's database),
// PermissionDenied (cannot be read), NotFound (missing), SchemaTooNew (the header says so). Reads only
// the header and, for a database from before application ids, the schema through an immutable
// read-only connection: the file and its neighbours are left as they were.
void requireOwnDatabaseFile(const std::string& path);

// Creates a new database file for the owner only (0600), already marked with our application id,
// atomically (made aside, then linked into place), with its folder (0700) when missing. Never
// replaces a file: returns false when one already exists at the path.
bool createNewDatabaseFile(const std::string& path);

// The database and its -wal and -shm, when readable by group or others, are set to 0600; throws
// PermissionDenied when one of them belongs to someone else and so cannot be tightened.
void keepDatabasePrivate(const std::string& path);

// Throws PermissionDenied unless the current user may write to the file.
void requireWritable(const std::string& path);

} // namespace alliance
