// Corrections of ruptures and repair plans: amend or void with a reason, the replaced version kept.
#include "Alerts.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

namespace {

struct Fixture {
    Store store{":memory:", OpenMode::CreateIfMissing};
    Id rupture = 0;

    Fixture()
    {
        test::addCounselorAndClient(store);
        for (int week = 0; week < 3; ++week) {
            NewRating r;
            r.clientCode = "C-001";
            r.date = Date(2026, 1, 5) + boost::gregorian::days(7 * week);
            r.instrument = Instrument::Bgt;
            r.itemTenths = {80, 80, 80};
            store.logRating(r);
        }
        NewRupture r;
        r.clientCode = "C-001";
        r.session = 2;
        r.kind = RuptureKind::Withdrawal;
        r.markers = {"denial", "minimal-response"};
        r.salience = 2;
        r.note = "went quiet";
        rupture = store.flagRupture(r);
    }

    Id plan(const std::optional<Date>& due = Date(2026, 2, 1))
    {
        NewRepairPlan p;
        p.ruptureId = rupture;
        p.strategies = {"metacommunicate", "validate"};
        p.steps = {"Name the silence", "Ask what felt off"};
        p.dueDate = due;
        p.note = "first try";
        p.createdOn = Date(2026, 1, 13);
        return store.planRepair(p);
    }
};

RuptureChanges asConfrontation()
{
    RuptureChanges c;
    c.kind = RuptureKind::Confrontation;
    c.markers = {"complaint-progress"};
    c.salience = 4;
    c.noticedBy = NoticedBy::ClientReport;
    c.category = "communication";
    c.note = "it was a complaint about progress, \"not\" silence";
    return c;
}

} // namespace

TEST_CASE("Amending a rupture replaces every detail and keeps the version it replaced")
{
    test::PinnedToday pinned(Date(2026, 1, 20));
    Fixture f;
    f.store.amendRupture(f.rupture, asConfrontation(), "misread the session");

    const ClientDetail detail = f.store.clientDetail("C-001");
    REQUIRE(detail.ruptures.size() == 1);
    const Rupture& now = detail.ruptures[0];
    CHECK(now.kind == RuptureKind::Confrontation);
    CHECK(now.markers == std::vector<std::string>{"complaint-progress"});
    CHECK(now.salience == 4);
    CHECK(now.noticedBy == NoticedBy::ClientReport);
    CHECK(now.category == std::optional<std::string>("communication"));
    CHECK(now.note == std::optional<std::string>("it was a complaint about progress, \"not\" silence"));
    CHECK(now.sessionNumber == 2);
    CHECK(now.revisions == 1);

    const auto history = f.store.ruptureHistory(f.rupture);
    REQUIRE(history.size() == 1);
    CHECK(history[0].action == "amend");
    CHECK(history[0].reason == "misread the session");
    CHECK(history[0].revisedOn == Date(2026, 1, 20));
    CHECK(history[0].previous.kind == RuptureKind::Withdrawal);
    CHECK(history[0].previous.markers == std::vector<std::string>{"denial", "minimal-response"});
    CHECK(history[0].previous.salience == 2);
    CHECK(history[0].previous.note == std::optional<std::string>("went quiet"));
    CHECK_FALSE(history[0].previousVoided);
}

TEST_CASE("A rejected rupture amendment names what is wrong and changes nothing")
{
    Fixture f;
    const std::string before = test::dumpAll(f.store);
    RuptureChanges wrongMarker = asConfrontation();
    wrongMarker.markers = {"denial"}; // a withdrawal marker on a confrontation
    CHECK(test::rejectedField([&] { f.store.amendRupture(f.rupture, wrongMarker, "x"); }) == "marker");
    RuptureChanges badSalience = asConfrontation();
    badSalience.salience = 6;
    CHECK(test::rejectedField([&] { f.store.amendRupture(f.rupture, badSalience, "x"); }) == "salience");
    CHECK(test::rejectedField([&] { f.store.amendRupture(f.rupture, asConfrontation(), "  "); }) == "reason");
    RuptureChanges same = f.store.storedRupture(f.rupture).first;
    std::swap(same.markers[0], same.markers[1]); // the same set in another order is no change
    CHECK(test::rejectedField([&] { f.store.amendRupture(f.rupture, same, "nothing"); }) == "rupture_id");
    CHECK_THROWS_AS(f.store.amendRupture(999, asConfrontation(), "x"), NotFound);
    CHECK(test::dumpAll(f.store) == before);
}

