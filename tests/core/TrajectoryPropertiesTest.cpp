// Properties of RR-1 over many generated series (fixed seeds, so failures reproduce).
#include "Trajectory.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace alliance;

namespace {

AnalysisParams defaults()
{
    AnalysisParams p;
    p.sd = 5.0;
    p.reliability = 0.9; // RC 4.38
    p.window = 3;
    return p;
}

std::vector<double> randomSeries(std::mt19937& rng, int length)
{
    std::uniform_int_distribution<int> score(20, 60);
    std::vector<double> s;
    for (int i = 0; i < length; ++i)
        s.push_back(score(rng));
    return s;
}

bool sameEpisodes(const SeriesAnalysis& a, const SeriesAnalysis& b, double shift)
{
    if (a.episodes.size() != b.episodes.size() || a.phases != b.phases)
        return false;
    for (std::size_t i = 0; i < a.episodes.size(); ++i) {
        const auto& x = a.episodes[i];
        const auto& y = b.episodes[i];
        if (x.onset != y.onset || x.status != y.status || x.repairedAt != y.repairedAt ||
            x.closedAt != y.closedAt || x.baseline + shift != y.baseline || x.lowest + shift != y.lowest)
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("Property: constant and rising series have no breach")
{
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> step(0, 6);
    for (int trial = 0; trial < 500; ++trial) {
        std::vector<double> rising = {static_cast<double>(20 + trial % 30)};
        for (int i = 0; i < 30; ++i)
            rising.push_back(rising.back() + step(rng));
        CHECK(detectRR1(rising, defaults()).episodes.empty());
        CHECK(detectRR1(std::vector<double>(25, rising.front()), defaults()).episodes.empty());
    }
}

TEST_CASE("Property: one drop larger than RC, back to baseline within the window, is one repaired episode")
{
    std::mt19937 rng(11);
    const AnalysisParams p = defaults();
    const double rc = p.reliableChange();
    for (int trial = 0; trial < 500; ++trial) {
        const double baseline = 30 + trial % 25;
        const double drop = rc + 0.5 + trial % 8;
        const int before = 1 + trial % 5;
        const int dipLength = 1 + trial % p.window; // sessions below the baseline
        std::vector<double> s(static_cast<std::size_t>(before), baseline);
        for (int i = 0; i < dipLength; ++i)
            s.push_back(baseline - drop + (i == 0 ? 0 : 1)); // never a second reliable drop
        for (int i = 0; i < 4; ++i)
            s.push_back(baseline);
        const SeriesAnalysis a = detectRR1(s, p);
        REQUIRE(a.episodes.size() == 1);
        CHECK(a.episodes[0].onset == before + 1);
        CHECK(a.episodes[0].status == EpisodeStatus::Repaired);
        CHECK(a.episodes[0].repairedAt == before + dipLength + 1);
    }
    (void)rng;
}

TEST_CASE("Property: shifting a whole series by a constant changes no episode")
{
    std::mt19937 rng(13);
    for (int trial = 0; trial < 500; ++trial) {
        const auto s = randomSeries(rng, 5 + trial % 40);
        const double shift = (trial % 2 ? 1 : -1) * static_cast<double>(trial % 17);
        std::vector<double> shifted = s;
        for (double& v : shifted)
            v += shift;
        CHECK(sameEpisodes(detectRR1(s, defaults()), detectRR1(shifted, defaults()), shift));
        CHECK(detectV(s, 1).episodes.size() == detectV(shifted, 1).episodes.size());
    }
}

TEST_CASE("Property: every RR-1 episode satisfies the rule's definition")
{
    std::mt19937 rng(17);
    const AnalysisParams p = defaults();
    const double rc = p.reliableChange();
    for (int trial = 0; trial < 500; ++trial) {
        const auto s = randomSeries(rng, 2 + trial % 60);
        const int n = static_cast<int>(s.size());
        const auto x = [&](int t) { return s[static_cast<std::size_t>(t - 1)]; };
        for (const Episode& e : detectRR1(s, p).episodes) {
            REQUIRE(e.onset >= 2);
            CHECK(x(e.onset - 1) - x(e.onset) > rc);
            CHECK(e.baseline == x(e.onset - 1));
            if (e.status == EpisodeStatus::Repaired) {
                CHECK(*e.repairedAt - e.onset <= p.window);
                CHECK(x(*e.repairedAt) >= e.baseline);
            } else if (e.status == EpisodeStatus::Unrepaired) {
                CHECK(*e.closedAt == e.onset + p.window);
            } else {
                CHECK(e.onset + p.window > n);
            }
        }
    }
}
