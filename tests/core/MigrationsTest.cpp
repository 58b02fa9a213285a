#include "Migrations.hpp"
#include "Errors.hpp"
#include "Store.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

TEST_CASE("Migrations are numbered from 1 without gaps")
{
    const auto& all = embeddedMigrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i)
        CHECK(all[i].version == static_cast<int>(i) + 1);
    CHECK(latestSchemaVersion() == all.back().version);
}

TEST_CASE("A new database is at the latest version with foreign keys on")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    CHECK(schemaVersion(store.connection()) == latestSchemaVersion());
    sql::Statement fk(store.connection(), "PRAGMA foreign_keys");
    fk.step();
    CHECK(fk.integer(0) == 1);
}

TEST_CASE("The version 1 fixture upgrades with its data intact")
{
    test::TempDir dir;
    const std::string path = dir.file("old.db");
    std::filesystem::copy_file(ALLIANCE_FIXTURES_DIR "/schema-v1.db", path);
    Store store(path, OpenMode::MustExist);
    CHECK(schemaVersion(store.connection()) == latestSchemaVersion());
    const ClientDetail detail = store.clientDetail("C-001");
    CHECK(detail.client.displayName == "Ann \"Annie\" B.");
    CHECK(detail.client.counselorName == "Alex O'Rivera");
    REQUIRE(detail.sessions.size() == 2);
    CHECK(detail.sessions[0].note == "first session");
    CHECK(detail.sessions[0].ratings[0].score.totalTenths == 480);
    CHECK(detail.sessions[1].ratings[0].score.belowCutoff() == true);
    REQUIRE(detail.ruptures.size() == 1);
    CHECK(detail.ruptures[0].markers == std::vector<std::string>{"minimal-response"});
    REQUIRE(detail.plans.size() == 1);
    CHECK(detail.plans[0].strategies == std::vector<std::string>{"validate"});
    // Tables added by later migrations work on the upgraded file.
    CHECK(store.catalogue("strategy").size() >= 12);
    CHECK(store.analysisParams(Instrument::Srs, "total").cutoff == 36.0);
}

TEST_CASE("A database from a newer program is refused and left alone")
{
    test::TempDir dir;
    const std::string path = dir.file("future.db");
    {
        Store store(path, OpenMode::CreateIfMissing);
        store.connection().exec("PRAGMA user_version = 999");
    }
    const std::string before = test::fileBytes(path);
    CHECK_THROWS_AS(Store(path, OpenMode::MustExist), SchemaTooNew);
    CHECK_THROWS_AS(Store(path, OpenMode::ReadOnly), SchemaTooNew);
    CHECK(test::fileBytes(path) == before);
    sql::Connection raw(path, sql::Access::ReadOnly);
    CHECK(schemaVersion(raw) == 999);
}

TEST_CASE("A failing migration rolls back to the version before")
{
    sql::Connection connection(":memory:", sql::Access::ReadWrite);
    migrate(connection, 1);
    CHECK(schemaVersion(connection) == 1);
    // Make migration 2 fail: its catalogue table already exists.
    connection.exec("CREATE TABLE catalogue (x INTEGER)");
    CHECK_THROWS_AS(migrate(connection), StorageError);
    CHECK(schemaVersion(connection) == 1);
    sql::Statement agencies(connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'referral_agency'");
    agencies.step();
    CHECK(agencies.integer(0) == 0);
}

TEST_CASE("CHECK constraints mirror validation even when core is bypassed")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    auto& c = store.connection();
    c.exec("INSERT INTO counselor (name, role) VALUES ('A', 'counselor')");
    CHECK_THROWS_AS(c.exec("INSERT INTO client (code, counselor_id, start_date, cadence_days) "
                           "VALUES ('X', 1, '2023-02-30', 7)"),
                    StorageError);
    CHECK_THROWS_AS(c.exec("INSERT INTO client (code, counselor_id, start_date, cadence_days) "
                           "VALUES ('X', 99, '2023-02-01', 7)"),
                    StorageError);
    CHECK_THROWS_AS(c.exec("INSERT INTO counselor (name, role) VALUES ('B', 'boss')"), StorageError);
}
