// The supervisor's review against a caseload small enough to work out by hand. SRS throughout:
// stored parameters SD 5, r .88 -> S_diff 5 sqrt(.24) = 2.449, RC 1.96 x 2.449 = 4.80; cutoff 36 (<).
#include "Review.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"
#include "Text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace alliance;

namespace {

using boost::gregorian::date;

void srs(Store& store, const std::string& code, const Date& when, std::vector<int> items,
         Rater rater = Rater::Client)
{
    NewRating r;
    r.clientCode = code;
    r.date = when;
    r.instrument = Instrument::Srs;
    r.itemTenths = std::move(items);
    r.rater = rater;
    store.logRating(r);
}

std::vector<int> srsTotal(int total) // four lines summing to `total` (whole points)
{
    const int tenths = total * 10;
    return {tenths / 4 + (tenths % 4 > 0 ? 1 : 0), tenths / 4 + (tenths % 4 > 1 ? 1 : 0),
            tenths / 4 + (tenths % 4 > 2 ? 1 : 0), tenths / 4};
}

void addClient(Store& store, const std::string& code, const std::string& counselor, const Date& start)
{
    NewClient c;
    c.code = code;
    c.counselorName = counselor;
    c.startDate = start; // no cadence given: the default, every 7 days
    store.addClient(c);
}

// Sue supervises Ann; Max supervises Bo. Period 2026-10-01 .. 2026-12-31 (a Thursday in ISO week
// 53 of 2026), as of 2026-12-31.
struct Caseload {
    test::PinnedToday pinned{date(2028, 6, 1)}; // records up to 2028 may be written
    Store store{":memory:", OpenMode::CreateIfMissing};
    Caseload()
    {
        store.addCounselor("Sue", Role::Supervisor, std::nullopt);
        store.addCounselor("Max", Role::Supervisor, std::nullopt);
        store.addCounselor("Ann", Role::Counselor, std::string("Sue"));
        store.addCounselor("Bo", Role::Counselor, std::string("Max"));
        // A: 36 (before the period), 36, 30 (drop 6 > RC: breach, baseline 36), 36 (regained:
        // repaired), 37. Last seen 10-22: 70 days > 2 x 7 -> drifting.
        addClient(store, "A", "Ann", date(2026, 9, 1));
        srs(store, "A", date(2026, 9, 24), srsTotal(36));
        srs(store, "A", date(2026, 10, 1), srsTotal(36));
        srs(store, "A", date(2026, 10, 8), srsTotal(30));
        srs(store, "A", date(2026, 10, 15), srsTotal(36));
        srs(store, "A", date(2026, 10, 22), srsTotal(37));
        // B: four sessions at the maximum 40 (the ceiling), a rupture at the last one with a plan
        // due 12-30: open and overdue on 12-31.
        addClient(store, "B", "Ann", date(2026, 10, 5));
        for (const Date& d : {date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 19), date(2026, 12, 28)})
            srs(store, "B", d, srsTotal(40));
        NewRupture rupture;
        rupture.clientCode = "B";
        rupture.session = Date(2026, 12, 28);
        NewRepairPlan plan;
        plan.ruptureId = store.flagRupture(rupture);
        plan.strategies = {"listen"};
        plan.createdOn = date(2026, 12, 28);
        plan.dueDate = date(2026, 12, 30);
        bPlan = store.planRepair(plan);
        // C: 30, 20 (breach, baseline 30), 22, 21, 20, 21: never regained in the window ->
        // unrepaired. The client has since left (closed): in the period's counts, not active.
        addClient(store, "C", "Ann", date(2026, 10, 1));
        int day = 7;
        for (int total : {30, 20, 22, 21, 20, 21}) {
            srs(store, "C", date(2026, 10, 1) + boost::gregorian::days(day - 1), srsTotal(total));
            day += 7;
        }
        store.setClientStatus("C", ClientStatus::Closed);
        // D (Bo's): 35 the day before the period; 10-01 rated by the counselor only; 28 on 12-29
        // (drop 7: breach, the series ends: pending), below the cutoff 36.
        addClient(store, "D", "Bo", date(2026, 9, 1));
        srs(store, "D", date(2026, 9, 30), srsTotal(35));
        srs(store, "D", date(2026, 10, 1), srsTotal(33), Rater::Counselor);
        srs(store, "D", date(2026, 12, 29), srsTotal(28));
    }
    Id bPlan = 0;
};

