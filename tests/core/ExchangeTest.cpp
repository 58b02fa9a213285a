// CSV import and export, backup and restore (issue 12).
#include "Errors.hpp"
#include "Migrations.hpp"
#include "Store.hpp"
#include "TestSupport.hpp"
#include "exchange/Backup.hpp"
#include "exchange/Csv.hpp"
#include "exchange/Import.hpp"
#include "security/Accounts.hpp"
#include "security/Workspace.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <atomic>
#include <sstream>
#include <thread>

using namespace alliance;
using namespace alliance::exchange;
using security::Workspace;

namespace {

const std::string password = "correct horse battery";
const std::string fixtures = std::string(ALLIANCE_FIXTURES_DIR);

std::vector<csv::Record> readAll(const std::string& text)
{
    std::istringstream in(text);
    csv::Reader reader(in);
    std::vector<csv::Record> records;
    csv::Record record;
    while (reader.next(record))
        records.push_back(record);
    return records;
}

// An empty agency database: Robin Admin (admin) and accounts for the people the fixtures name.
struct Agency {
    Store store;
    explicit Agency(const std::string& path = ":memory:") : store(path, OpenMode::CreateIfMissing)
    {
        security::initialize(store, {"Robin Admin", Role::Admin, std::nullopt, true}, password);
    }
    Workspace as(const std::string& name) { return Workspace::signIn(store, name, password); }
    void addAccounts()
    {
        security::createAccount(store, {"Morgan Ellis", Role::Supervisor, std::nullopt, false}, password);
        security::createAccount(store, {"Alex Rivera", Role::Counselor, std::string("Morgan Ellis"), false},
                                password);
    }
};

// Imports texts named like files, in order.
ImportReport importTexts(Workspace& work, const std::vector<std::pair<std::string, std::string>>& files,
                         bool dryRun = false)
{
    std::vector<std::unique_ptr<std::istringstream>> streams;
    std::vector<ImportSource> sources;
    for (const auto& [name, text] : files) {
        streams.push_back(std::make_unique<std::istringstream>(text));
        sources.push_back({name, streams.back().get(), text.size()});
    }
    ImportOptions options;
    options.dryRun = dryRun;
    return work.importCsv(sources, options);
}

std::vector<std::pair<std::string, std::string>> fixtureFiles()
{
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* name :
         {"counselors.csv", "clients.csv", "srs-scores.csv", "ratings.csv", "ruptures.csv", "plans.csv"})
        files.emplace_back(name, test::fileBytes(fixtures + "/import/" + name));
    return files;
}

std::string exported(Workspace& work, RecordKind kind)
{
    std::ostringstream out;
    work.exportCsv(kind, out);
    return out.str();
}

std::string problemsOf(const ImportReport& report)
{
    std::string text;
    for (const auto& p : report.problems)
        text += p.file + ":" + std::to_string(p.line) + ":" + p.column + ": " + p.problem + "\n";
    return text;
}

} // namespace

