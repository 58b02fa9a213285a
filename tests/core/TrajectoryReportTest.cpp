#include "TrajectoryReport.hpp"
#include "Alerts.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace alliance;

namespace {

const std::vector<int> workedTotals = {44, 46, 47, 41, 45, 48, 42, 43, 44, 45};

// Twelve WAI-SR items (1..5) summing to `total`.
std::vector<int> waiItemsFor(int total)
{
    std::vector<int> items(12, 10);
    int rest = total - 12;
    for (int& v : items) {
        const int add = std::min(4, rest);
        v += add * 10;
        rest -= add;
    }
    return items;
}

void logTotals(Store& store, const std::vector<int>& totals, Rater rater = Rater::Client,
               const std::vector<std::size_t>& order = {})
{
    std::vector<std::size_t> indices(totals.size());
    for (std::size_t i = 0; i < totals.size(); ++i)
        indices[i] = i;
    if (!order.empty())
        indices = order;
    for (std::size_t i : indices) {
        NewRating r;
        r.clientCode = "C-001";
        r.date = Date(2026, 1, 5) + boost::gregorian::days(7 * static_cast<long>(i));
        r.instrument = Instrument::WaiSr;
        r.itemTenths = waiItemsFor(totals[i]);
        r.rater = rater;
        store.logRating(r);
    }
}

TrajectoryRequest workedRequest()
{
    TrajectoryRequest request;
    request.sd = 5.0;
    request.reliability = 0.90;
    request.window = 3;
    request.asOf = Date(2026, 3, 20);
    return request;
}

TrajectoryReport build(Store& store, const TrajectoryRequest& request)
{
    return buildTrajectory(
        store.clientDetail("C-001"), request,
        [&store](Instrument i, const std::string& d) { return store.analysisParams(i, d); });
}

bool hasFlag(const TrajectoryReport& report, const std::string& kind)
{
    return std::any_of(report.flags.begin(), report.flags.end(),
                       [&](const Flag& f) { return f.kind == kind; });
}

} // namespace

TEST_CASE("The worked RR-1 example holds through the store, with session numbers and rule text")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logTotals(store, workedTotals);
    const TrajectoryReport report = build(store, workedRequest());
    CHECK(report.instrument == Instrument::WaiSr);
    CHECK(report.params.reliableChange() == Approx(4.382693).epsilon(1e-6));
    REQUIRE(report.total.episodes.size() == 2);
    CHECK(report.sessionAt(report.total.episodes[0].onset) == 4);
    CHECK(report.total.episodes[0].repairedAt == 6);
    CHECK(report.total.episodes[1].status == EpisodeStatus::Unrepaired);
    CHECK(report.dimensions.size() == 3);
    CHECK(report.trend.has_value());
    CHECK(describeRule(report.rule, report.params).find("4.38") != std::string::npos);
    CHECK(hasFlag(report, "unrepaired"));
    CHECK(hasFlag(report, "unflagged-breach"));
    CHECK_FALSE(hasFlag(report, "breach-pending"));
}

TEST_CASE("Results do not depend on the order rows were inserted")
{
    std::mt19937 rng(3);
    Store inOrder(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(inOrder);
    logTotals(inOrder, workedTotals);
    const TrajectoryReport expected = build(inOrder, workedRequest());
    for (int trial = 0; trial < 5; ++trial) {
        std::vector<std::size_t> order(workedTotals.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        Store shuffled(":memory:", OpenMode::CreateIfMissing);
        test::addCounselorAndClient(shuffled);
        logTotals(shuffled, workedTotals, Rater::Client, order);
        const TrajectoryReport got = build(shuffled, workedRequest());
        REQUIRE(got.total.episodes.size() == expected.total.episodes.size());
        CHECK(got.total.phases == expected.total.phases);
        for (std::size_t e = 0; e < got.total.episodes.size(); ++e) {
            CHECK(got.total.episodes[e].onset == expected.total.episodes[e].onset);
            CHECK(got.total.episodes[e].closedAt == expected.total.episodes[e].closedAt);
        }
    }
}

TEST_CASE("A breach in the bond alone is seen even when the total holds")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    // Bond items 3,5,7,9 drop from 5 to 2 at session 3 while task and goal rise to keep the total.
    const std::vector<std::vector<int>> sessions = {
        {3, 3, 5, 3, 5, 3, 5, 3, 5, 3, 3, 3}, {3, 3, 5, 3, 5, 3, 5, 3, 5, 3, 3, 3},
        {5, 5, 2, 4, 2, 4, 2, 4, 2, 5, 4, 5}, {5, 5, 2, 4, 2, 4, 2, 4, 2, 5, 4, 5},
        {5, 5, 2, 4, 2, 4, 2, 4, 2, 5, 4, 5}, {5, 5, 2, 4, 2, 4, 2, 4, 2, 5, 4, 5}};
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        NewRating r;
        r.clientCode = "C-001";
        r.date = Date(2026, 1, 5) + boost::gregorian::days(7 * static_cast<long>(i));
        r.instrument = Instrument::WaiSr;
        for (int v : sessions[i])
            r.itemTenths.push_back(v * 10);
        store.logRating(r);
    }
    TrajectoryRequest request;
    request.asOf = Date(2026, 2, 20);
    const TrajectoryReport report = build(store, request);
    CHECK(report.total.episodes.empty());
    REQUIRE(report.dimensions.at(Dimension::Bond).analysis.episodes.size() == 1);
    CHECK(report.dimensions.at(Dimension::Bond).analysis.episodes[0].onset == 3);
    CHECK(report.dimensions.at(Dimension::Task).analysis.episodes.empty());
}

