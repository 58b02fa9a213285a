#pragma once
// A client's trajectory: the chosen series (instrument x rater), breach/repair analysis of the
// total and of bond, goal and task, the trend and pattern, and the flags a counselor acts on.
#include "Model.hpp"
#include "Trajectory.hpp"

#include <functional>
#include <map>

namespace alliance {

struct TrajectoryRequest {
    Rule rule = Rule::RR1;
    std::optional<Instrument> instrument; // default: the one the client has most ratings of
    Rater rater = Rater::Client;
    Date asOf;
    // Overrides of the stored parameters (applied to the total series).
    std::optional<double> sd;
    std::optional<double> reliability;
    std::optional<double> z;
    std::optional<int> window;
    int recentSessions = 4;   // for the recent slope
    double driftFactor = 2.0; // drifting when days since last session > factor x cadence
    int ceilingRun = 3;
    // False: the total's analysis and the flags only -- no bond / goal / task analyses, trends or
    // pattern, which no flag uses. For a pass over a caseload; the client page asks for all.
    bool wholeReport = true;
};

struct SeriesPoint {
    int sessionNumber = 0;
    Date date;
    Score score;
};

struct DimensionResult {
    AnalysisParams params;
    SeriesAnalysis analysis;
};

// What a flag says, as facts: each front end words them from these (the app through its
// translations). Only the facts of the flag's kind are set.
struct FlagFacts {
    std::optional<Rule> rule;                          // breach flags: the rule that found the breach
    std::optional<AnalysisParams> params;              // breach flags, raters-disagree: its parameters
    std::optional<double> baseline, lowest;            // breach-pending, unrepaired: the drop
    std::optional<int> closedAtSession;                // unrepaired: the repair window closed at this session
    std::optional<double> total, cutoff;               // below-cutoff: the latest total and the cutoff
    bool atOrBelow = false;                            // below-cutoff: the stored comparison is <=
    std::optional<Instrument> instrument;              // below-cutoff: whose lowest item is named
    std::optional<int> lowestItem;                     // below-cutoff: index of the lowest item
    std::optional<int> runLength;                      // ceiling: sessions in a row at the maximum
    std::optional<double> maximum;                     // ceiling: the instrument's maximum total
    std::optional<int> ceilingRun;                     // ceiling: the run length that raises the flag
    std::optional<double> clientTotal, counselorTotal; // raters-disagree
    std::optional<long> daysSinceLast;                 // drift
    std::optional<int> cadenceDays;                    // drift: planned days between sessions
    std::optional<double> driftFactor;                 // drift: how many cadences count as drifting
    std::optional<Date> asOf;                          // drift, plan-overdue: the day the analysis ran as of
    std::optional<Id> ruptureId;                       // rupture-without-plan
    std::optional<RuptureKind> ruptureKind;            // rupture-without-plan
    std::optional<Id> planId;                          // plan-overdue
    std::optional<Date> due;                           // plan-overdue
};

struct Flag {
    std::string kind; // breach-pending, unrepaired, unflagged-breach, below-cutoff, ceiling, drift,
                      // rupture-without-plan, plan-overdue, raters-disagree
    std::string
        anchor; // what it is about: a session's date "2026-07-01", "r12" rupture 12, "p3" plan 3, "last"
    std::optional<int> sessionNumber;
    std::string reason;      // plain words; never client free text
    std::string suggestion;  // the next step, from the repair model and the training deck
    std::string rule;        // the rule and parameters that produced it
    std::string fingerprint; // changes when something new happens
    int severity = 1;        // 3 high, 2 medium, 1 low
    FlagFacts facts;
};

struct TrajectoryReport {
    std::string clientCode;
    Instrument instrument = Instrument::Bgt;
    Rater rater = Rater::Client;
    Rule rule = Rule::RR1;
    AnalysisParams params;
    std::vector<SeriesPoint> points;
    SeriesAnalysis total;
    std::map<Dimension, DimensionResult> dimensions; // bond, goal, task
    std::optional<LinearTrend> trend;
    std::optional<LinearTrend> recentTrend;
    Pattern pattern = Pattern::Insufficient;
    std::vector<Flag> flags;

    // Episode positions are places in `points`; these map one to its session number and date.
    int sessionAt(int position) const
    {
        return points.at(static_cast<std::size_t>(position - 1)).sessionNumber;
    }
    Date dateAt(int position) const { return points.at(static_cast<std::size_t>(position - 1)).date; }
};

// What was on record on `asOf`: sessions dated up to it, their ruptures, plans made by then (a
// plan closed later counts as open) and transition plans made by then.
ClientDetail knownOn(const ClientDetail& detail, const Date& asOf);
// The same without a copy when nothing is dated after asOf (a pass over a caseload): the detail
// itself, or the copy made into `storage`.
const ClientDetail& knownOn(const ClientDetail& detail, const Date& asOf, std::optional<ClientDetail>& storage);

using ParamsLookup = std::function<AnalysisParams(Instrument, const std::string& dimension)>;

// Pure: everything comes from the detail and the parameter lookup.
// Throws ValidationError for an invalid request (rater, overridden parameters, as-of date).
TrajectoryReport buildTrajectory(const ClientDetail& detail, const TrajectoryRequest& request,
                                 const ParamsLookup& paramsFor);

// "RR-1: a drop larger than RC 4.38 (SD 5, r 0.90, z 1.96) opens a breach; repaired when the
// baseline is regained within 3 sessions" -- the rule in plain words.
std::string describeRule(Rule rule, const AnalysisParams& params);

} // namespace alliance
