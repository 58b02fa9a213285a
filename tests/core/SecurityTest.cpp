// Accounts, roles enforced by the Workspace, sealed text and the audit chain (issue 11).
#include "DatabaseFile.hpp"
#include "Errors.hpp"
#include "Migrations.hpp"
#include "Sqlite.hpp"
#include "Store.hpp"
#include "TestSupport.hpp"
#include "security/Accounts.hpp"
#include "security/AuditTrail.hpp"
#include "security/Crypto.hpp"
#include "security/Workspace.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace alliance;
using namespace alliance::security;

namespace {

const std::string password = "correct horse battery";

// Robin (admin), Morgan (supervisor of Alex), Priya (supervisor of Casey), Alex and Casey
// (counselors), each with an account; C-001 is Alex's client, C-002 Casey's, with a rupture and plan.
struct Agency {
    Store store{":memory:", OpenMode::CreateIfMissing};
    std::string recoveryKey;
    Id plan = 0, rupture = 0, rating = 0, transition = 0;

    Agency()
    {
        store.addCounselor("Morgan Ellis", Role::Supervisor, std::nullopt);
        store.addCounselor("Priya Shah", Role::Supervisor, std::nullopt);
        recoveryKey = initialize(store, {"Robin Admin", Role::Admin, std::nullopt, true}, password);
        for (const auto& [name, supervisor] :
             {std::pair{"Alex Rivera", "Morgan Ellis"}, {"Casey Nguyen", "Priya Shah"}})
            createAccount(store, {name, Role::Counselor, std::string(supervisor), false}, password);
        createAccount(store, {"Morgan Ellis", Role::Supervisor, std::nullopt, false}, password);
        createAccount(store, {"Priya Shah", Role::Supervisor, std::nullopt, false}, password);
        for (const auto& [code, counselor] : {std::pair{"C-001", "Alex Rivera"}, {"C-002", "Casey Nguyen"}}) {
            NewClient client;
            client.code = code;
            client.counselorName = counselor;
            client.displayName = std::string("Zebulon Quartermain ") + code;
            client.startDate = Date(2026, 1, 1);
            store.addClient(client);
            NewRating r;
            r.clientCode = code;
            r.date = Date(2026, 2, 2);
            r.itemTenths = {80, 80, 80};
            r.note = std::string("disclosed the xylophone secret");
            const auto logged = store.logRating(r);
            rating = logged.ratingId;
        }
        NewRupture r;
        r.clientCode = "C-001";
        r.session = SessionRef(1);
        r.kind = RuptureKind::Withdrawal;
        r.note = std::string("went quiet about the xylophone");
        rupture = store.flagRupture(r);
        NewRepairPlan p;
        p.ruptureId = rupture;
        p.strategies = {"metacommunicate"};
        p.steps = {"ask about the xylophone"};
        p.createdOn = Date(2026, 2, 2);
        plan = store.planRepair(p);
        NewTransitionPlan t;
        t.clientCode = "C-001";
        t.nextSteps = std::string("refer on about the xylophone");
        transition = store.planTransition(t);
        rating = store.findRating("C-001", SessionRef(1), Instrument::Bgt, Rater::Client);
    }
    Workspace as(const std::string& name) { return Workspace::signIn(store, name, password); }
};

template <class F> bool refused(F&& f)
{
    try {
        f();
    } catch (const AccessDenied&) {
        return true;
    }
    return false;
}

} // namespace