const ReviewPeriod period{date(2026, 10, 1), date(2026, 12, 31), date(2026, 12, 31)};

std::vector<std::string> codes(const std::vector<const ClientReview*>& clients)
{
    std::vector<std::string> out;
    for (const ClientReview* c : clients)
        out.push_back(c->code);
    return out;
}

const WeekFigures& week(const std::vector<WeekFigures>& weeks, const std::string& label)
{
    for (const WeekFigures& w : weeks)
        if (w.label() == label)
            return w;
    FAIL("no week " << label);
    return weeks.front();
}

} // namespace

TEST_CASE("Review: Wilson intervals as worked in ALLIANCE.md 6a")
{
    // 2/3: centre (0.667 + 3.8416/6) / (1 + 3.8416/3) = 1.3069/2.2805 = 0.5731; half-width
    // 1.96 sqrt(0.2222/3 + 3.8416/36) / 2.2805 = 0.3654 -> [0.208, 0.939].
    const Interval twoOfThree = wilsonInterval(2, 3);
    CHECK(twoOfThree.low == Approx(0.208).margin(0.0005));
    CHECK(twoOfThree.high == Approx(0.939).margin(0.0005));
    const Interval none = wilsonInterval(0, 1); // n = 1: [0, 3.8416/4.8416] = [0, 0.793]
    CHECK(none.low == Approx(0.0).margin(1e-12));
    CHECK(none.high == Approx(0.793).margin(0.0005));
    const Interval all = wilsonInterval(5, 5); // all repaired: [5/8.8416, 1] = [0.566, 1]
    CHECK(all.low == Approx(0.566).margin(0.0005));
    CHECK(all.high == Approx(1.0).margin(1e-12));
    CHECK_THROWS_AS(wilsonInterval(0, 0), ValidationError);
    CHECK_THROWS_AS(wilsonInterval(3, 2), ValidationError);
}

TEST_CASE("Review: t quantiles and mean intervals")
{
    CHECK(tQuantile95(1) == Approx(12.706).margin(0.001));
    CHECK(tQuantile95(2) == Approx(4.303).margin(0.001));
    CHECK(tQuantile95(1000) == Approx(1.962).margin(0.001));
    CHECK_FALSE(meanInterval({35.0}));
    // 37, 40, 28: mean 35, s = sqrt((4 + 25 + 49) / 2) = 6.245, half 4.303 x 6.245 / sqrt 3 = 15.514.
    const auto i = meanInterval({37, 40, 28});
    REQUIRE(i);
    CHECK(i->low == Approx(19.486).margin(0.001));
    CHECK(i->high == Approx(50.514).margin(0.001));
}

TEST_CASE("Review: funnel limits and bands (Spiegelhalter, normal approximation, clipped)")
{
    // Centre 0.5, n = 100: spread 0.05 -> 95% 0.5 +- 0.098, 99.8% 0.5 +- 0.1545.
    const FunnelLimits l = funnelLimits(0.5, 100);
    CHECK(l.low95 == Approx(0.402));
    CHECK(l.high95 == Approx(0.598));
    CHECK(l.low998 == Approx(0.3455));
    CHECK(l.high998 == Approx(0.6545));
    // n = 1: 0.5 +- 0.98 and +- 1.545, clipped to 0..1.
    const FunnelLimits one = funnelLimits(0.5, 1);
    CHECK(one.low95 == 0.0);
    CHECK(one.high95 == 1.0);
    CHECK(one.low998 == 0.0);
    CHECK(one.high998 == 1.0);
    CHECK(funnelBand(0.5, 1, 1) == FunnelBand::Inside);
    CHECK(funnelBand(0.5, 50, 100) == FunnelBand::Inside);
    CHECK(funnelBand(0.5, 61, 100) == FunnelBand::Above95);
    CHECK(funnelBand(0.5, 70, 100) == FunnelBand::Above998);
    CHECK(funnelBand(0.5, 39, 100) == FunnelBand::Below95);
    CHECK(funnelBand(0.5, 30, 100) == FunnelBand::Below998);
    // Every episode repaired across the team: the limits close on 1; all repaired is inside,
    // 4 of 5 is below even the 99.8% limit.
    CHECK(funnelBand(1.0, 5, 5) == FunnelBand::Inside);
    CHECK(funnelBand(1.0, 4, 5) == FunnelBand::Below998);
    CHECK(slugOf(FunnelBand::Above998) == "above-99.8");
    CHECK_THROWS_AS(funnelLimits(0.5, 0), ValidationError);
}

