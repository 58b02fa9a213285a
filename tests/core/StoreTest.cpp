#include "Store.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace alliance;
using alliance::test::addCounselorAndClient;
using alliance::test::dumpAll;

namespace {

NewRating waiSr(const std::string& date, std::vector<int> items = {4, 3, 5, 4, 5, 3, 4, 4, 5, 3, 4, 4})
{
    NewRating r;
    r.clientCode = "C-001";
    r.date = parseIsoDate(date, "date");
    r.instrument = Instrument::WaiSr;
    for (int& v : items)
        v *= 10;
    r.itemTenths = items;
    return r;
}

} // namespace

TEST_CASE("Counselors and clients are stored and listed")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    store.addCounselor("Morgan Ellis", Role::Supervisor, std::nullopt);
    store.addCounselor("Alex Rivera", Role::Counselor, std::string("Morgan Ellis"));
    const auto all = store.counselors();
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "Alex Rivera");
    CHECK(all[0].supervisorName == "Morgan Ellis");

    NewClient c{"C-001", "Alex Rivera", std::string("Ann"), Date(2026, 1, 5), 14};
    store.addClient(c);
    const auto clients = store.clients(std::string("Alex Rivera"));
    REQUIRE(clients.size() == 1);
    CHECK(clients[0].client.cadenceDays == 14);
    CHECK(clients[0].client.status == ClientStatus::Active);
    CHECK(clients[0].sessionCount == 0);
    CHECK(store.clients(std::string("Morgan Ellis")).empty());
}

TEST_CASE("Invalid counselor and client input is rejected and nothing changes")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    addCounselorAndClient(store);
    const std::string before = dumpAll(store);
    CHECK_THROWS_AS(store.addCounselor("", Role::Counselor, std::nullopt), ValidationError);
    CHECK(test::rejectedField([] { parseSlug<Role>("boss"); }) == "role");
    CHECK_THROWS_AS(store.addCounselor("Kim", Role::Counselor, std::string("Nobody")), NotFound);
    CHECK_THROWS_AS(store.addCounselor("Alex Rivera", Role::Counselor, std::nullopt), ValidationError);
    CHECK_THROWS_AS(store.addClient({"C-001", "Alex Rivera", std::nullopt, Date(2026, 1, 1), 7}),
                    ValidationError);
    CHECK_THROWS_AS(store.addClient({"C-002", "Nobody", std::nullopt, Date(2026, 1, 1), 7}), NotFound);
    CHECK_THROWS_AS(store.addClient({"C-002", "Alex Rivera", std::nullopt, Date(2026, 1, 1), 0}),
                    ValidationError);
    CHECK_THROWS_AS(store.addClient({"C-002", "Alex Rivera", std::nullopt, Date(2026, 1, 1), 366}),
                    ValidationError);
    CHECK_THROWS_AS(store.addClient({"", "Alex Rivera", std::nullopt, Date(2026, 1, 1), 7}), ValidationError);
    CHECK_THROWS_AS(store.addClient({std::string(65, 'x'), "Alex Rivera", std::nullopt, Date(2026, 1, 1), 7}),
                    ValidationError);
    CHECK_THROWS_AS(store.addClient({"C\n2", "Alex Rivera", std::nullopt, Date(2026, 1, 1), 7}),
                    ValidationError);
    CHECK(dumpAll(store) == before);
}

TEST_CASE("Hostile and unusual text is stored and returned exactly")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    const std::string name = "O'Brien \"Bobby\"; '; DROP TABLE clients; --";
    store.addCounselor(name, Role::Counselor, std::nullopt);
    const std::string code = "'; DROP TABLE client; --";
    const std::string display = "Zoë 😀 \"quoted\"; semi;colons";
    store.addClient({code, name, display, Date(2026, 1, 1), 7});
    std::string longNote(10000, 'n');
    longNote[0] = '\'';
    longNote[5000] = '"';
    longNote += "😀";
    NewRating rating;
    rating.clientCode = code;
    rating.date = Date(2026, 1, 5);
    rating.instrument = Instrument::Bgt;
    rating.itemTenths = {70, 80, 90};
    rating.note = longNote;
    store.logRating(rating);

    const ClientDetail detail = store.clientDetail(code);
    CHECK(detail.client.code == code);
    CHECK(detail.client.displayName == display);
    CHECK(detail.client.counselorName == name);
    REQUIRE(detail.sessions.size() == 1);
    CHECK(detail.sessions[0].note == longNote);
    CHECK(store.counselor(name).name == name);
    CHECK(store.clients().size() == 1); // the table is still there
}