TEST_CASE("Sealed text opens only with its key and context, and a changed byte is found", "[security]")
{
    const SecretKey key = SecretKey::random();
    const std::string sealed = sealText(key, "session.note", "she said ünïcode 🙂");
    CHECK(looksSealed(sealed));
    CHECK(sealed.find("she said") == std::string::npos);
    CHECK(openText(key, "session.note", sealed) == std::optional<std::string>("she said ünïcode 🙂"));
    CHECK_FALSE(openText(key, "rupture.note", sealed));
    CHECK_FALSE(openText(SecretKey::random(), "session.note", sealed));
    std::string changed = sealed;
    changed[changed.size() - 3] = changed[changed.size() - 3] == 'A' ? 'B' : 'A';
    CHECK_FALSE(openText(key, "session.note", changed));
    CHECK(sealText(key, "session.note", "same") != sealText(key, "session.note", "same")); // fresh nonce
    const SecretKey recovery = SecretKey::random();
    const auto parsed = parseRecoveryKey(formatRecoveryKey(recovery));
    REQUIRE(parsed);
    CHECK(std::equal(parsed->bytes(), parsed->bytes() + SecretKey::size, recovery.bytes()));
    CHECK_FALSE(parseRecoveryKey("not-a-key"));
}

TEST_CASE("Sign-in: the right password unlocks, a wrong one waits and then locks, and the lock expires",
          "[security]")
{
    Agency a;
    a.store.sealing().lock();
    const UnixSeconds t0 = 1'800'000'000;
    CHECK(signIn(a.store, "alex rivera", password, t0).name ==
          "Alex Rivera"); // names as every lookup finds them
    CHECK(a.store.sealing().unlocked());
    a.store.sealing().lock();
    const auto why = [&](const std::string& name, const std::string& pw, UnixSeconds now) {
        try {
            signIn(a.store, name, pw, now);
        } catch (const SignInRefused& e) {
            return e.why();
        }
        FAIL("signed in");
        return SignInRefused::Why::NoAccounts;
    };
    CHECK(why("Nobody Here", password, t0) == SignInRefused::Why::WrongPassword);
    CHECK(why("Alex Rivera", "wrong password!", t0) == SignInRefused::Why::WrongPassword);
    CHECK(why("Alex Rivera", "short", t0) == SignInRefused::Why::WrongPassword);
    CHECK(why("Alex Rivera", "wrong password!", t0) == SignInRefused::Why::Waiting); // third: 30 s
    CHECK(account(a.store, "Alex Rivera").lockedUntil == t0 + 30);
    // While waiting even the right password is not tried.
    CHECK(why("Alex Rivera", password, t0 + 29) == SignInRefused::Why::Waiting);
    CHECK(why("Alex Rivera", "wrong password!", t0 + 30) == SignInRefused::Why::Waiting); // fourth: 60 s
    CHECK(why("Alex Rivera", "wrong password!", t0 + 90) == SignInRefused::Why::Waiting); // fifth: locked
    CHECK(account(a.store, "Alex Rivera").lockedUntil == t0 + 90 + 15 * 60);
    CHECK(why("Alex Rivera", password, t0 + 90 + 15 * 60 - 1) == SignInRefused::Why::Waiting);
    CHECK_FALSE(a.store.sealing().unlocked());
    const Account back = signIn(a.store, "Alex Rivera", password, t0 + 90 + 15 * 60);
    CHECK(back.failedAttempts == 0);
    CHECK(account(a.store, "Alex Rivera").lockedUntil == 0);
    // Every failure is in the trail, chained in by the successful sign-in.
    const auto entries = auditEntries(a.store, {std::nullopt, std::string("Alex Rivera")});
    const auto failures = std::count_if(entries.begin(), entries.end(), [](const AuditEntry& e) {
        return e.event.action.rfind("sign-in-failed", 0) == 0;
    });
    CHECK(failures == 5);
    CHECK(verifyAudit(a.store).intact);
}