TEST_CASE("Review: ISO 8601 weeks, week 53 and 29 February")
{
    CHECK(isoWeekOf(date(2026, 12, 28)) == std::make_pair(2026, 53));
    CHECK(isoWeekOf(date(2026, 12, 31)) == std::make_pair(2026, 53));
    CHECK(isoWeekOf(date(2027, 1, 3)) == std::make_pair(2026, 53)); // a Sunday of 2026's week 53
    CHECK(isoWeekOf(date(2027, 1, 4)) == std::make_pair(2027, 1));
    CHECK(isoWeekOf(date(2024, 12, 30)) == std::make_pair(2025, 1)); // a Monday of 2025's week 1
    CHECK(mondayOf(date(2027, 1, 3)) == date(2026, 12, 28));
    CHECK(mondayOf(date(2028, 3, 1)) == date(2028, 2, 28));
    CHECK(mondayOf(date(2028, 2, 28)) == date(2028, 2, 28));
    // Defaults: to = as of, from = 84 days before: across February 2028's 29 days.
    const ReviewPeriod p = reviewPeriod(date(2028, 3, 1));
    CHECK(p.to == date(2028, 3, 1));
    CHECK(p.from == date(2027, 12, 8));
    CHECK(test::rejectedField(
              [] { reviewPeriod(date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 1)); }) == "from");
    CHECK(test::rejectedField([] { reviewPeriod(date(2026, 12, 1), std::nullopt, date(2026, 12, 2)); }) ==
          "to");
    // At most ten years: every week is a row per counselor.
    CHECK(test::rejectedField([] { reviewPeriod(date(2026, 12, 1), date(1900, 1, 1)); }) == "from");
    CHECK(reviewPeriod(date(2026, 12, 1), date(2016, 12, 2)).from == date(2016, 12, 2));
    // The last representable days: the weeks are counted, never stepped past 9999-12-31.
    Store empty(":memory:", OpenMode::CreateIfMissing);
    empty.addCounselor("Ann", Role::Counselor, std::nullopt);
    const CaseloadReview last =
        reviewCaseload(empty, {ReviewScope::Kind::Everyone, ""}, reviewPeriod(date(9999, 12, 31)));
    CHECK(last.weeks.back().start == mondayOf(date(9999, 12, 31)));
    CHECK(last.weeks.back().partial);
}

