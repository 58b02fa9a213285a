#include "DatabaseFile.hpp"
#include "Errors.hpp"
#include "Migrations.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace alliance;
namespace fs = std::filesystem;

namespace {

// Another program's database, made with the plain C API (rollback journal, as most programs use).
void makeForeignDatabase(const std::string& path, const std::string& sqlText)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sqlText.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

void writeFile(const std::string& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// Every way of opening refuses the file with `Expected`, and the file and folder are unchanged.
template <class Expected> void refusedUntouched(const test::TempDir& dir, const std::string& path)
{
    const std::string before = test::fileBytes(path);
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::MustExist, OpenMode::CreateIfMissing}) {
        CAPTURE(static_cast<int>(mode));
        CHECK_THROWS_AS(Store(path, mode), Expected);
    }
    CHECK(test::fileBytes(path) == before);
    CHECK_FALSE(fs::exists(path + "-wal"));
    CHECK_FALSE(fs::exists(path + "-shm"));
    CHECK_FALSE(fs::exists(path + "-journal"));
    (void)dir;
}

} // namespace

TEST_CASE("Only our own files: every foreign file state is refused and left byte for byte")
{
    test::TempDir dir;
    SECTION("an empty file")
    {
        const auto path = dir.file("empty.db");
        writeFile(path, "");
        refusedUntouched<NotOurDatabase>(dir, path);
    }
    SECTION("a text file")
    {
        const auto path = dir.file("notes.db");
        writeFile(path, std::string(300, 'x'));
        refusedUntouched<NotOurDatabase>(dir, path);
    }
    SECTION("a short file that starts like SQLite")
    {
        const auto path = dir.file("short.db");
        writeFile(path, std::string("SQLite format 3\0", 16));
        refusedUntouched<NotOurDatabase>(dir, path);
    }
    SECTION("other programs' SQLite databases")
    {
        const std::vector<std::pair<std::string, std::string>> foreign = {
            {"photos.db", "CREATE TABLE photos (id INTEGER, path TEXT); INSERT INTO photos VALUES (1, 'a')"},
            {"crm.db", "CREATE TABLE client (id INTEGER); PRAGMA user_version = 3"}, // even a 'client' table
            {"other.db", "PRAGMA application_id = 1234; CREATE TABLE t (x)"},
            {"blank.db", "PRAGMA user_version = 0; VACUUM"},
        };
        for (const auto& [name, sqlText] : foreign) {
            CAPTURE(name);
            const auto path = dir.file(name);
            makeForeignDatabase(path, sqlText);
            refusedUntouched<NotOurDatabase>(dir, path);
        }
    }
    SECTION("a newer version of our own database")
    {
        const auto path = dir.file("future.db");
        {
            Store store(path, OpenMode::CreateIfMissing);
        }
        makeForeignDatabase(path, "PRAGMA user_version = 99");
        refusedUntouched<SchemaTooNew>(dir, path);
    }
    SECTION("a folder")
    {
        const auto path = dir.file("folder.db");
        fs::create_directory(path);
        for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::MustExist, OpenMode::CreateIfMissing})
            CHECK_THROWS_AS(Store(path, mode), NotOurDatabase);
        CHECK(fs::is_empty(path));
    }
}

TEST_CASE("Only our own files: /dev/null and other non-regular files are refused")
{
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::MustExist, OpenMode::CreateIfMissing})
        CHECK_THROWS_AS(Store("/dev/null", mode), NotOurDatabase);
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("Only init and demo create, and only a new file, marked with our application id")
{
    test::TempDir dir;
    const auto path = dir.file("new/alliance.db");
    CHECK_THROWS_AS(Store(path, OpenMode::MustExist), NotFound);
    CHECK_THROWS_AS(Store(path, OpenMode::ReadOnly), NotFound);
    CHECK_FALSE(fs::exists(path));
    {
        Store store(path, OpenMode::CreateIfMissing);
        CHECK(store.createdFile());
        sql::Statement id(store.connection(), "PRAGMA application_id");
        id.step();
        CHECK(id.int64(0) == allianceApplicationId);
    }
    Store again(path, OpenMode::CreateIfMissing);
    CHECK_FALSE(again.createdFile()); // an existing database is opened, not made again
}

TEST_CASE("A database from before application ids is recognised by its tables and upgraded")
{
    test::TempDir dir;
    const auto path = dir.file("v1.db");
    fs::copy_file(std::string(ALLIANCE_FIXTURES_DIR) + "/schema-v1.db", path);
    {
        Store store(path, OpenMode::ReadOnly); // upgrades once, then reads
        CHECK(store.clients().size() == 1);
    }
    sql::Connection raw(path, sql::Access::ReadOnly);
    CHECK(schemaVersion(raw) == latestSchemaVersion());
    sql::Statement id(raw, "PRAGMA application_id");
    id.step();
    CHECK(id.int64(0) == allianceApplicationId);
}

TEST_CASE("Read-only commands open read-only, and work on a read-only file")
{
    test::TempDir dir;
    const auto path = dir.file("ro.db");
    {
        Store store(path, OpenMode::CreateIfMissing);
        test::addCounselorAndClient(store);
    }
    const std::string before = test::fileBytes(path);
    Store reader(path, OpenMode::ReadOnly);
    CHECK(reader.clients().size() == 1);
    CHECK_THROWS_AS(reader.addCounselor("Sam Okafor", Role::Counselor, std::nullopt), StorageError);
    CHECK(test::fileBytes(path) == before);
}

TEST_CASE("A database readable by others is made private on open")
{
    test::TempDir dir;
    const auto path = dir.file("shared.db");
    {
        Store store(path, OpenMode::CreateIfMissing);
    }
    ::chmod(path.c_str(), 0644);
    Store store(path, OpenMode::ReadOnly);
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}
