#include "Trajectory.hpp"

#include "Errors.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace alliance {
namespace {

// Both kept 1-based to read like ALLIANCE.md: x(t) is the t-th value.
struct OneBased {
    const std::vector<double>& values;
    double operator()(int t) const { return values[static_cast<std::size_t>(t - 1)]; }
    int size() const { return static_cast<int>(values.size()); }
};

SeriesAnalysis emptyAnalysis(const std::vector<double>& series, const AnalysisParams* params)
{
    SeriesAnalysis result;
    result.phases.assign(series.size(), Phase::Development);
    result.rci.assign(series.size(), std::nullopt);
    if (params)
        for (std::size_t i = 1; i < series.size(); ++i)
            result.rci[i] = reliableChangeIndex(series[i - 1], series[i], *params);
    return result;
}

void markBreach(SeriesAnalysis& result, int from, int to)
{
    for (int t = from; t <= to; ++t)
        result.phases[static_cast<std::size_t>(t - 1)] = Phase::Breach;
}

void markRepair(SeriesAnalysis& result, int t)
{
    result.phases[static_cast<std::size_t>(t - 1)] = Phase::Repair;
}

double mean(const std::vector<double>& values)
{
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double sumOfSquares(const std::vector<double>& values)
{
    const double m = mean(values);
    double sum = 0;
    for (double v : values)
        sum += (v - m) * (v - m);
    return sum;
}

} // namespace

double AnalysisParams::standardErrorOfDifference() const
{
    return sd * std::sqrt(2.0 * (1.0 - reliability));
}

double AnalysisParams::reliableChange() const
{
    return z * standardErrorOfDifference();
}

bool AnalysisParams::belowCutoff(double total) const
{
    if (!cutoff)
        return false;
    return comparator == Comparator::Less ? total < *cutoff : total <= *cutoff;
}

void validate(const AnalysisParams& params)
{
    if (!(params.sd > 0) || !std::isfinite(params.sd))
        throw ValidationError("sd", "must be a number greater than 0");
    if (!(params.reliability > 0 && params.reliability < 1))
        throw ValidationError("reliability", "must be between 0 and 1 (exclusive)");
    if (!(params.z > 0) || !std::isfinite(params.z))
        throw ValidationError("z", "must be a number greater than 0");
    if (params.window < 1 || params.window > 20)
        throw ValidationError("window", "must be a whole number of sessions from 1 to 20");
    const double rc = params.reliableChange();
    if (!std::isfinite(rc) || !(rc > 0))
        throw ValidationError("sd", "with this SD, reliability and z the reliable change is not a finite "
                                    "positive number");
}

Rule ruleFromSlug(const std::string& slug)
{
    if (slug == "rr1")
        return Rule::RR1;
    if (slug == "v1")
        return Rule::V1;
    if (slug == "v2")
        return Rule::V2;
    if (slug == "sudden-loss")
        return Rule::SuddenLoss;
    throw ValidationError("rule",
                          "unknown rule " + quoteForError(slug) + " (expected rr1, v1, v2 or sudden-loss)");
}

std::string ruleSlug(Rule rule)
{
    switch (rule) {
    case Rule::RR1: return "rr1";
    case Rule::V1: return "v1";
    case Rule::V2: return "v2";
    case Rule::SuddenLoss: return "sudden-loss";
    }
    return "?";
}

std::string phaseSlug(Phase phase)
{
    switch (phase) {
    case Phase::Development: return "development";
    case Phase::Breach: return "breach";
    case Phase::Repair: return "repair";
    }
    return "?";
}

std::string statusSlug(EpisodeStatus status)
{
    switch (status) {
    case EpisodeStatus::Repaired: return "repaired";
    case EpisodeStatus::Unrepaired: return "unrepaired";
    case EpisodeStatus::Pending: return "pending";
    }
    return "?";
}

double reliableChangeIndex(double previous, double current, const AnalysisParams& params)
{
    return (current - previous) / params.standardErrorOfDifference();
}

SeriesAnalysis detectRR1(const std::vector<double>& series, const AnalysisParams& params)
{
    SeriesAnalysis result = emptyAnalysis(series, &params);
    const OneBased x{series};
    const int n = x.size();
    const double rc = params.reliableChange();
    const int window = params.window;

    int t = 2;
    while (t <= n) {
        if (!(x(t - 1) - x(t) > rc)) {
            ++t;
            continue;
        }
        Episode episode;
        episode.onset = t;
        episode.baseline = x(t - 1);
        episode.lowest = x(t);
        for (int u = t + 1; u <= std::min(t + window, n); ++u) {
            if (x(u) >= episode.baseline) {
                episode.repairedAt = u;
                break;
            }
            episode.lowest = std::min(episode.lowest, x(u));
        }
        if (episode.repairedAt) {
            episode.status = EpisodeStatus::Repaired;
            episode.closedAt = episode.repairedAt;
            markBreach(result, t, *episode.repairedAt - 1);
            markRepair(result, *episode.repairedAt);
            t = *episode.repairedAt + 1; // next onset check: x_u - x_{u+1}
        } else if (t + window <= n) {
            episode.status = EpisodeStatus::Unrepaired;
            episode.closedAt = t + window;
            markBreach(result, t, t + window);
            t = t + window + 1;
        } else {
            episode.status = EpisodeStatus::Pending;
            markBreach(result, t, n);
            t = n + 1;
        }
        result.episodes.push_back(episode);
    }
    return result;
}

SeriesAnalysis detectV(const std::vector<double>& series, int k, std::optional<double> s)
{
    SeriesAnalysis result = emptyAnalysis(series, nullptr);
    const OneBased x{series};
    const double threshold = k * s.value_or(sampleStandardDeviation(series));
    if (!(threshold > 0))
        return result; // a constant series has no V
    for (int t = 2; t + 1 <= x.size(); ++t) {
        if (x(t - 1) - x(t) >= threshold && x(t + 1) - x(t) >= threshold) {
            result.episodes.push_back({t, x(t - 1), x(t), EpisodeStatus::Repaired, t + 1, t + 1});
            markBreach(result, t, t);
            markRepair(result, t + 1);
        }
    }
    return result;
}

SeriesAnalysis detectSuddenLosses(const std::vector<double>& series, const AnalysisParams& params,
                                  SuddenLossOptions options)
{
    SeriesAnalysis result = emptyAnalysis(series, &params);
    const OneBased x{series};
    const int n = x.size();
    const double rc = params.reliableChange();
    // Two-tailed t at .05 with df = values around the drop - 2 (Tang & DeRubeis 1999).
    const auto criticalT = [](int df) { return df >= 4 ? 2.776 : df == 3 ? 3.182 : 4.303; };

    // Every interval N -> N+1 is tested on its own, as suddengains' identify_sg does, so a second
    // loss right after the first (or inside an unrepaired episode) is reported too.
    for (int N = 1; N < n; ++N) {
        const double drop = x(N) - x(N + 1);
        std::vector<double> before;
        std::vector<double> after;
        for (int i = N - 2; i <= N; ++i)
            if (i >= 1)
                before.push_back(x(i));
        for (int i = N + 1; i <= N + 3; ++i)
            if (i <= n)
                after.push_back(x(i));
        bool loss = drop >= rc && drop > 0;
        if (loss && options.requireRelativeDrop)
            loss = drop >= 0.25 * x(N);
        if (loss) {
            loss = before.size() >= 2 && after.size() >= 2;
            if (loss) {
                const int df = static_cast<int>(before.size() + after.size()) - 2;
                const double pooledSd = std::sqrt((sumOfSquares(before) + sumOfSquares(after)) / df);
                loss = mean(before) - mean(after) > criticalT(df) * pooledSd;
            }
        }
        if (loss)
            result.losses.push_back({N + 1, drop});
    }
    // The chart groups them: a loss opens an episode unless an earlier one is still open.
    int firstFreeOnset = 2;
    for (const SuddenLoss& found : result.losses) {
        if (found.onset < firstFreeOnset)
            continue;
        const int N = found.onset - 1;
        Episode episode{found.onset, x(N), x(found.onset), EpisodeStatus::Unrepaired, std::nullopt, n};
        for (int u = found.onset + 1; u <= n; ++u) {
            if (x(u) >= episode.baseline) {
                episode.repairedAt = u;
                break;
            }
            episode.lowest = std::min(episode.lowest, x(u));
        }
        if (episode.repairedAt) {
            episode.status = EpisodeStatus::Repaired;
            episode.closedAt = episode.repairedAt;
            markBreach(result, found.onset, *episode.repairedAt - 1);
            markRepair(result, *episode.repairedAt);
            firstFreeOnset = *episode.repairedAt + 1;
        } else {
            markBreach(result, found.onset, n);
            firstFreeOnset = n + 1;
        }
        result.episodes.push_back(episode);
    }
    return result;
}

SeriesAnalysis analyse(Rule rule, const std::vector<double>& series, const AnalysisParams& params)
{
    switch (rule) {
    case Rule::RR1: return detectRR1(series, params);
    case Rule::V1:
    case Rule::V2: {
        // V-k needs no RC, but every result reports the RCI of each session.
        SeriesAnalysis result = detectV(series, rule == Rule::V1 ? 1 : 2);
        result.rci = emptyAnalysis(series, &params).rci;
        return result;
    }
    case Rule::SuddenLoss: return detectSuddenLosses(series, params);
    }
    return emptyAnalysis(series, &params);
}

double sampleStandardDeviation(const std::vector<double>& series)
{
    if (series.size() < 2)
        return 0;
    return std::sqrt(sumOfSquares(series) / static_cast<double>(series.size() - 1));
}

std::optional<LinearTrend> olsTrend(const std::vector<double>& series)
{
    const std::size_t n = series.size();
    if (n < 2)
        return std::nullopt;
    const double meanX = (static_cast<double>(n) + 1.0) / 2.0;
    const double meanY = mean(series);
    double sxy = 0;
    double sxx = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = static_cast<double>(i + 1) - meanX;
        sxy += dx * (series[i] - meanY);
        sxx += dx * dx;
    }
    const double slope = sxy / sxx;
    return LinearTrend{slope, meanY - slope * meanX};
}