TEST_CASE("Review: every figure of a hand-built caseload")
{
    Caseload c;
    const CaseloadReview r = reviewCaseload(c.store, {ReviewScope::Kind::Everyone, ""}, period);
    REQUIRE(r.counselors.size() == 2); // supervisors without clients are no rows
    CHECK(r.counselors[0].name == "Ann");
    CHECK(r.counselors[1].name == "Bo");

    const ReviewFigures& t = r.team;
    CHECK(t.activeClients == 3);   // A, B, D (C has left)
    CHECK(t.sessions == 16);       // A 4 + B 4 + C 6 + D 2 in the period
    CHECK(t.ratedSessions == 15);  // D's 10-01 has the counselor's rating only
    CHECK(t.breaches.opened == 3); // A 10-08, C 10-14, D 12-29
    CHECK(t.breaches.repaired == 1);
    CHECK(t.breaches.unrepaired == 1);
    CHECK(t.breaches.pending == 1);
    CHECK(t.repairRate.repaired == 1);
    CHECK(t.repairRate.closed == 2);
    REQUIRE(t.repairRate.value);
    CHECK(*t.repairRate.value == Approx(0.5));
    // 1/2: centre 0.5, half 1.96 sqrt(0.125 + 0.2401) / 2.9208 = 0.4055.
    CHECK(t.repairRate.interval->low == Approx(0.0945).margin(0.0005));
    CHECK(t.repairRate.interval->high == Approx(0.9055).margin(0.0005));
    CHECK(t.drifting == 1);    // A
    CHECK(t.belowCutoff == 1); // D's 28 < 36
    CHECK(t.atCeiling == 1);   // B
    CHECK(t.rupturesFlagged == 1);
    CHECK(t.plansOpen == 1);
    CHECK(t.plansOverdue == 1);
    CHECK(t.improved == 0);
    CHECK(t.same == 2);     // A 36 -> 37, B 40 -> 40
    CHECK(t.worsened == 1); // C 30 -> 21 (change -9 beyond RC 4.80); D has one rating in the period
    REQUIRE(t.latest.size() == 1);
    CHECK(t.latest[0].instrument == Instrument::Srs);
    CHECK(t.latest[0].n == 3); // A 37, B 40, D 28 (C is not active)
    CHECK(t.latest[0].mean == Approx(35));
    CHECK(t.latest[0].interval->low == Approx(19.486).margin(0.001));
    CHECK(t.latest[0].smallN);

    const CounselorReview& ann = r.counselors[0];
    CHECK(ann.supervisor == std::optional<std::string>("Sue"));
    CHECK(ann.figures.activeClients == 2);
    CHECK(ann.figures.repairRate.closed == 2);
    CHECK(ann.figures.latest[0].mean == Approx(38.5));
    // 37, 40: s = 2.1213, half 12.706 x 2.1213 / sqrt 2 = 19.059.
    CHECK(ann.figures.latest[0].interval->high == Approx(57.559).margin(0.001));
    REQUIRE(r.funnelCentre);
    CHECK(*r.funnelCentre == Approx(0.5));
    CHECK(ann.band == FunnelBand::Inside);
    const CounselorReview& bo = r.counselors[1];
    CHECK(bo.figures.repairRate.closed == 0);
    CHECK_FALSE(bo.figures.repairRate.value);
    CHECK_FALSE(bo.band); // nothing closed: not on the funnel
    CHECK(bo.figures.latest[0].n == 1);
    CHECK_FALSE(bo.figures.latest[0].interval);
    REQUIRE(r.funnel.size() >= 10);
    CHECK(r.funnel[0].n == 1);
    CHECK(r.funnel[1].high95 == 1.0); // 0.5 + 1.96 sqrt(0.25 / 2) = 1.19, clipped
    CHECK(r.funnel[9].n == 10);
    CHECK(r.funnel[9].high95 == Approx(0.8099).margin(0.0001)); // 0.5 + 1.96 sqrt(0.025)

    // Drill-down: the clients behind a figure.
    CHECK(codes(clientsBehind(r, "Ann", "unrepaired")) == std::vector<std::string>{"C"});
    CHECK(codes(clientsBehind(r, "", "drifting")) == std::vector<std::string>{"A"});
    CHECK(codes(clientsBehind(r, "", "unrated_sessions")) == std::vector<std::string>{"D"});
    CHECK(codes(clientsBehind(r, "", "active_clients")) == std::vector<std::string>{"A", "B", "D"});
    CHECK(codes(clientsBehind(r, "Bo", "pending")) == std::vector<std::string>{"D"});
    CHECK(codes(clientsBehind(r, "", "closed")) == std::vector<std::string>{"A", "C"}); // behind 1/2
    CHECK(codes(clientsBehind(r, "", "plans_overdue")) == std::vector<std::string>{"B"});
    CHECK(test::rejectedField([&] { clientsBehind(r, "", "score"); }) == "figure");
}

