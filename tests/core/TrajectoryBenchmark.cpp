// Benchmark: analysing a series is linear in its length. Times the full per-client analysis
// (RR-1, V-1, sudden loss, trend, pattern, ceiling) at n and 16n sessions in the same run and
// checks the ratio, not a wall-clock number: linear gives ~16, quadratic ~256.
#include "Trajectory.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

using namespace alliance;

namespace {

std::vector<double> series(std::size_t n)
{
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> score(20, 60);
    std::vector<double> s(n);
    for (double& v : s)
        v = score(rng);
    return s;
}

// One timing of the whole analysis, 20 times over `s`.
double secondsFor(const std::vector<double>& s)
{
    AnalysisParams p;
    p.sd = 5.0;
    p.reliability = 0.9;
    const auto start = std::chrono::steady_clock::now();
    std::size_t sink = 0;
    for (int k = 0; k < 20; ++k) {
        sink += detectRR1(s, p).episodes.size();
        sink += detectV(s, 1).episodes.size();
        sink += detectSuddenLosses(s, p).episodes.size();
        sink += static_cast<std::size_t>(classifyPattern(s, p));
        sink += ceilingRuns(s, 60).size();
        sink += olsTrend(s) ? 1 : 0;
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (sink == 0)
        std::puts("");
    return elapsed.count();
}

} // namespace

int main()
{
    const std::size_t baseline = 1000;
    const std::size_t large = 16000;
    // Interleaved, best of 9 each: a busy machine slows both sizes alike, and the fastest run of
    // each is the one least disturbed.
    const std::vector<double> smallSeries = series(baseline);
    const std::vector<double> bigSeries = series(large);
    double small = 1e9;
    double big = 1e9;
    for (int repeat = 0; repeat < 9; ++repeat) {
        small = std::min(small, secondsFor(smallSeries));
        big = std::min(big, secondsFor(bigSeries));
    }
    const double ratio = big / small;
    std::printf("analysis of %zu sessions: %.3f ms; of %zu sessions: %.3f ms; ratio %.1f (linear ~16, "
                "quadratic ~256)\n",
                baseline, small * 1000 / 20, large, big * 1000 / 20, ratio);
    const bool linear = ratio < 48.0;
    std::printf("%d passed, %d failed\n", linear ? 1 : 0, linear ? 0 : 1);
    return linear ? 0 : 1;
}