TEST_CASE("A voided rupture and its plans leave the analysis but stay on record: amending restores it")
{
    Fixture f;
    f.plan();
    REQUIRE(f.store.clientDetail("C-001").plans.size() == 1);
    const auto overdue = [&f] {
        int count = 0;
        for (const Alert& alert : activeAlerts(f.store, std::nullopt, Date(2026, 3, 1)))
            count += alert.flag.kind == "plan-overdue";
        return count;
    };
    REQUIRE(overdue() == 1);
    f.store.voidRupture(f.rupture, "flagged on the wrong client");

    ClientDetail detail = f.store.clientDetail("C-001");
    CHECK(detail.ruptures.empty());
    CHECK(detail.plans.empty());
    REQUIRE(detail.voidedRuptures.size() == 1);
    CHECK(detail.voidedRuptures[0].revisions == 1);
    CHECK(overdue() == 0); // the voided rupture's plan is no longer due
    CHECK(test::rejectedField([&] { f.store.voidRupture(f.rupture, "again"); }) == "rupture_id");

    f.store.amendRupture(f.rupture, f.store.storedRupture(f.rupture).first, "it was this client after all");
    detail = f.store.clientDetail("C-001");
    CHECK(detail.ruptures.size() == 1);
    CHECK(detail.plans.size() == 1);
    const auto history = f.store.ruptureHistory(f.rupture);
    REQUIRE(history.size() == 2);
    CHECK(history[0].action == "void");
    CHECK(history[1].action == "amend");
    CHECK(history[1].previousVoided);
}

TEST_CASE("Amending a repair plan replaces strategies, steps, due date and note: the old plan is kept")
{
    Fixture f;
    const Id plan = f.plan();
    RepairPlanChanges changes;
    changes.strategies = {"apologise"};
    changes.steps = {"Own the missed call", "Agree a check-in, \"weekly\""};
    changes.dueDate = Date(2026, 2, 8);
    f.store.amendRepairPlan(plan, changes, "the supervisor suggested another approach");

    const ClientDetail detail = f.store.clientDetail("C-001");
    REQUIRE(detail.plans.size() == 1);
    CHECK(detail.plans[0].strategies == std::vector<std::string>{"apologise"});
    REQUIRE(detail.plans[0].steps.size() == 2);
    CHECK(detail.plans[0].steps[1].text == "Agree a check-in, \"weekly\"");
    CHECK(detail.plans[0].dueDate == std::optional<Date>(Date(2026, 2, 8)));
    CHECK_FALSE(detail.plans[0].note);
    CHECK(detail.plans[0].revisions == 1);

    const auto history = f.store.repairPlanHistory(plan);
    REQUIRE(history.size() == 1);
    CHECK(history[0].reason == "the supervisor suggested another approach");
    CHECK(history[0].previous.strategies == std::vector<std::string>{"metacommunicate", "validate"});
    CHECK(history[0].previous.steps == std::vector<std::string>{"Name the silence", "Ask what felt off"});
    CHECK(history[0].previous.dueDate == std::optional<Date>(Date(2026, 2, 1)));
    CHECK(history[0].previous.note == std::optional<std::string>("first try"));
}

