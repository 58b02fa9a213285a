#include "Trajectory.hpp"
#include "Errors.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

namespace {
const std::vector<double> workedSeries = {44, 46, 47, 41, 45, 48, 42, 43, 44, 45};

AnalysisParams params(double sd, double r, int window = 3)
{
    AnalysisParams p;
    p.sd = sd;
    p.reliability = r;
    p.window = window;
    return p;
}
} // namespace

TEST_CASE("RCI worked example: SD 8, r .90")
{
    const AnalysisParams p = params(8.0, 0.90);
    CHECK(p.standardErrorOfDifference() == Approx(3.577709).epsilon(1e-6));
    CHECK(p.reliableChange() == Approx(7.012309).epsilon(1e-6));
    const double reliable = reliableChangeIndex(50, 42, p);
    CHECK(reliable == Approx(-2.236068).epsilon(1e-6));
    CHECK(std::abs(reliable) > p.z);
    const double notReliable = reliableChangeIndex(50, 44, p);
    CHECK(notReliable == Approx(-1.677051).epsilon(1e-6));
    CHECK(std::abs(notReliable) < p.z);
}

TEST_CASE("RR-1 worked example: onset 4 repaired at 6, onset 7 unrepaired closed at 10")
{
    const AnalysisParams p = params(5.0, 0.90);
    CHECK(p.reliableChange() == Approx(4.382693).epsilon(1e-6));
    const SeriesAnalysis a = detectRR1(workedSeries, p);
    REQUIRE(a.episodes.size() == 2);
    CHECK(a.episodes[0].onset == 4);
    CHECK(a.episodes[0].baseline == 47);
    CHECK(a.episodes[0].lowest == 41);
    CHECK(a.episodes[0].status == EpisodeStatus::Repaired);
    CHECK(a.episodes[0].repairedAt == 6);
    CHECK(a.episodes[0].closedAt == 6);
    CHECK(a.episodes[1].onset == 7);
    CHECK(a.episodes[1].baseline == 48);
    CHECK(a.episodes[1].lowest == 42);
    CHECK(a.episodes[1].status == EpisodeStatus::Unrepaired);
    CHECK_FALSE(a.episodes[1].repairedAt.has_value());
    CHECK(a.episodes[1].closedAt == 10);

    using P = Phase;
    const std::vector<Phase> expected = {P::Development, P::Development, P::Development, P::Breach,
                                         P::Breach,      P::Repair,      P::Breach,      P::Breach,
                                         P::Breach,      P::Breach};
    CHECK(a.phases == expected);
    CHECK_FALSE(a.rci[0].has_value());
    CHECK(*a.rci[3] == Approx(-6.0 / p.standardErrorOfDifference()));
}

TEST_CASE("RR-1: an episode whose window runs past the series is pending")
{
    const SeriesAnalysis a = detectRR1({44, 46, 47, 41, 45, 48, 42, 43}, params(5.0, 0.90));
    REQUIRE(a.episodes.size() == 2);
    CHECK(a.episodes[1].status == EpisodeStatus::Pending);
    CHECK_FALSE(a.episodes[1].closedAt.has_value());
    CHECK(a.phases.back() == Phase::Breach);
}

TEST_CASE("RR-1: further drops deepen the open episode instead of opening another")
{
    const SeriesAnalysis a = detectRR1({50, 44, 38, 39, 40}, params(5.0, 0.90, 3));
    REQUIRE(a.episodes.size() == 1);
    CHECK(a.episodes[0].lowest == 38);
    CHECK(a.episodes[0].status == EpisodeStatus::Unrepaired);
    CHECK(a.episodes[0].closedAt == 5);
}

TEST_CASE("RR-1: after a repair, onset checks resume from the repair session")
{
    // Repaired at 3 (x3 = 50); x3 - x4 = 7 opens the next episode at 4.
    const SeriesAnalysis a = detectRR1({50, 44, 50, 43, 50}, params(5.0, 0.90, 3));
    REQUIRE(a.episodes.size() == 2);
    CHECK(a.episodes[0].repairedAt == 3);
    CHECK(a.episodes[1].onset == 4);
    CHECK(a.episodes[1].repairedAt == 5);
}

TEST_CASE("V-k worked example: with s = 2.5, k = 1 finds a V at 4 only: k = 2 none")
{
    const SeriesAnalysis one = detectV(workedSeries, 1, 2.5);
    REQUIRE(one.episodes.size() == 1);
    CHECK(one.episodes[0].onset == 4);
    CHECK(detectV(workedSeries, 2, 2.5).episodes.empty());
    // With the client's own sample SD the answer is the same.
    CHECK(detectV(workedSeries, 1).episodes.size() == 1);
    CHECK(detectV(workedSeries, 2).episodes.empty());
}