TEST_CASE("Review: weekly trends in ISO weeks, partial weeks and empty ones")
{
    Caseload c;
    const CaseloadReview r = reviewCaseload(c.store, {ReviewScope::Kind::Everyone, ""}, period);
    // Mondays 2026-09-28 (W40) .. 2026-12-28 (W53): 14 weeks, the first and last only partly.
    REQUIRE(r.weeks.size() == 14);
    CHECK(r.weeks.front().label() == "2026-W40");
    CHECK(r.weeks.front().partial);
    CHECK(r.weeks.front().ratings == 1); // A's 10-01; D's 09-30 is before the period
    CHECK(r.weeks[1].label() == "2026-W41");
    CHECK_FALSE(r.weeks[1].partial);
    CHECK(r.weeks[1].ratings == 3); // A 30, B 40, C 30
    CHECK(*r.weeks[1].mean(Instrument::Srs) == Approx(100.0 / 3));
    CHECK(r.weeks[1].breachesOpened == 1); // A
    const WeekFigures& w42 = week(r.weeks, "2026-W42");
    CHECK(w42.ratings == 3); // A 36, B 40, C 20
    CHECK(*w42.mean(Instrument::Srs) == Approx(32));
    CHECK(w42.breachesOpened == 1);   // C
    CHECK(w42.breachesRepaired == 1); // A, on 10-15
    const WeekFigures& w50 = week(r.weeks, "2026-W50");
    CHECK(w50.ratings == 0);
    CHECK_FALSE(w50.mean(Instrument::Srs)); // no ratings: no mean, not 0
    const WeekFigures& w53 = r.weeks.back();
    CHECK(w53.label() == "2026-W53");
    CHECK(w53.start == date(2026, 12, 28));
    CHECK(w53.partial);
    CHECK(w53.ratings == 2); // B 40, D 28
    CHECK(*w53.mean(Instrument::Srs) == Approx(34));
    CHECK_FALSE(w53.mean(Instrument::WaiSr));
    CHECK(w53.breachesOpened == 1);
    CHECK(w53.rupturesFlagged == 1);
    // The clients behind a week: any rating, breach, rupture or closed plan that week.
    const auto weekAt = [&](const std::string& label) {
        for (std::size_t k = 0; k < r.weeks.size(); ++k)
            if (r.weeks[k].label() == label)
                return k;
        FAIL("no week " << label);
        return std::size_t{0};
    };
    CHECK(codes(clientsOfWeek(r, "", weekAt("2026-W42"))) == std::vector<std::string>{"A", "B", "C"});
    CHECK(codes(clientsOfWeek(r, "", weekAt("2026-W53"))) == std::vector<std::string>{"B", "D"});
    CHECK(codes(clientsOfWeek(r, "Bo", weekAt("2026-W53"))) == std::vector<std::string>{"D"});
    CHECK(clientsOfWeek(r, "", weekAt("2026-W50")).empty());
    const ClientReview* c42 = clientsOfWeek(r, "Ann", weekAt("2026-W42")).at(2); // C: 20, the breach's onset
    REQUIRE(c42->code == "C");
    REQUIRE(!c42->weeks.empty());
    const auto cWeek = std::find_if(c42->weeks.begin(), c42->weeks.end(), [&](const ClientReview::Week& w) {
        return w.index == weekAt("2026-W42");
    });
    REQUIRE(cWeek != c42->weeks.end());
    CHECK(cWeek->ratings == 1);
    CHECK(cWeek->breachesOpened == 1);
    CHECK(cWeek->breachesRepaired == 0);
    // Per counselor: Bo's week 53 holds D's 28 alone.
    CHECK(*week(r.counselors[1].weeks, "2026-W53").mean(Instrument::Srs) == Approx(28));
    CHECK(week(r.counselors[0].weeks, "2026-W53").ratings == 1);

    // A plan closed in week 53 counts there.
    c.store.closeRepair(c.bPlan, Outcome::Resolved, std::nullopt, date(2026, 12, 30));
    const CaseloadReview after = reviewCaseload(c.store, {ReviewScope::Kind::Everyone, ""}, period);
    CHECK(after.weeks.back().plansClosed == 1);
    CHECK(after.team.plansOpen == 0);
}

TEST_CASE("Review: scopes, and a period across a month end and 29 February 2028")
{
    Caseload c;
    const CaseloadReview team = reviewCaseload(c.store, {ReviewScope::Kind::Supervisor, "Sue"}, period);
    REQUIRE(team.counselors.size() == 1);
    CHECK(team.counselors[0].name == "Ann");
    CHECK(team.team.sessions == 14); // A, B, C
    CHECK(team.team.activeClients == 2);
    const CaseloadReview bo = reviewCaseload(c.store, {ReviewScope::Kind::Counselor, "Bo"}, period);
    REQUIRE(bo.counselors.size() == 1);
    CHECK(bo.team.sessions == 2);
    CHECK_THROWS_AS(reviewCaseload(c.store, {ReviewScope::Kind::Supervisor, "Ann"}, period), NotFound);
    CHECK_THROWS_AS(reviewCaseload(c.store, {ReviewScope::Kind::Supervisor, "Nobody"}, period), NotFound);
    CHECK_THROWS_AS(reviewCaseload(c.store, {ReviewScope::Kind::Counselor, "Nobody"}, period), NotFound);
    // Names are found as every lookup finds them, and shown as on record.
    const CaseloadReview sue = reviewCaseload(c.store, {ReviewScope::Kind::Supervisor, "  sue "}, period);
    CHECK(sue.scope.name == "Sue");
    CHECK(sue.counselors.at(0).name == "Ann");
    CHECK(reviewCaseload(c.store, {ReviewScope::Kind::Counselor, "BO"}, period).team.sessions == 2);

    addClient(c.store, "L", "Bo", date(2028, 1, 1));
    for (const Date& d : {date(2028, 2, 27), date(2028, 2, 29), date(2028, 3, 1), date(2028, 3, 2)})
        srs(c.store, "L", d, srsTotal(30));
    const ReviewPeriod leap = reviewPeriod(date(2028, 3, 2), date(2028, 2, 28), date(2028, 3, 1));
    const CaseloadReview r = reviewCaseload(c.store, {ReviewScope::Kind::Counselor, "Bo"}, leap);
    CHECK(r.team.sessions == 2);  // 29 February and 1 March
    REQUIRE(r.weeks.size() == 1); // 2028-W09, Monday 28 February
    CHECK(r.weeks[0].label() == "2028-W09");
    CHECK(r.weeks[0].partial);
    CHECK(r.weeks[0].ratings == 2);
}