TEST_CASE("Accounts: disable, admin reset, own change and the recovery key", "[security]")
{
    Agency a;
    Workspace robin = a.as("Robin Admin");
    robin.setDisabled("Alex Rivera", true);
    a.store.sealing().lock();
    CHECK_THROWS_AS(signIn(a.store, "Alex Rivera", password), SignInRefused);
    robin = a.as("Robin Admin");
    robin.setDisabled("Alex Rivera", false);
    CHECK_THROWS_AS(robin.setDisabled("Robin Admin", true), ValidationError); // the last admin
    robin.resetPassword("Alex Rivera", "a new temporary one");
    a.store.sealing().lock();
    CHECK_THROWS_AS(signIn(a.store, "Alex Rivera", password), SignInRefused);
    Workspace alex = a.as("Robin Admin");
    alex = Workspace::signIn(a.store, "Alex Rivera", "a new temporary one");
    CHECK(alex.account().mustChangePassword);
    // Until they choose their own, the reset password opens nothing of any client.
    CHECK(refused([&] { alex.clientDetail("C-001"); }));
    CHECK(refused([&] { alex.clients(); }));
    CHECK_THROWS_AS(alex.changePassword("not the old one", "my own good password"), SignInRefused);
    CHECK(test::rejectedField([&] { alex.changePassword("a new temporary one", "short"); }) == "password");
    alex.changePassword("a new temporary one", "my own good password");
    CHECK(alex.clientDetail("C-001").client.code == "C-001");
    a.store.sealing().lock();
    CHECK(Workspace::signIn(a.store, "Alex Rivera", "my own good password")
              .clientDetail("C-001")
              .client.displayName == std::optional<std::string>("Zebulon Quartermain C-001"));
    // Every admin password lost: the recovery key opens the data key again.
    a.store.sealing().lock();
    CHECK_THROWS_AS(
        recover(a.store, formatRecoveryKey(SecretKey::random()), "Robin Admin", "recovered password"),
        SignInRefused);
    CHECK_FALSE(a.store.sealing().unlocked());
    recover(a.store, a.recoveryKey, "Robin Admin", "recovered password");
    a.store.sealing().lock();
    CHECK(Workspace::signIn(a.store, "Robin Admin", "recovered password").isAdmin());
    CHECK_THROWS_AS(initialize(a.store, {"Someone Else", Role::Admin, std::nullopt, true}, password),
                    ValidationError);
}