TEST_CASE("CSV reader: BOM, CRLF, quoted commas, quotes and line breaks, and broken records named",
          "[exchange]")
{
    const auto records = readAll("\xEF\xBB\xBF"
                                 "a,b,c\r\n"
                                 "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                                 "\r\n"
                                 "2,\"two\r\nlines\",\n"
                                 "3,plain,last");
    REQUIRE(records.size() == 4);
    CHECK(records[0].fields == std::vector<std::string>{"a", "b", "c"});
    CHECK(records[1].fields == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK(records[2].fields == std::vector<std::string>{"2", "two\nlines", ""});
    CHECK(records[2].line == 4);
    CHECK(records[3].line == 6);
    for (const auto& r : records)
        CHECK(r.problems.empty());

    const auto broken = readAll("a,b\n"
                                "1,x\"y\n"
                                "2,\"x\"y\n"
                                "3,\xC3\x28\n"
                                "4,\"never closed\n");
    REQUIRE(broken.size() == 5);
    REQUIRE(broken[1].problems.size() == 1);
    CHECK(broken[1].problems[0].column == 2);
    CHECK(broken[1].problems[0].what == "a quote inside an unquoted field");
    CHECK(broken[2].problems.at(0).what == "text after a closing quote");
    CHECK(broken[3].problems.at(0).what.find("not UTF-8") != std::string::npos);
    CHECK(broken[4].problems.at(0).what.find("not closed") != std::string::npos);

    // A field longer than the limit is reported, not held; the reader goes on with the next line.
    const auto huge = readAll("a\n" + std::string(csv::Reader::maxFieldBytes + 10, 'x') + "\nnext\n");
    REQUIRE(huge.size() == 3);
    CHECK(huge[1].problems.at(0).what.find("longer than") != std::string::npos);
    CHECK(huge[1].fields.at(0).size() <= csv::Reader::maxFieldBytes);
    CHECK(huge[2].fields == std::vector<std::string>{"next"});
}

TEST_CASE("Formula cells are neutralised on export and restored exactly on import", "[exchange]")
{
    for (const std::string cell : {"=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "'=x", "''+y"}) {
        const std::string written = csv::neutralised(cell);
        CHECK(written.front() == '\'');
        CHECK(csv::restored(written) == cell);
    }
    for (const std::string cell : {"plain", "'quoted", "", "1.5", "a=b"}) {
        CHECK(csv::neutralised(cell) == cell);
        CHECK(csv::restored(cell) == cell);
    }
    std::ostringstream out;
    csv::Writer(out).row({"=HYPERLINK(\"x\")", "a,b", "two\nlines"});
    CHECK(out.str() == "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",\"two\nlines\"\r\n");
}

TEST_CASE("Import of a spreadsheet's files, export matches the golden files, and a round trip is exact",
          "[exchange]")
{
    test::PinnedToday today(Date(2026, 11, 28));
    Agency agency;
    Workspace robin = agency.as("Robin Admin");
    const ImportReport report = importTexts(robin, fixtureFiles());
    INFO(problemsOf(report));
    REQUIRE(report.problemCount == 0);
    CHECK(report.written);
    REQUIRE(report.addedByClient.count("C-101") == 1);
    CHECK(report.addedByClient.at("C-101").client);
    CHECK(report.addedByClient.at("C-101").ratings == 7);
    CHECK(report.addedByClient.at("C-101").ruptures == 2);
    CHECK(report.addedByClient.at("C-101").plans == 2);
    CHECK(report.addedByClient.at("C-102").ratings == 3);
    REQUIRE(report.files.size() == 6);
    CHECK(report.files[2].added == 7); // srs-scores.csv
    CHECK(report.files[5].added == 2); // plans.csv
    agency.addAccounts();
    Workspace alex = agency.as("Alex Rivera");

    std::map<RecordKind, std::string> first;
    for (const auto& kind : recordKinds()) {
        first[kind.kind] = exported(alex, kind.kind);
        INFO(kind.name);
        CHECK(first[kind.kind] == test::fileBytes(fixtures + "/export/" + kind.name + ".csv"));
    }

    // The same files again: nothing new, nothing changed.
    const std::string before = test::dumpContent(agency.store);
    const ImportReport again = importTexts(robin, fixtureFiles());
    CHECK(again.problemCount == 0);
    for (const auto& file : again.files) {
        CHECK(file.added == 0);
        CHECK(file.alreadyRecorded == file.records);
    }
    CHECK(test::dumpContent(agency.store) == before);

    // The export into an empty database, exported again: the same bytes.
    Agency empty;
    Workspace robin2 = empty.as("Robin Admin");
    std::vector<std::pair<std::string, std::string>> exports;
    for (const auto& kind : recordKinds())
        exports.emplace_back(kind.name + ".csv", first[kind.kind]);
    const ImportReport back = importTexts(robin2, exports);
    INFO(problemsOf(back));
    REQUIRE(back.problemCount == 0);
    empty.addAccounts();
    Workspace alex2 = empty.as("Alex Rivera");
    for (const auto& kind : recordKinds())
        CHECK(exported(alex2, kind.kind) == first[kind.kind]);
}

TEST_CASE("A bad file is named by line, column and reason, and nothing is written", "[exchange]")
{
    test::PinnedToday today(Date(2026, 11, 28));
    Agency agency;
    Workspace robin = agency.as("Robin Admin");
    REQUIRE(importTexts(robin, {fixtureFiles()[0], fixtureFiles()[1]}).written);
    const std::string ratingsHeader = "client,date,instrument,item1,item2,item3,item4\n";
    const std::string good = "C-101,2026-03-02,srs,9,9,9,9\n";
    struct Case {
        std::string name, text;
        std::uint64_t line;
        std::string column, words;
    };
    const std::vector<Case> cases{
        {"no header", good, 1, "", "names no kind"},
        {"empty file", "", 1, "", "empty"},
        {"an unknown column", "client,date,instrument,colour\n", 1, "", "names no kind"},
        {"a column twice", "client,date,date,instrument\n", 1, "date", "twice"},
        {"wrong field count", ratingsHeader + good + "C-101,2026-03-09,srs,9,9\n", 3, "", "5 fields"},
        {"a bad date", ratingsHeader + good + "C-101,2026-02-30,srs,9,9,9,9\n", 3, "date", "invalid date"},
        {"a date in the future", ratingsHeader + "C-101,2027-06-01,srs,9,9,9,9\n", 2, "date", "future"},
        {"before the start", ratingsHeader + "C-101,2025-12-01,srs,9,9,9,9\n", 2, "date", "start date"},
        {"an item out of range", ratingsHeader + "C-101,2026-03-02,srs,9,11,9,9\n", 2, "item2", "range"},
        {"a missing item", ratingsHeader + "C-101,2026-03-02,srs,9,9,9,\n", 2, "item4", "4 items"},
        {"an unknown instrument", ratingsHeader + "C-101,2026-03-02,orq,9,9,9,9\n", 2, "instrument", "orq"},
        {"an unknown client", ratingsHeader + "C-999,2026-03-02,srs,9,9,9,9\n", 2, "client", "no client"},
        {"a duplicate row", ratingsHeader + good + good, 3, "date", "repeats an earlier line"},
        {"a formula cell",
         "client,session_date,kind,note\nC-101,2026-01-05,withdrawal,\"=HYPERLINK(\"\"x\"\")\"\n", 2, "note",
         "formula"},
        {"binary garbage", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), 1, "", "not UTF-8"},
        {"garbage after a header", ratingsHeader + "C-101,\xFF\xFE,srs,9,9,9,9\n", 2, "date", "not UTF-8"},
        {"a stray quote", ratingsHeader + "C-101,2026-03-02,s\"rs,9,9,9,9\n", 2, "instrument", "quote"},
        {"a quote in a name", "client,counselor\n\"C-1'\"\"; DROP TABLE client;--\",Nobody Known\n", 2,
         "counselor", "no counselor"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const std::string before = test::dumpAll(agency.store);
        const ImportReport report = importTexts(robin, {{"scores.csv", c.text}});
        INFO(problemsOf(report));
        CHECK_FALSE(report.written);
        REQUIRE(report.problemCount >= 1);
        CHECK(report.problems[0].file == "scores.csv");
        CHECK(report.problems[0].line == c.line);
        CHECK(report.problems[0].column == c.column);
        CHECK(report.problems[0].problem.find(c.words) != std::string::npos);
        CHECK(test::dumpAll(agency.store) == before);
    }

    // A different rating on record under the same key is a problem, never overwritten.
    REQUIRE(importTexts(robin, {{"a.csv", ratingsHeader + good}}).written);
    const std::string before = test::dumpAll(agency.store);
    const ImportReport changed =
        importTexts(robin, {{"b.csv", ratingsHeader + "C-101,2026-03-02,srs,5,5,5,5\n"}});
    CHECK(changed.problems.at(0).problem.find("a different srs rating") != std::string::npos);
    // A good file after a bad one in the same import is not written either; a dry run writes nothing.
    const ImportReport mixed = importTexts(
        robin, {{"good.csv", ratingsHeader + "C-101,2026-03-09,srs,9,9,9,9\n"}, {"bad.csv", "nonsense\n"}});
    CHECK_FALSE(mixed.written);
    const ImportReport dry =
        importTexts(robin, {{"good.csv", ratingsHeader + "C-101,2026-03-09,srs,9,9,9,9\n"}}, true);
    CHECK(dry.problemCount == 0);
    CHECK(dry.files.at(0).added == 1);
    CHECK_FALSE(dry.written);
    CHECK(test::dumpAll(agency.store) == before);

    // A 50 MB file of bad lines: every problem counted, the first 200 kept, nothing written.
    std::string big = ratingsHeader;
    const std::string badLine = "C-101,2026-03-02,srs,9,99,9,9," + std::string(60, 'x') + "\n";
    while (big.size() < 50u * 1024 * 1024)
        big += badLine;
    const ImportReport flood = importTexts(robin, {{"big.csv", big}});
    CHECK(flood.problemCount == (big.size() - ratingsHeader.size()) / badLine.size());
    CHECK(flood.problems.size() == ImportReport::maxProblems);
    CHECK(test::dumpAll(agency.store) == before);
}

TEST_CASE("Import and export respect the roles and are audited", "[exchange]")
{
    test::PinnedToday today(Date(2026, 11, 28));
    Agency agency;
    Workspace robin = agency.as("Robin Admin");
    REQUIRE(importTexts(robin, {fixtureFiles()[0], fixtureFiles()[1]}).written);
    agency.addAccounts();
    security::createAccount(agency.store,
                            {"Casey Nguyen", Role::Counselor, std::string("Morgan Ellis"), false}, password);
    Workspace casey = agency.as("Casey Nguyen");
    Workspace morgan = agency.as("Morgan Ellis");
    Workspace alex = agency.as("Alex Rivera");
    const std::string ratings =
        "client,date,instrument,item1,item2,item3,item4\nC-101,2026-03-02,srs,9,9,9,9\n";
    const std::string before = test::dumpAll(agency.store);

    // Not Casey's client, nor the supervisor's to change; counselors are an admin's to add.
    for (Workspace* w : {&casey, &morgan}) {
        const ImportReport r = importTexts(*w, {{"r.csv", ratings}});
        CHECK_FALSE(r.written);
        CHECK(r.problems.at(0).column == "client");
        CHECK(r.problems.at(0).problem.find("own counselor") != std::string::npos);
    }
    CHECK(importTexts(alex, {{"c.csv", "counselor,role\nNew Person,counselor\n"}})
              .problems.at(0)
              .problem.find("only an admin") != std::string::npos);
    CHECK(importTexts(casey, {{"c.csv", "client,counselor\nC-500,Alex Rivera\n"}})
              .problems.at(0)
              .problem.find("their own caseload") != std::string::npos);
    CHECK(test::dumpAll(agency.store) == before);

    const ImportReport mine = importTexts(alex, {{"r.csv", ratings}});
    CHECK(mine.written);
    const auto entries = robin.auditEntries({});
    const auto importEntry = std::find_if(entries.begin(), entries.end(), [](const auto& e) {
        return e.event.action == "import" && e.actor == "Alex Rivera";
    });
    REQUIRE(importEntry != entries.end());
    CHECK(importEntry->event.detail == std::optional<std::string>("ratings 1 added, 0 already recorded"));
    // ... and an entry on the client's own trail.
    CHECK(std::any_of(entries.begin(), entries.end(), [](const auto& e) {
        return e.event.action == "import" && e.event.clientCode == std::optional<std::string>("C-101") &&
               e.event.detail == std::optional<std::string>("1 rating");
    }));

    // A counselor's export holds only their own clients; Casey's holds none of Alex's.
    CHECK(exported(casey, RecordKind::Ratings).find("C-101") == std::string::npos);
    CHECK(exported(alex, RecordKind::Ratings).find("C-101") != std::string::npos);
    // An admin's export has the figures and no clinical text of another counselor's client.
    const std::string adminClients = exported(robin, RecordKind::Clients);
    CHECK(adminClients.find("C-101") != std::string::npos);
    CHECK(adminClients.find("Quinn") == std::string::npos);
    CHECK(exported(alex, RecordKind::Clients).find("Quinn") != std::string::npos);
    const auto after = robin.auditEntries({});
    CHECK(std::count_if(after.begin(), after.end(),
                        [](const auto& e) { return e.event.action == "export"; }) == 4);
    CHECK(robin.verifyAudit().intact);
}

TEST_CASE("A backup taken while another connection writes is whole and consistent, and restore checks first",
          "[exchange]")
{
    test::TempDir dir;
    const std::string path = dir.file("agency.db");
    std::string before;
    {
        Agency agency(path);
        Workspace robin = agency.as("Robin Admin");
        REQUIRE(importTexts(robin, fixtureFiles()).written);
    }
    // A writer adds a session with its rating in each transaction while the backup is taken.
    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    std::thread writer([&] {
        Store other(path, OpenMode::MustExist);
        Workspace robin = Workspace::signIn(other, "Robin Admin", password);
        security::createAccount(other, {"Alex Rivera", Role::Counselor, std::string("Morgan Ellis"), false},
                                password);
        Workspace alex = Workspace::signIn(other, "Alex Rivera", password);
        Date day(2026, 3, 1);
        while (!stop && written < 240) { // one session a day, March to October
            NewRating r;
            r.clientCode = "C-102";
            r.date = day;
            r.instrument = Instrument::Bgt;
            r.itemTenths = {80, 80, 80};
            r.rater = Rater::Observer;
            r.note = std::string("a note to seal");
            alex.logSession(r, std::nullopt);
            day += boost::gregorian::days(1);
            ++written;
        }
    });
    while (written < 50)
        std::this_thread::yield();
    {
        Store store(path, OpenMode::MustExist);
        Workspace robin = Workspace::signIn(store, "Robin Admin", password);
        robin.backupTo(dir.file("backup.db"));
        CHECK_THROWS_AS(robin.backupTo(dir.file("backup.db")), ValidationError); // never replaces a file
        Workspace noAdmin = [&] {
            while (written < 60)
                std::this_thread::yield();
            return Workspace::signIn(store, "Alex Rivera", password);
        }();
        CHECK_THROWS_AS(noAdmin.backupTo(dir.file("other.db")), AccessDenied);
    }
    stop = true;
    writer.join();
    {
        sql::Connection copy(dir.file("backup.db"), sql::Access::ReadOnly);
        CHECK(exchange::integrityCheck(copy) == "ok");
        // Every session the writer made in the copy has its rating: no half-written transaction.
        sql::Statement orphans(copy, "SELECT count(*) FROM session s WHERE NOT EXISTS "
                                     "(SELECT 1 FROM rating r WHERE r.session_id = s.id)");
        orphans.step();
        CHECK(orphans.integer(0) == 0);
    }
    {
        Store copy(dir.file("backup.db"), OpenMode::MustExist);
        CHECK(Workspace::signIn(copy, "Robin Admin", password).verifyAudit().intact);
        before = test::dumpContent(copy);
    }

    // Restoring: a damaged, a foreign and a newer file are refused and change nothing.
    const std::string current = test::fileBytes(path);
    const auto admit = [](Store& s) { Workspace::signIn(s, "Robin Admin", password).admitRestore(); };
    std::string damaged = test::fileBytes(dir.file("backup.db"));
    for (std::size_t at = 8192; at < damaged.size(); at += 4096)
        damaged[at + 100] = static_cast<char>(damaged[at + 100] ^ 0x5A);
    std::ofstream(dir.file("damaged.db"), std::ios::binary) << damaged;
    std::ofstream(dir.file("foreign.db"), std::ios::binary) << "SQLite format 3" << std::string(200, '\0');
    const auto withSqlite = [](const std::string& file, const char* sqlText) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        CHECK(sqlite3_exec(db, sqlText, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    };
    withSqlite(dir.file("other-app.db"), "CREATE TABLE photos (id INTEGER PRIMARY KEY)");
    std::ofstream(dir.file("newer.db"), std::ios::binary) << test::fileBytes(dir.file("backup.db"));
    withSqlite(dir.file("newer.db"), "PRAGMA user_version = 99");
    for (const char* bad : {"damaged.db", "foreign.db", "other-app.db", "newer.db", "missing.db"}) {
        INFO(bad);
        CHECK_THROWS(exchange::restoreDatabase(dir.file(bad), path, admit));
        CHECK(test::fileBytes(path) == current);
        CHECK_FALSE(std::filesystem::exists(path + ".restoring"));
        CHECK_FALSE(std::filesystem::exists(path + ".previous"));
    }
    // A wrong password for the backup, or a counselor of it: refused, nothing changed.
    CHECK_THROWS_AS(
        exchange::restoreDatabase(dir.file("backup.db"), path,
                                  [](Store& s) { Workspace::signIn(s, "Robin Admin", "wrong one!"); }),
        SignInRefused);
    CHECK_THROWS_AS(exchange::restoreDatabase(
                        dir.file("backup.db"), path,
                        [](Store& s) { Workspace::signIn(s, "Alex Rivera", password).admitRestore(); }),
                    AccessDenied);
    CHECK(test::fileBytes(path) == current);

    exchange::restoreDatabase(dir.file("backup.db"), path, admit);
    CHECK_FALSE(std::filesystem::exists(path + ".restoring"));
    CHECK_FALSE(std::filesystem::exists(path + ".previous"));
    Store restored(path, OpenMode::MustExist);
    Workspace robin = Workspace::signIn(restored, "Robin Admin", password);
    CHECK(test::dumpContent(restored) == before);
    CHECK(robin.verifyAudit().intact);
    const auto entries = robin.auditEntries({});
    CHECK(std::any_of(entries.begin(), entries.end(),
                      [](const auto& e) { return e.event.action == "restore"; }));
}

TEST_CASE("FHIR export: the golden bundle, codes only unless names are asked for, scoped and audited",
          "[exchange]")
{
    test::PinnedToday today(Date(2026, 11, 28));
    Agency agency;
    Workspace robin = agency.as("Robin Admin");
    REQUIRE(importTexts(robin, fixtureFiles()).written);
    agency.addAccounts();
    Workspace alex = agency.as("Alex Rivera");
    const auto bundle = [](Workspace& w, std::optional<std::string> client, bool names) {
        std::ostringstream out;
        w.exportFhir(out, std::nullopt, client, names);
        return out.str();
    };
    const std::string plain = bundle(alex, std::nullopt, false);
    CHECK(plain == test::fileBytes(fixtures + "/export/bundle.json"));
    CHECK(plain.find("Quinn") == std::string::npos); // de-identified: the code only
    CHECK(plain.find("\"value\":\"C-101\"") != std::string::npos);
    CHECK(bundle(alex, std::string("C-101"), true).find("Quinn \\\"Q\\\" O'Hara, Jr.") != std::string::npos);
    CHECK(bundle(alex, std::string("C-101"), false).find("C-102") == std::string::npos);
    // An admin asking for names gets none of another counselor's clients.
    CHECK(bundle(robin, std::nullopt, true).find("Quinn") == std::string::npos);
    security::createAccount(agency.store, {"Casey Nguyen", Role::Counselor, std::nullopt, false}, password);
    Workspace casey = agency.as("Casey Nguyen");
    CHECK_THROWS_AS(bundle(casey, std::string("C-101"), false), AccessDenied);
    CHECK(bundle(casey, std::nullopt, false).find("C-101") == std::string::npos);
    const auto entries = robin.auditEntries({});
    CHECK(std::count_if(entries.begin(), entries.end(), [](const auto& e) {
              return e.event.action == "export" && e.event.detail && e.event.detail->rfind("fhir", 0) == 0;
          }) == 5); // the refused one is not recorded as an export
}
