#include "DatabaseFile.hpp"

#include "Errors.hpp"
#include "Migrations.hpp"
#include "Sqlite.hpp"
#include "Text.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace alliance {
namespace {

constexpr std::size_t headerSize = 100;
constexpr char sqliteMagic[] = "SQLite format 3"; // followed by NUL: 16 bytes

std::uint32_t bigEndian32(const unsigned char* bytes)
{
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

std::string named(const std::string& path)
{
    return "'" + printable(path) + "'";
}

[[noreturn]] void systemError(const std::string& path, int error, const std::string& doing)
{
    if (error == EACCES || error == EPERM)
        throw PermissionDenied("permission denied: cannot " + doing + " " + named(path));
    if (error == ENOENT)
        throw NotFound("no database at " + named(path) + " (run 'alliance init' first)");
    throw Error("cannot " + doing + " " + named(path) + ": " + std::strerror(error));
}

// A file from before application ids is ours when it holds our core tables at a known version.
// Read through an immutable connection: SQLite takes no lock and creates no -wal or -shm.
bool hasAllianceTables(const std::string& path)
{
    try {
        sql::Connection db(path, sql::Access::Immutable);
        std::set<std::string> tables;
        sql::Statement query(db, "SELECT name FROM sqlite_schema WHERE type = 'table'");
        while (query.step())
            tables.insert(query.text(0));
        for (const char* table : {"counselor", "client", "session", "rating", "rupture", "repair_plan"})
            if (!tables.count(table))
                return false;
        return schemaVersion(db) >= 1;
    } catch (const StorageError&) {
        return false; // unreadable as a database: not ours
    }
}

} // namespace

void requireOwnDatabaseFile(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        systemError(path, errno, "open");
    if (!S_ISREG(info.st_mode))
        throw NotOurDatabase(named(path) + " is not a regular file" +
                             (S_ISDIR(info.st_mode) ? " (it is a folder)" : "") +
                             "; give the path of an Alliance Tracker database");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        systemError(path, errno, "read");
    std::array<unsigned char, headerSize> header{};
    std::size_t have = 0;
    while (have < header.size()) {
        const ssize_t got = ::read(fd, header.data() + have, header.size() - have);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        have += static_cast<std::size_t>(got);
    }
    ::close(fd);
    if (have == 0)
        throw NotOurDatabase(named(path) + " is an empty file, not an Alliance Tracker database; "
                                           "it was left as it is (remove it, or choose another path)");
    if (have < header.size() || std::memcmp(header.data(), sqliteMagic, sizeof sqliteMagic) != 0)
        throw NotOurDatabase(named(path) + " is not an SQLite database; it was left as it is");
    const std::uint32_t applicationId = bigEndian32(header.data() + 68);
    const auto version = static_cast<int>(bigEndian32(header.data() + 60));
    if (applicationId == static_cast<std::uint32_t>(allianceApplicationId)) {
        if (version > latestSchemaVersion())
            throw SchemaTooNew(version, latestSchemaVersion(), named(path));
        return;
    }
    if (applicationId != 0) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%08X", applicationId);
        throw NotOurDatabase(named(path) + " is another program's SQLite database (application id " + hex +
                             "); it was left as it is");
    }
    if (!hasAllianceTables(path))
        throw NotOurDatabase(named(path) +
                             " is an SQLite database without Alliance Tracker's tables (another "
                             "program's?); it was left as it is");
    if (version > latestSchemaVersion())
        throw SchemaTooNew(version, latestSchemaVersion(), named(path));
}

bool createNewDatabaseFile(const std::string& path)
{
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::exists(parent)) {
        const mode_t previous = ::umask(077);
        std::error_code failed;
        std::filesystem::create_directories(parent, failed);
        ::umask(previous);
        if (failed)
            systemError(parent.string(), failed.value(), "create the folder");
    }
    // Made under a temporary name and marked with our application id, then linked into place:
    // the path never holds an empty or unmarked file, even if the program is killed meanwhile.
    std::string temporary = path + ".creating-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        systemError(path, errno, "create");
    ::fchmod(fd, 0600);
    ::close(fd);
    const auto discard = [&temporary] {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            ::unlink((temporary + suffix).c_str());
    };
    try {
        sql::Connection fresh(temporary, sql::Access::ReadWrite);
        fresh.exec("PRAGMA application_id = " + std::to_string(allianceApplicationId));
    } catch (...) {
        discard();
        throw;
    }
    const int linked = ::link(temporary.c_str(), path.c_str());
    const int error = errno;
    discard();
    if (linked != 0) {
        if (error == EEXIST)
            return false;
        systemError(path, error, "create");
    }
    return true;
}

void keepDatabasePrivate(const std::string& path)
{
    for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
        struct stat info {};
        if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || (info.st_mode & 077) == 0)
            continue;
        if (info.st_uid != ::geteuid())
            throw PermissionDenied(named(file) +
                                   " can be read by other users and belongs to someone else, so it cannot be "
                                   "made private; ask its owner to run 'chmod 600' on it");
        if (::chmod(file.c_str(), info.st_mode & 0700) != 0)
            systemError(file, errno, "make private");
    }
}

void requireWritable(const std::string& path)
{
    if (::access(path.c_str(), W_OK) != 0)
        throw PermissionDenied("permission denied: " + named(path) + " is read-only for you (" +
                               std::strerror(errno) + ")");
    const auto parent = std::filesystem::absolute(path).parent_path();
    if (::access(parent.c_str(), W_OK | X_OK) != 0)
        throw PermissionDenied("permission denied: the folder of " + named(path) +
                               " is read-only for you, and SQLite keeps its write-ahead log there");
}

} // namespace alliance