TEST_CASE("Client sample SD of the worked series is 2.173067")
{
    CHECK(sampleStandardDeviation(workedSeries) == Approx(2.173067).epsilon(1e-6));
    CHECK(sampleStandardDeviation({5}) == 0);
}

TEST_CASE("OLS trend of [40,43,45,48]: slope 2.6, intercept 37.5")
{
    const auto trend = olsTrend({40, 43, 45, 48});
    REQUIRE(trend);
    CHECK(trend->slope == Approx(2.6));
    CHECK(trend->intercept == Approx(37.5));
    CHECK_FALSE(olsTrend({40}).has_value());
}

TEST_CASE("Sudden loss: a large durable drop is found, a V-shaped dip is not")
{
    const AnalysisParams p = params(5.0, 0.90);
    // 48,47,48 -> 30,31,30: drop 18 >= RC and 25% of 48; means differ by far more than 2.776 pooled SDs.
    const SeriesAnalysis durable = detectSuddenLosses({48, 47, 48, 30, 31, 30}, p);
    REQUIRE(durable.episodes.size() == 1);
    CHECK(durable.episodes[0].onset == 4);
    CHECK(durable.episodes[0].baseline == 48);
    CHECK(durable.episodes[0].status == EpisodeStatus::Unrepaired);
    // A one-session dip: criterion 3 fails because the sessions after recover.
    CHECK(detectSuddenLosses({48, 47, 48, 30, 48, 47}, p).episodes.empty());
    // Criterion 2 (25%): a drop of 8 from 48 is under 25%; switching it off finds the loss.
    const std::vector<double> smaller = {48, 48, 48, 40, 40, 40};
    CHECK(detectSuddenLosses(smaller, p).episodes.empty());
    CHECK(detectSuddenLosses(smaller, p, {false}).episodes.size() == 1);
    // Criterion 1: below RC never counts.
    CHECK(detectSuddenLosses({10, 10, 10, 7, 7, 7}, p, {false}).episodes.empty());
}

TEST_CASE("Sudden loss: every qualifying interval is reported, as suddengains' identify_sg does")
{
    const AnalysisParams p = params(5.0, 0.90);
    // 60 -> 40 -> 20: two losses in a row. Each meets all three criteria on its own.
    const SeriesAnalysis twice = detectSuddenLosses({60, 60, 60, 40, 20, 20, 20}, p);
    REQUIRE(twice.losses.size() == 2);
    CHECK(twice.losses[0].onset == 4);
    CHECK(twice.losses[0].drop == 20);
    CHECK(twice.losses[1].onset == 5);
    CHECK(twice.losses[1].drop == 20);
    // The chart still shows one unrepaired episode from the first loss.
    REQUIRE(twice.episodes.size() == 1);
    CHECK(twice.episodes[0].onset == 4);
    CHECK(twice.episodes[0].lowest == 20);
    // A loss inside an open episode is listed too; one after a repair opens a new episode.
    const SeriesAnalysis again = detectSuddenLosses({48, 47, 48, 30, 31, 48, 48, 48, 30, 30, 30}, p);
    CHECK(again.losses.size() == 1); // 48 -> 30 at 4 recovers within 3: not durable
    CHECK(again.losses.at(0).onset == 9);
    // Not a sudden loss rule: no losses listed.
    CHECK(detectRR1({60, 60, 60, 40, 20, 20, 20}, p).losses.empty());
}

TEST_CASE("Patterns: stable, growing, declining, high-low-high")
{
    const AnalysisParams p = params(5.0, 0.90);
    CHECK(classifyPattern({44, 45, 44, 45, 44}, p) == Pattern::Stable);
    CHECK(classifyPattern({40, 43, 45, 48}, p) == Pattern::Growing);
    CHECK(classifyPattern({48, 45, 43, 40}, p) == Pattern::Declining);
    CHECK(classifyPattern({50, 44, 40, 45, 50}, p) == Pattern::HighLowHigh);
    CHECK(classifyPattern({50, 40}, p) == Pattern::Insufficient);
}

TEST_CASE("Ceiling runs of three or more at the maximum")
{
    const auto runs = ceilingRuns({60, 60, 59, 60, 60, 60, 60}, 60, 3);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0] == std::make_pair(4, 4));
    CHECK(ceilingRuns({60, 60, 59}, 60, 3).empty());
}

TEST_CASE("Invalid parameters are rejected naming the parameter")
{
    AnalysisParams p = params(5.0, 0.90);
    p.sd = 0;
    CHECK_THROWS_WITH(validate(p), Catch::StartsWith("sd"));
    p = params(5.0, 1.0);
    CHECK_THROWS_WITH(validate(p), Catch::StartsWith("reliability"));
    p = params(5.0, 0.9, 0);
    CHECK_THROWS_WITH(validate(p), Catch::StartsWith("window"));
    CHECK_THROWS_AS(ruleFromSlug("v3"), ValidationError);
}