std::string patternSlug(Pattern pattern)
{
    switch (pattern) {
    case Pattern::Insufficient: return "insufficient-data";
    case Pattern::Stable: return "stable";
    case Pattern::Growing: return "growing";
    case Pattern::Declining: return "declining";
    case Pattern::HighLowHigh: return "high-low-high";
    }
    return "?";
}

Pattern classifyPattern(const std::vector<double>& series, const AnalysisParams& params)
{
    const int n = static_cast<int>(series.size());
    if (n < 3)
        return Pattern::Insufficient;
    const double rc = params.reliableChange();
    const auto lowest = std::min_element(series.begin() + 1, series.end() - 1);
    const double highBefore = *std::max_element(series.begin(), lowest);
    const double highAfter = *std::max_element(lowest + 1, series.end());
    if (highBefore - *lowest >= rc && highAfter - *lowest >= rc)
        return Pattern::HighLowHigh;
    const double fittedChange = olsTrend(series)->slope * (n - 1);
    if (fittedChange >= rc)
        return Pattern::Growing;
    if (fittedChange <= -rc)
        return Pattern::Declining;
    return Pattern::Stable;
}

std::vector<std::pair<int, int>> ceilingRuns(const std::vector<double>& series, double maximum,
                                             int minimumRun)
{
    std::vector<std::pair<int, int>> runs;
    int start = 0;
    for (int i = 0; i <= static_cast<int>(series.size()); ++i) {
        const bool atMax =
            i < static_cast<int>(series.size()) && series[static_cast<std::size_t>(i)] >= maximum - 1e-9;
        if (atMax)
            continue;
        if (i - start >= minimumRun)
            runs.emplace_back(start + 1, i - start);
        start = i + 1;
    }
    return runs;
}

} // namespace alliance