TEST_CASE("A plan's outcome is corrected only once it is closed: bad amendments change nothing")
{
    Fixture f;
    const Id plan = f.plan();
    const std::string before = test::dumpAll(f.store);
    RepairPlanChanges changes = f.store.storedRepairPlan(plan);
    changes.outcome = Outcome::Resolved;
    CHECK(test::rejectedField([&] { f.store.amendRepairPlan(plan, changes, "x"); }) == "outcome");
    changes.outcome.reset();
    CHECK(test::rejectedField([&] { f.store.amendRepairPlan(plan, changes, "x"); }) ==
          "plan_id"); // no change
    changes.strategies.clear();
    CHECK(test::rejectedField([&] { f.store.amendRepairPlan(plan, changes, "x"); }) == "strategy");
    changes = f.store.storedRepairPlan(plan);
    changes.dueDate = Date(2026, 1, 1); // before the plan was made
    CHECK(test::rejectedField([&] { f.store.amendRepairPlan(plan, changes, "x"); }) == "due");
    changes.dueDate.reset();
    changes.steps.push_back(std::string("bad \x1b[31m escape"));
    CHECK(test::rejectedField([&] { f.store.amendRepairPlan(plan, changes, "x"); }) == "step 3");
    CHECK_THROWS_AS(f.store.amendRepairPlan(999, changes, "x"), NotFound);
    CHECK(test::dumpAll(f.store) == before);

    f.store.closeRepair(plan, Outcome::Resolved, SessionRef(3), Date(2026, 1, 19));
    changes = f.store.storedRepairPlan(plan);
    CHECK(changes.outcome == std::optional<Outcome>(Outcome::Resolved));
    changes.outcome.reset();
    CHECK(test::rejectedField([&] { f.store.amendRepairPlan(plan, changes, "x"); }) == "outcome");
    changes.outcome = Outcome::Partly;
    f.store.amendRepairPlan(plan, changes, "the client said it was only partly better");
    const ClientDetail detail = f.store.clientDetail("C-001");
    CHECK(detail.plans[0].outcome == std::optional<Outcome>(Outcome::Partly));
    CHECK(detail.plans[0].status == PlanStatus::Closed);
    CHECK(f.store.repairPlanHistory(plan).at(0).previous.outcome ==
          std::optional<Outcome>(Outcome::Resolved));
}

TEST_CASE("The client's supervisor comments on a repair plan: a supervisor of another team does not, and a "
          "refusal changes nothing")
{
    // Since schema 10 the client's counselor, their supervisor or an admin comments (ReviewTest
    // covers the counselor's own comments and sign-off); a supervisor of someone else does not.
    Fixture f;
    const Id plan = f.plan();
    f.store.addCounselor("Dana O'Neil", Role::Supervisor, std::nullopt);
    f.store.addCounselor("Sam Other", Role::Supervisor, std::nullopt);
    {
        sql::Statement supervise(
            f.store.connection(),
            "UPDATE counselor SET supervisor_id = (SELECT id FROM counselor WHERE name = "
            "'Dana O''Neil') WHERE name = 'Alex Rivera'");
        supervise.run();
    }
    const std::string before = test::dumpAll(f.store);
    CHECK(test::rejectedField([&] { f.store.addPlanComment(plan, "Sam Other", "fine"); }) == "author");
    CHECK(test::rejectedField([&] { f.store.addPlanComment(plan, "Dana O'Neil", " "); }) == "text");
    CHECK_THROWS_AS(f.store.addPlanComment(999, "Dana O'Neil", "fine"), NotFound);
    CHECK_THROWS_AS(f.store.addPlanComment(plan, "Nobody", "fine"), NotFound);
    CHECK(test::dumpAll(f.store) == before);

    f.store.addPlanComment(plan, "dana o'neil", "Name the silence \"gently\"", Date(2026, 1, 20));
    const ClientDetail detail = f.store.clientDetail("C-001");
    REQUIRE(detail.plans.at(0).comments.size() == 1);
    const PlanComment& comment = detail.plans[0].comments[0];
    CHECK(comment.author == "Dana O'Neil");
    CHECK(comment.writtenOn == Date(2026, 1, 20));
    CHECK(comment.text == "Name the silence \"gently\"");
}