TEST_CASE("Every role may do what it should and is refused the rest, with nothing changed", "[security]")
{
    Agency a;
    struct Operation {
        const char* name;
        std::function<void(Workspace&)> run;
    };
    NewRating rating;
    rating.clientCode = "C-001";
    rating.date = Date(2026, 3, 3);
    rating.itemTenths = {70, 70, 70};
    const std::vector<Operation> operations = {
        {"read C-001", [](Workspace& w) { w.clientDetail("C-001"); }},
        {"log C-001", [&](Workspace& w) { w.logSession(rating, std::nullopt); }},
        {"amend a rating",
         [&](Workspace& w) {
             w.amendRating(a.rating, {60, 60, 60}, "typo");
         }},
        {"void a rating", [&](Workspace& w) { w.voidRating(a.rating, "wrong client"); }},
        {"amend a rupture",
         [&](Workspace& w) {
             auto changes = w.storedRupture(a.rupture).first;
             changes.salience = 5;
             w.amendRupture(a.rupture, changes, "stronger");
         }},
        {"comment on the plan", [&](Workspace& w) { w.addPlanComment(a.plan, "Looks right."); }},
        {"sign off the plan", [&](Workspace& w) { w.addPlanComment(a.plan, "Signed.", std::nullopt, true); }},
        {"comment on the transition", [&](Workspace& w) { w.addTransitionComment(a.transition, "Agreed."); }},
        {"add a client to Alex",
         [](Workspace& w) {
             NewClient c;
             c.code = "C-900";
             c.counselorName = "Alex Rivera";
             c.startDate = Date(2026, 1, 1);
             w.addClient(c);
         }},
        {"move C-001 to Casey",
         [](Workspace& w) {
             ClientChanges c;
             c.counselorName = "Casey Nguyen";
             w.updateClient("C-001", c);
         }},
        {"Alex's alerts", [](Workspace& w) { w.activeAlerts(std::string("Alex Rivera"), Date(2026, 3, 1)); }},
        {"Morgan's team review",
         [](Workspace& w) {
             w.reviewCaseload({ReviewScope::Kind::Supervisor, "Morgan Ellis"},
                              reviewPeriod(Date(2026, 3, 1), std::nullopt, std::nullopt));
         }},
        {"everyone's review",
         [](Workspace& w) {
             w.reviewCaseload({ReviewScope::Kind::Everyone, ""},
                              reviewPeriod(Date(2026, 3, 1), std::nullopt, std::nullopt));
         }},
        {"add an account",
         [](Workspace& w) {
             w.createAccount({"New Person", Role::Counselor, std::nullopt, false}, password);
         }},
        {"read the audit trail", [](Workspace& w) { w.auditEntries({}); }},
    };
    // Who may: A = Alex (C-001's counselor), C = Casey (another counselor), M = Morgan (Alex's
    // supervisor), P = Priya (another team's supervisor), R = Robin (admin).
    const std::map<std::string, std::string> allowed = {
        {"read C-001", "AMR"}, // Robin's copy comes back without its text (next test)
        {"log C-001", "A"},
        {"amend a rating", "A"},
        {"void a rating", "A"},
        {"amend a rupture", "A"},
        {"comment on the plan", "AMR"},
        {"sign off the plan", "MR"}, // the core's sign-off rule refuses Alex (ValidationError)
        {"comment on the transition", "AMR"},
        {"add a client to Alex", "AR"},
        {"move C-001 to Casey", "R"},
        {"Alex's alerts", "AMR"},
        {"Morgan's team review", "MR"},
        {"everyone's review", "R"},
        {"add an account", "R"},
        {"read the audit trail", "R"},
    };
    const std::map<char, std::string> people = {{'A', "Alex Rivera"},
                                                {'C', "Casey Nguyen"},
                                                {'M', "Morgan Ellis"},
                                                {'P', "Priya Shah"},
                                                {'R', "Robin Admin"}};
    for (const auto& op : operations) {
        for (const auto& [letter, name] : people) {
            // A fresh agency each time, so one role's write does not change what the next may do.
            Agency fresh;
            Workspace w = fresh.as(name);
            const bool may = allowed.at(op.name).find(letter) != std::string::npos;
            const std::string before = test::dumpContent(fresh.store);
            INFO(name << ": " << op.name);
            if (may) {
                if (std::string(op.name) == "sign off the plan" && letter == 'A')
                    continue;
                CHECK_NOTHROW(op.run(w));
            } else {
                bool denied = false;
                try {
                    op.run(w);
                } catch (const AccessDenied&) {
                    denied = true;
                } catch (const ValidationError&) {
                    denied = std::string(op.name) == "sign off the plan"; // core's sign-off rule
                }
                CHECK(denied);
                CHECK(test::dumpContent(fresh.store) == before);
            }
        }
    }
}

TEST_CASE("An admin reads figures but no clinical text of another's client, a supervisor reads their team's",
          "[security]")
{
    Agency a;
    {
        Workspace robin = a.as("Robin Admin");
        const ClientDetail seen = robin.clientDetail("C-001");
        CHECK_FALSE(seen.client.displayName);
        CHECK_FALSE(seen.sessions.at(0).note);
        CHECK_FALSE(seen.ruptures.at(0).note);
        CHECK(seen.plans.at(0).steps.at(0).text.empty());
        CHECK_FALSE(seen.transitions.at(0).nextSteps);
        CHECK(seen.sessions.at(0).ratings.size() == 1); // the numbers are there
        for (const auto& summary : robin.clients())
            CHECK_FALSE(summary.client.displayName);
    }
    {
        // An acknowledgement's reason is a counselor's words about a client: Alex's own, and his
        // supervisor's, not the admin's or another team's.
        Workspace alex = a.as("Alex Rivera");
        const auto alerts = alex.activeAlerts(std::nullopt, Date(2026, 6, 1));
        REQUIRE_FALSE(alerts.empty());
        alex.acknowledgeAlert(alerts[0].id, "called; the xylophone again", std::nullopt, Date(2026, 6, 1));
        CHECK(alex.alertAcks().at(alerts[0].id).reason == "called; the xylophone again");
        CHECK(a.as("Morgan Ellis").alertAcks().at(alerts[0].id).reason == "called; the xylophone again");
        CHECK(a.as("Robin Admin").alertAcks().at(alerts[0].id).reason.empty());
        CHECK(a.as("Priya Shah").alertAcks().at(alerts[0].id).reason.empty());
    }
    {
        Workspace morgan = a.as("Morgan Ellis");
        CHECK(morgan.clientDetail("C-001").sessions.at(0).note ==
              std::optional<std::string>("disclosed the xylophone secret"));
        CHECK(refused([&] { morgan.clientDetail("C-002"); }));
        const auto clients = morgan.clients();
        REQUIRE(clients.size() == 1);
        CHECK(clients[0].client.code == "C-001");
        CHECK(refused([&] { morgan.clients(std::string("Casey Nguyen")); }));
    }
    {
        Workspace casey = a.as("Casey Nguyen");
        std::vector<std::string> codes;
        casey.forEachClientDetail(std::nullopt, [&](ClientDetail& d) { codes.push_back(d.client.code); });
        CHECK(codes == std::vector<std::string>{"C-002"});
        CHECK(refused([&] { casey.forEachClientDetail(std::string("Alex Rivera"), [](ClientDetail&) {}); }));
    }
}