TEST_CASE("Logging derives session numbers in date order and adds a rating to an existing session")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    addCounselorAndClient(store);
    CHECK(store.logRating(waiSr("2026-01-19")).sessionNumber == 1);
    const LoggedRating earlier = store.logRating(waiSr("2026-01-05"));
    CHECK(earlier.sessionNumber == 1);
    CHECK(earlier.newSession);
    NewRating counselorView = waiSr("2026-01-19");
    counselorView.rater = Rater::Counselor;
    const LoggedRating same = store.logRating(counselorView);
    CHECK(same.sessionNumber == 2);
    CHECK_FALSE(same.newSession);

    const ClientDetail detail = store.clientDetail("C-001");
    REQUIRE(detail.sessions.size() == 2);
    CHECK(detail.sessions[0].number == 1);
    CHECK(toIso(detail.sessions[0].date) == "2026-01-05");
    CHECK(detail.sessions[1].ratings.size() == 2);
    CHECK(detail.sessions[1].ratings[0].score.totalTenths == 480);
}

TEST_CASE("A rejected rating leaves the database exactly as it was")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    addCounselorAndClient(store);
    NewRating first = waiSr("2026-01-05");
    first.note = "kept";
    store.logRating(first);
    const std::string before = dumpAll(store);

    SECTION("duplicate instrument and rater on one session, even with a note")
    {
        NewRating again = waiSr("2026-01-05");
        again.note = "must not be appended";
        CHECK_THROWS_WITH(store.logRating(again), Catch::Contains("duplicate"));
    }
    SECTION("out-of-range item")
    {
        CHECK_THROWS_AS(store.logRating(waiSr("2026-01-12", {4, 3, 5, 4, 5, 3, 4, 4, 5, 3, 4, 6})),
                        ValidationError);
    }
    SECTION("missing item")
    {
        CHECK_THROWS_AS(store.logRating(waiSr("2026-01-12", {4, 3, 5, 4, 5, 3, 4, 4, 5, 3, 4})),
                        ValidationError);
    }
    SECTION("unknown rater")
    {
        // A rater is typed; only text from outside (CLI, import) can name an unknown one.
        CHECK(test::rejectedField([] { parseSlug<Rater>("mother"); }) == "rater");
    }
    SECTION("unknown client")
    {
        NewRating r = waiSr("2026-01-12");
        r.clientCode = "C-404";
        CHECK_THROWS_AS(store.logRating(r), NotFound);
    }
    SECTION("date before the client's start")
    {
        CHECK_THROWS_WITH(store.logRating(waiSr("2025-12-31")), Catch::Contains("date"));
    }
    SECTION("date in the future")
    {
        NewRating r = waiSr("2026-01-12");
        r.date = today() + boost::gregorian::days(2);
        CHECK_THROWS_WITH(store.logRating(r), Catch::Contains("date") && Catch::Contains("in the future"));
    }
    CHECK(dumpAll(store) == before);
}

