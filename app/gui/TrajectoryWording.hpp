#pragma once
// The app's words for what the trajectory analysis found: the rule and its parameters, the summary
// of a series, each flag's reason and suggested next step. Built here from the core's facts
// (FlagFacts, AnalysisParams, episodes), translated; the core itself words nothing the app shows.
#include "TrajectoryReport.hpp"

#include <QCoreApplication>
#include <QString>

namespace alliance::gui {

struct TrajectoryWording {
    Q_DECLARE_TR_FUNCTIONS(TrajectoryWording)

public:
    // "RR-1: a drop larger than 7.01 points (reliable change; SD 8, ...) opens a breach; ..."
    static QString rule(Rule rule, const AnalysisParams& params);
    // "40 sessions, 2 breaches: 0 repaired, 1 unrepaired, 1 pending. Pattern: declining, ..."
    static QString summary(const TrajectoryReport& report);
    static QString reason(const Flag& flag);
    static QString suggestion(const Flag& flag);
    // The rule and parameters that raised the flag.
    static QString ruleOf(const Flag& flag);
    // A score or parameter in the reader's locale, with at most `decimals` decimals, no trailing 0.
    static QString decimal(double value, int decimals = 2);
};

} // namespace alliance::gui