TEST_CASE("Flags: flagged rupture, missing plan, overdue plan, drift")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logTotals(store, workedTotals);
    const Id rupture = store.flagRupture({{RuptureKind::Withdrawal,
                                           {"minimal-response"},
                                           3,
                                           NoticedBy::ClientScore,
                                           std::nullopt,
                                           std::nullopt},
                                          "C-001",
                                          4});
    TrajectoryRequest request = workedRequest();
    auto report = build(store, request);
    // The first breach now has a rupture; the second still has none.
    CHECK(std::count_if(report.flags.begin(), report.flags.end(),
                        [](const Flag& f) { return f.kind == "unflagged-breach"; }) == 1);
    CHECK(hasFlag(report, "rupture-without-plan"));

    store.planRepair({rupture, {"validate"}, {}, Date(2026, 2, 10), std::nullopt, Date(2026, 1, 26)});
    report = build(store, request);
    CHECK_FALSE(hasFlag(report, "rupture-without-plan"));
    CHECK(hasFlag(report, "plan-overdue")); // due 2026-02-10, as of 2026-03-20
    CHECK_FALSE(hasFlag(report, "drift"));  // last session 2026-03-09, 11 days, cadence 7

    request.asOf = Date(2026, 4, 1);
    report = build(store, request);
    CHECK(hasFlag(report, "drift")); // 23 days > 2 x 7
    store.setClientStatus("C-001", ClientStatus::Closed);
    CHECK_FALSE(hasFlag(build(store, request), "drift"));
}

TEST_CASE("Flags: pending breach, ceiling, raters far apart, SRS below cutoff")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    SECTION("pending breach")
    {
        logTotals(store, {44, 46, 47, 41});
        CHECK(hasFlag(build(store, workedRequest()), "breach-pending"));
    }
    SECTION("ceiling after three perfect sessions")
    {
        logTotals(store, {50, 60, 60});
        CHECK_FALSE(hasFlag(build(store, workedRequest()), "ceiling"));
    }
    SECTION("raters far apart")
    {
        logTotals(store, {40, 41});
        logTotals(store, {55, 56}, Rater::Counselor);
        CHECK(hasFlag(build(store, workedRequest()), "raters-disagree"));
    }
    SECTION("SRS below the cutoff")
    {
        NewRating r;
        r.clientCode = "C-001";
        r.date = Date(2026, 1, 5);
        r.instrument = Instrument::Srs;
        r.itemTenths = {85, 70, 95, 80};
        store.logRating(r);
        const auto report = build(store, workedRequest());
        CHECK(report.instrument == Instrument::Srs);
        REQUIRE(hasFlag(report, "below-cutoff"));
        const auto flag = std::find_if(report.flags.begin(), report.flags.end(),
                                       [](const Flag& f) { return f.kind == "below-cutoff"; });
        CHECK(flag->suggestion.find("Goals and topics") != std::string::npos);
    }
}

TEST_CASE("Ceiling flag for three or more sessions in a row at the maximum")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logTotals(store, {50, 60, 60, 60});
    const auto report = build(store, workedRequest());
    REQUIRE(hasFlag(report, "ceiling"));
}