TEST_CASE("The audit trail records views and writes and finds an edited, deleted, reordered or cut entry",
          "[security]")
{
    Agency a;
    {
        Workspace alex = a.as("Alex Rivera");
        alex.clientDetail("C-001");
        alex.voidRating(a.rating, "entered for the wrong client");
    }
    auto entries = auditEntries(a.store, {std::string("C-001"), std::nullopt});
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].event.action == "view-client");
    CHECK(entries[1].event.action == "void-rating");
    CHECK(entries[1].event.detail == std::optional<std::string>("entered for the wrong client"));
    CHECK(entries[1].actor == "Alex Rivera");
    for (const auto& e : auditEntries(a.store)) // no clinical text in any entry
        for (const auto& field : {e.event.target, e.event.detail})
            CHECK((!field || field->find("xylophone") == std::string::npos));
    REQUIRE(verifyAudit(a.store).intact);
    const auto total = verifyAudit(a.store).entries;

    const auto broken = [&](const std::string& sql) {
        Agency copy; // the same history, tampered with
        Workspace alex = copy.as("Alex Rivera");
        alex.clientDetail("C-001");
        alex.voidRating(copy.rating, "entered for the wrong client");
        copy.store.connection().exec(sql);
        return verifyAudit(copy.store);
    };
    auto check = broken("UPDATE audit_entry SET detail = 'nothing to see' WHERE action = 'void-rating'");
    CHECK_FALSE(check.intact);
    CHECK(check.firstBroken == static_cast<Id>(total));
    check = broken("DELETE FROM audit_entry WHERE id = 2");
    CHECK_FALSE(check.intact);
    CHECK(check.firstBroken == Id(2));
    check = broken("UPDATE audit_entry SET id = -id WHERE id IN (2, 3); UPDATE audit_entry SET id = 5 - id "
                   "WHERE id < 0 AND id = -2;"
                   "UPDATE audit_entry SET id = 2 WHERE id = -3");
    CHECK_FALSE(check.intact);
    CHECK(check.firstBroken == Id(2));
    check = broken("DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)");
    CHECK_FALSE(check.intact);
    CHECK(check.problem.find("removed") != std::string::npos);
    check = broken("UPDATE audit_entry SET actor = 'Casey Nguyen' WHERE id = 1");
    CHECK(check.firstBroken == Id(1));
    CHECK(broken("SELECT 1").intact);
}

