#pragma once
// Breach and repair detection on one alliance score series (one client x instrument x rater,
// in session order; higher = better). Pure functions over values (ALLIANCE.md section 5).
#include "Instruments.hpp"

#include <optional>
#include <string>
#include <vector>

namespace alliance {

struct AnalysisParams {
    double sd = 1.0;
    double reliability = 0.9;
    double z = 1.96;
    int window = 3;
    std::optional<double> cutoff;
    Comparator comparator = Comparator::Less;
    bool confirmed = false;
    std::string source;

    // Jacobson & Truax: S_diff = SD * sqrt(2 (1 - r)); RC = z * S_diff.
    double standardErrorOfDifference() const;
    double reliableChange() const;
    // The one below-cutoff test (the stored comparator: < or <=); false when there is no cutoff.
    bool belowCutoff(double total) const;
};

// Throws ValidationError naming the parameter when SD, r, z or the window is out of range.
void validate(const AnalysisParams& params);

enum class Rule { RR1, V1, V2, SuddenLoss };
enum class Phase { Development, Breach, Repair };
enum class EpisodeStatus { Repaired, Unrepaired, Pending };

Rule ruleFromSlug(const std::string& slug); // rr1 | v1 | v2 | sudden-loss
std::string ruleSlug(Rule rule);
std::string phaseSlug(Phase phase);
std::string statusSlug(EpisodeStatus status);

// Positions are 1-based places in the series.
struct Episode {
    int onset = 0;
    double baseline = 0;
    double lowest = 0;
    EpisodeStatus status = EpisodeStatus::Pending;
    std::optional<int> repairedAt;
    std::optional<int> closedAt;
};

// One interval that meets the sudden-loss criteria: onset is the session after the drop.
struct SuddenLoss {
    int onset = 0;
    double drop = 0;
};

struct SeriesAnalysis {
    std::vector<std::optional<double>> rci; // against the previous session; none for the first
    std::vector<Phase> phases;
    std::vector<Episode> episodes;
    std::vector<SuddenLoss> losses; // the sudden-loss rule only: every qualifying interval
};

// RCI_t = (x_t - x_{t-1}) / S_diff.
double reliableChangeIndex(double previous, double current, const AnalysisParams& params);

// Rule RR-1: onset on a drop larger than RC, repaired when the baseline is regained within the
// window, unrepaired when the window passes, pending when the series ends first.
SeriesAnalysis detectRR1(const std::vector<double>& series, const AnalysisParams& params);

// Rule V-k (after Gumz et al. 2012): t is a V iff both neighbours are at least k*s higher,
// s = the series' own sample SD unless given. Each V is an episode repaired at t+1.
SeriesAnalysis detectV(const std::vector<double>& series, int k, std::optional<double> s = std::nullopt);

struct SuddenLossOptions {
    bool requireRelativeDrop = true; // criterion 2: drop >= 25% of the score before
};
// Tang & DeRubeis (1999) criteria, for losses, as in the R package suddengains.
SeriesAnalysis detectSuddenLosses(const std::vector<double>& series, const AnalysisParams& params,
                                  SuddenLossOptions options = {});

SeriesAnalysis analyse(Rule rule, const std::vector<double>& series, const AnalysisParams& params);

// Sample standard deviation (n - 1); 0 for fewer than two values.
double sampleStandardDeviation(const std::vector<double>& series);

struct LinearTrend {
    double slope = 0;     // per session
    double intercept = 0; // at session 0
};
// Ordinary least squares of the series over sessions 1..n; nullopt for fewer than two values.
std::optional<LinearTrend> olsTrend(const std::vector<double>& series);

enum class Pattern { Insufficient, Stable, Growing, Declining, HighLowHigh };
std::string patternSlug(Pattern pattern);
// A reliable interior dip with recovery -> high-low-high; else a fitted change over the whole
// series of at least RC -> growing / declining; else stable.
Pattern classifyPattern(const std::vector<double>& series, const AnalysisParams& params);

// Runs of `minimumRun` or more consecutive values at `maximum`: (first position, length), 1-based.
std::vector<std::pair<int, int>> ceilingRuns(const std::vector<double>& series, double maximum,
                                             int minimumRun = 3);

} // namespace alliance