TEST_CASE("Ruptures validate kind, markers, salience, category and session")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    addCounselorAndClient(store);
    store.logRating(waiSr("2026-01-05"));
    const std::string before = dumpAll(store);
    NewRupture r{{RuptureKind::Withdrawal,
                  {"minimal-response", "denial"},
                  4,
                  NoticedBy::Counselor,
                  std::string("drifting"),
                  std::nullopt},
                 "C-001",
                 1};

    SECTION("bad input")
    {
        auto bad = r;
        CHECK(test::rejectedField([] { parseSlug<RuptureKind>("sulking"); }) == "kind");
        bad.markers = {"complaint-therapist"};
        CHECK_THROWS_WITH(store.flagRupture(bad), Catch::Contains("confrontation marker"));
        bad = r;
        bad.markers = {"denial", "denial"};
        CHECK_THROWS_AS(store.flagRupture(bad), ValidationError);
        bad = r;
        bad.salience = 6;
        CHECK_THROWS_AS(store.flagRupture(bad), ValidationError);
        bad = r;
        bad.category = "gossip";
        CHECK_THROWS_AS(store.flagRupture(bad), ValidationError);
        bad = r;
        bad.session = 2;
        CHECK_THROWS_AS(store.flagRupture(bad), NotFound);
        CHECK(test::rejectedField([] { parseSlug<NoticedBy>("neighbour"); }) == "noticed_by");
        CHECK(dumpAll(store) == before);
    }
    SECTION("stored with markers in catalogue order")
    {
        const Id id = store.flagRupture(r);
        const ClientDetail detail = store.clientDetail("C-001");
        REQUIRE(detail.ruptures.size() == 1);
        CHECK(detail.ruptures[0].id == id);
        CHECK(detail.ruptures[0].markers == std::vector<std::string>{"denial", "minimal-response"});
        CHECK(detail.ruptures[0].category == "drifting");
        CHECK(detail.ruptures[0].salience == 4);
    }
}

TEST_CASE("Repair plans are made, validated and closed once")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    addCounselorAndClient(store);
    store.logRating(waiSr("2026-01-05"));
    store.logRating(waiSr("2026-01-12"));
    const Id rupture = store.flagRupture({{RuptureKind::Confrontation,
                                           {"complaint-progress"},
                                           3,
                                           NoticedBy::ClientScore,
                                           std::nullopt,
                                           std::nullopt},
                                          "C-001",
                                          2});
    NewRepairPlan plan{rupture,
                       {"validate", "explore-pattern"},
                       {"Ask what felt unhelpful"},
                       Date(2026, 1, 26),
                       std::nullopt,
                       Date(2026, 1, 12)};
    const std::string before = dumpAll(store);
    auto bad = plan;
    bad.strategies = {};
    CHECK_THROWS_AS(store.planRepair(bad), ValidationError);
    bad.strategies = {"hope-for-the-best"};
    CHECK_THROWS_AS(store.planRepair(bad), ValidationError);
    bad = plan;
    bad.ruptureId = 99;
    CHECK_THROWS_AS(store.planRepair(bad), NotFound);
    bad = plan;
    bad.dueDate = Date(2026, 1, 11);
    CHECK_THROWS_AS(store.planRepair(bad), ValidationError);
    bad = plan;
    bad.steps = {""};
    CHECK_THROWS_AS(store.planRepair(bad), ValidationError);
    CHECK(dumpAll(store) == before);

    const Id id = store.planRepair(plan);
    CHECK(test::rejectedField([] { parseSlug<Outcome>("fixed"); }) == "outcome");
    CHECK_THROWS_AS(store.closeRepair(id, Outcome::Resolved, 1, Date(2026, 1, 20)),
                    ValidationError); // before rupture
    CHECK_THROWS_AS(store.closeRepair(id, Outcome::Resolved, 3, Date(2026, 1, 20)), NotFound);
    CHECK_THROWS_AS(store.closeRepair(77, Outcome::Resolved, std::nullopt, Date(2026, 1, 20)), NotFound);
    store.closeRepair(id, Outcome::Resolved, 2, Date(2026, 1, 20));
    CHECK_THROWS_WITH(store.closeRepair(id, Outcome::Partly, std::nullopt, Date(2026, 1, 21)),
                      Catch::Contains("already closed"));

    const ClientDetail detail = store.clientDetail("C-001");
    REQUIRE(detail.plans.size() == 1);
    CHECK(detail.plans[0].status == PlanStatus::Closed);
    CHECK(detail.plans[0].outcome == Outcome::Resolved);
    CHECK(detail.plans[0].followUpSessionNumber == 2);
    CHECK(detail.plans[0].strategies == std::vector<std::string>{"validate", "explore-pattern"});
    REQUIRE(detail.plans[0].steps.size() == 1);
    CHECK(detail.plans[0].steps[0].text == "Ask what felt unhelpful");
}