TEST_CASE(
    "After a session of use the database, its log and shared memory hold no clinical text in plain form",
    "[security]")
{
    test::TempDir dir;
    const std::string path = dir.file("agency.db");
    {
        Store store(path, OpenMode::CreateIfMissing);
        initialize(store, {"Robin Admin", Role::Counselor, std::nullopt, true}, password);
        Workspace robin(store, account(store, "Robin Admin"));
        NewClient client;
        client.code = "C-777";
        client.counselorName = "Robin Admin";
        client.displayName = std::string("Ozymandias Featherstonehaugh");
        client.startDate = Date(2026, 1, 1);
        robin.addClient(client);
        NewRating r;
        r.clientCode = "C-777";
        r.date = Date(2026, 2, 2);
        r.itemTenths = {50, 50, 50};
        r.note = std::string("spoke of the quicksilver lighthouse");
        robin.logSession(r, std::nullopt);
        NewRupture rupture;
        rupture.clientCode = "C-777";
        rupture.session = SessionRef(1);
        rupture.kind = RuptureKind::Confrontation;
        rupture.note = std::string("angry about the quicksilver lighthouse");
        const Id id = robin.flagRupture(rupture);
        NewRepairPlan plan;
        plan.ruptureId = id;
        plan.strategies = {"metacommunicate"};
        plan.steps = {"name the quicksilver lighthouse"};
        plan.note = std::string("quicksilver lighthouse again");
        plan.createdOn = Date(2026, 2, 2);
        const Id planId = robin.planRepair(plan);
        robin.addPlanComment(planId, "The quicksilver lighthouse matters.");
        // While the connection is open (the log and shared memory exist) and after it closes.
        for (const char* suffix : {"", "-wal", "-shm"}) {
            const std::string bytes = test::fileBytes(path + suffix);
            INFO(suffix);
            CHECK(bytes.find("quicksilver") == std::string::npos);
            CHECK(bytes.find("Ozymandias") == std::string::npos);
        }
    }
    CHECK(test::fileBytes(path).find("quicksilver") == std::string::npos);
    Store again(path, OpenMode::MustExist);
    CHECK_THROWS(again.clientDetail("C-777")); // locked: no key without a sign-in
    CHECK(Workspace::signIn(again, "Robin Admin", password).clientDetail("C-777").client.displayName ==
          std::optional<std::string>("Ozymandias Featherstonehaugh"));
}

TEST_CASE("A database from before accounts is sealed by its first admin, old pages included", "[security]")
{
    test::TempDir dir;
    const std::string path = dir.file("old.db");
    std::ofstream(path).close(); // an empty file is an empty SQLite database
    {
        sql::Connection old(path, sql::Access::ReadWrite);
        old.enableWriteAheadLog();
        migrate(old, 10);
        old.exec("PRAGMA application_id = " + std::to_string(allianceApplicationId));
        old.exec(
            "INSERT INTO counselor (name, role, name_key) VALUES ('Alex Rivera', 'counselor', 'alex rivera');"
            "INSERT INTO client (code, display_name, counselor_id, start_date, cadence_days, code_key) "
            "VALUES ('C-1', 'Peregrine Thistlewood', 1, '2026-01-01', 7, 'c-1');"
            "INSERT INTO session (client_id, date, note) VALUES (1, '2026-01-08', 'the marmalade incident')");
    }
    {
        Store store(path, OpenMode::MustExist);
        CHECK(store.sealing().mode() == Sealing::Mode::Plain);
        CHECK_THROWS_AS(signIn(store, "Alex Rivera", password), SignInRefused); // no accounts yet
        initialize(store, {"Alex Rivera", Role::Counselor, std::nullopt, true}, password);
        CHECK(store.clientDetail("C-1").sessions.at(0).note ==
              std::optional<std::string>("the marmalade incident"));
    }
    for (const char* suffix : {"", "-wal"}) {
        const std::string bytes = test::fileBytes(path + suffix);
        CHECK(bytes.find("marmalade") == std::string::npos);
        CHECK(bytes.find("Peregrine") == std::string::npos);
    }
    Store reopened(path, OpenMode::MustExist);
    CHECK(Workspace::signIn(reopened, "Alex Rivera", password).clientDetail("C-1").client.displayName ==
          std::optional<std::string>("Peregrine Thistlewood"));
}