TEST_CASE("Review: comments and sign-off on repair and transition plans")
{
    Caseload c;
    const std::string before = test::dumpAll(c.store);
    // Bo is not B's counselor; Max does not supervise Ann; only Sue (or an admin) signs off.
    CHECK(test::rejectedField([&] { c.store.addPlanComment(c.bPlan, "Bo", "fine"); }) == "author");
    CHECK(test::rejectedField([&] { c.store.addPlanComment(c.bPlan, "Max", "fine", std::nullopt, true); }) ==
          "author");
    CHECK(test::rejectedField([&] { c.store.addPlanComment(c.bPlan, "Ann", "done", std::nullopt, true); }) ==
          "author");
    CHECK(test::rejectedField([&] { c.store.addPlanComment(c.bPlan, "Sue", std::string(20001, 'x')); }) ==
          "text");
    CHECK_THROWS_AS(c.store.addPlanComment(999, "Sue", "fine"), NotFound);
    CHECK(test::dumpAll(c.store) == before);

    // The counselor comments on their own plan; the supervisor signs off. Quotes, emoji and
    // 10,000 characters come back exactly.
    const std::string quoted = "She said \"I'm done\" -- 'twas a test 🙂🌧️";
    c.store.addPlanComment(c.bPlan, "Ann", quoted, date(2026, 12, 29));
    std::string longText;
    for (int i = 0; i < 2500; ++i)
        longText += i % 2 ? "ab🙂" : "c\"d'";
    REQUIRE(codePoints(longText) == 8750);
    longText += std::string(1250, 'z'); // 10,000 characters
    REQUIRE(codePoints(longText) == 10000);
    c.store.addPlanComment(c.bPlan, "Sue", longText, date(2026, 12, 30), true);
    const auto comments = c.store.planComments(c.bPlan);
    REQUIRE(comments.size() == 2);
    CHECK(comments[0].author == "Ann");
    CHECK(comments[0].text == quoted);
    CHECK_FALSE(comments[0].signedOff);
    CHECK(comments[1].text == longText);
    CHECK(comments[1].signedOff);
    CHECK(comments[1].writtenOn == date(2026, 12, 30));
    const ClientDetail b = c.store.clientDetail("B");
    REQUIRE(b.plans.size() == 1);
    CHECK(b.plans[0].comments.size() == 2);
    CHECK(b.plans[0].comments[1].text == longText);

    // A transition plan: the same rules.
    NewTransitionPlan transition;
    transition.clientCode = "D";
    transition.nextSteps = "Refer to a colleague";
    const Id t = c.store.planTransition(transition);
    CHECK(test::rejectedField(
              [&] { c.store.addTransitionComment(t, "Sue", "not mine", std::nullopt, true); }) == "author");
    c.store.addTransitionComment(t, "Bo", "Asked the client first");
    c.store.addTransitionComment(t, "Max", "Agreed.", std::nullopt, true);
    const auto tc = c.store.transitionComments(t);
    REQUIRE(tc.size() == 2);
    CHECK(tc[1].signedOff);
    const ClientDetail d = c.store.clientDetail("D");
    REQUIRE(d.transitions.size() == 1);
    CHECK(d.transitions[0].comments.size() == 2);
    CHECK(d.transitions[0].comments[1].author == "Max");
}