TEST_CASE("The strategy catalogue holds the deck's repair steps and the immediate and exploratory strategies")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    std::map<std::string, std::string> groupOf;
    for (const auto& e : store.catalogue("strategy"))
        groupOf[e.slug] = e.group;
    for (const char* deck :
         {"listen", "check-defenses", "validate", "explore-emotions", "take-responsibility", "apologise",
          "co-create-plan", "take-break", "change-goal", "try-something-new", "explore-pattern", "rest-stop"})
        CHECK(groupOf.count(deck) == 1);
    for (const char* immediate : {"give-rationale", "change-task", "change-goal", "clarify-misunderstanding"})
        CHECK(groupOf[immediate] == "immediate");
    for (const char* exploratory :
         {"metacommunicate", "empathise", "validate", "take-responsibility", "explore-pattern"})
        CHECK(groupOf[exploratory] == "exploratory");
    CHECK(store.catalogue("marker").size() == 14);
    CHECK(store.catalogue("category").size() == 7);
}

TEST_CASE("Post-session reports and transition plans are validated and stored")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    addCounselorAndClient(store);
    store.logRating(waiSr("2026-01-05"));
    CHECK_THROWS_AS(store.recordPostSessionReport("C-001", 1, {true, std::nullopt, 3}), ValidationError);
    CHECK_THROWS_AS(store.recordPostSessionReport("C-001", 1, {false, 2, std::nullopt}), ValidationError);
    CHECK_THROWS_AS(store.recordPostSessionReport("C-001", 1, {true, 6, 3}), ValidationError);
    store.recordPostSessionReport("C-001", 1, {true, 4, 2});
    store.addReferralAgency({0, "Northside \"Family\" Counseling", std::string("family"), std::nullopt});
    CHECK_THROWS_AS(
        store.planTransition({"C-001", 5, false, false, false, std::nullopt, std::nullopt, std::nullopt}),
        NotFound);
    store.planTransition({"C-001", std::nullopt, true, true, true,
                          std::string("Northside \"Family\" Counseling"),
                          std::string("Two joint sessions, then hand-over"), Date(2026, 2, 1)});
    const ClientDetail detail = store.clientDetail("C-001");
    REQUIRE(detail.sessions[0].report);
    CHECK(detail.sessions[0].report->intensity == 4);
    REQUIRE(detail.transitions.size() == 1);
    CHECK(detail.transitions[0].referralAgency == "Northside \"Family\" Counseling");
    CHECK(detail.transitions[0].supervisorInvited);
    // Saving again (a second click, or an edit) updates the one plan.
    const Id first = detail.transitions[0].id;
    const Id second = store.planTransition({"C-001", std::nullopt, true, false, true, std::nullopt,
                                            std::string("One joint session"), Date(2026, 2, 2)});
    CHECK(second == first);
    const ClientDetail edited = store.clientDetail("C-001");
    REQUIRE(edited.transitions.size() == 1);
    CHECK_FALSE(edited.transitions[0].dialogueHeld);
    CHECK(edited.transitions[0].nextSteps == "One joint session");
    CHECK_FALSE(edited.transitions[0].referralAgency);
}

TEST_CASE("A file store is private to its owner and MustExist refuses a missing file")
{
    test::TempDir dir;
    CHECK_THROWS_AS(Store(dir.file("missing.db"), OpenMode::MustExist), NotFound);
    const std::string path = dir.file("sub/alliance.db");
    {
        Store store(path, OpenMode::CreateIfMissing);
        addCounselorAndClient(store);
    }
    const auto perms = std::filesystem::status(path).permissions();
    CHECK((perms & std::filesystem::perms::group_read) == std::filesystem::perms::none);
    CHECK((perms & std::filesystem::perms::others_read) == std::filesystem::perms::none);
    const auto folder = std::filesystem::status(dir.file("sub")).permissions();
    CHECK((folder & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
          std::filesystem::perms::none);
    Store reopened(path, OpenMode::MustExist);
    CHECK(reopened.clients().size() == 1);
}

TEST_CASE("A file that is not a database is refused without being changed")
{
    test::TempDir dir;
    const std::string path = dir.file("notes.db");
    {
        std::ofstream out(path);
        out << "this is a text file, not a database\n";
    }
    CHECK_THROWS_AS(Store(path, OpenMode::MustExist), NotOurDatabase);
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    CHECK(line == "this is a text file, not a database");
}
