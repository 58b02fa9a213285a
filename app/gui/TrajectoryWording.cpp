#include "TrajectoryWording.hpp"

#include "Labels.hpp"
#include "QtConvert.hpp"

#include <QLocale>
#include <cmath>

namespace alliance::gui {

QString TrajectoryWording::decimal(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return QLocale().toString(std::round(value * scale) / scale, 'g', 12);
}

QString TrajectoryWording::rule(Rule rule, const AnalysisParams& params)
{
    const QString rc = decimal(params.reliableChange());
    QString basis = tr("SD %1, reliability %2, z %3")
                        .arg(decimal(params.sd), decimal(params.reliability), decimal(params.z));
    if (!params.confirmed)
        basis += tr("; parameters not confirmed");
    switch (rule) {
    case Rule::RR1:
        return tr("RR-1: a drop larger than %1 points (reliable change; %2) opens a breach; repaired when "
                  "the score before the drop is regained within %n sessions",
                  nullptr, params.window)
            .arg(rc, basis);
    case Rule::V1:
    case Rule::V2:
        return tr("V-%1: a session at least %1 of the client's own SDs below both neighbours")
            .arg(rule == Rule::V1 ? 1 : 2);
    case Rule::SuddenLoss:
        return tr("Sudden loss (Tang & DeRubeis): a drop of at least %1 points and 25 percent that holds "
                  "over the next sessions (%2)")
            .arg(rc, basis);
    }
    return {};
}

QString TrajectoryWording::summary(const TrajectoryReport& report)
{
    int repaired = 0, unrepaired = 0, pending = 0;
    for (const auto& e : report.total.episodes) {
        if (e.status == EpisodeStatus::Repaired)
            ++repaired;
        else if (e.status == EpisodeStatus::Unrepaired)
            ++unrepaired;
        else
            ++pending;
    }
    const int sessions = static_cast<int>(report.points.size());
    const int breaches = static_cast<int>(report.total.episodes.size());
    QString text = breaches == 0
                       ? tr("%n sessions, no breach.", nullptr, sessions)
                       : tr("%n sessions, %1: %2 repaired, %3 unrepaired, %4 pending.", nullptr, sessions)
                             .arg(tr("%n breaches", nullptr, breaches))
                             .arg(repaired)
                             .arg(unrepaired)
                             .arg(pending);
    text += QLatin1Char(' ') + tr("Pattern: %1.").arg(Labels::of(report.pattern));
    if (report.trend)
        text += QLatin1Char(' ') + tr("Trend %1 per session.")
                                       .arg((report.trend->slope >= 0 ? QStringLiteral("+") : QString()) +
                                            decimal(report.trend->slope));
    return text;
}

QString TrajectoryWording::reason(const Flag& flag)
{
    const FlagFacts& f = flag.facts;
    const int session = flag.sessionNumber.value_or(0);
    const auto value = [](const std::optional<double>& v) { return decimal(v.value_or(0.0), 1); };
    if (flag.kind == "breach-pending")
        return tr("Breach open since session %1 (%2 -> %3): the repair window is not over")
            .arg(session)
            .arg(value(f.baseline), value(f.lowest));
    if (flag.kind == "unrepaired")
        return tr("Breach at session %1 (%2 -> %3) not repaired by session %4")
            .arg(session)
            .arg(value(f.baseline), value(f.lowest))
            .arg(f.closedAtSession.value_or(0));
    if (flag.kind == "unflagged-breach")
        return tr("Scores dropped reliably at session %1 but no rupture is flagged").arg(session);
    if (flag.kind == "below-cutoff")
        return (f.atOrBelow ? tr("Latest total %1 is at or below %2") : tr("Latest total %1 is below %2"))
            .arg(value(f.total), value(f.cutoff));
    if (flag.kind == "ceiling")
        return tr("%n sessions in a row at the maximum score", nullptr, f.runLength.value_or(0));
    if (flag.kind == "raters-disagree")
        return tr("Client %1 and counselor %2 rated session %3 far apart")
            .arg(value(f.clientTotal), value(f.counselorTotal))
            .arg(session);
    if (flag.kind == "drift")
        return tr("%n days since the last session (planned every %1)", nullptr,
                  static_cast<int>(f.daysSinceLast.value_or(0)))
            .arg(f.cadenceDays.value_or(0));
    if (flag.kind == "rupture-without-plan")
        return tr("Rupture %1 (%2, session %3) has no repair plan")
            .arg(f.ruptureId.value_or(0))
            .arg(f.ruptureKind ? Labels::of(*f.ruptureKind) : QString())
            .arg(session);
    if (flag.kind == "plan-overdue")
        return tr("Repair plan %1 was due %2")
            .arg(f.planId.value_or(0))
            .arg(f.due ? toQt(toIso(*f.due)) : QString());
    return toQt(flag.kind);
}

QString TrajectoryWording::suggestion(const Flag& flag)
{
    const FlagFacts& f = flag.facts;
    if (flag.kind == "breach-pending")
        return tr(
            "Validate and explore in session: listen, check yourself for defenses, invite the client to "
            "talk about the rupture; plan change-oriented repair for the sessions after.");
    if (flag.kind == "unrepaired")
        return tr("Review with your supervisor; co-create a plan with the client (\"How can we do this "
                  "differently?\"); if repair is not possible, plan the transition with the client.");
    if (flag.kind == "unflagged-breach")
        return tr("Check the drop with the client; flag the rupture (withdrawal or confrontation) or "
                  "acknowledge with the reason it is not one.");
    if (flag.kind == "below-cutoff")
        return tr("Discuss the score with the client; start with the lowest line (%1) and ask what to "
                  "change.")
            .arg(f.instrument && f.lowestItem ? Labels::item(*f.instrument, *f.lowestItem) : QString());
    if (flag.kind == "ceiling")
        return tr("Perfect scores carry little information: invite honest feedback (\"What could I do "
                  "differently?\") and say that imperfect scores help.");
    if (flag.kind == "raters-disagree")
        return tr(
            "Explore the two views with the client: clients report fewer ruptures than counselors see.");
    if (flag.kind == "drift")
        return tr("Reach out to the client: drifting is a challenge to the relationship; ask what would make "
                  "coming back easier.");
    if (flag.kind == "rupture-without-plan")
        return tr("Plan the repair: choose strategies (validate, explore the emotions, take responsibility, "
                  "...) and the next steps.");
    if (flag.kind == "plan-overdue")
        return tr("Follow through or revise the plan; record the outcome when it is closed.");
    return {};
}

QString TrajectoryWording::ruleOf(const Flag& flag)
{
    const FlagFacts& f = flag.facts;
    const auto date = [](const std::optional<Date>& d) { return d ? toQt(toIso(*d)) : QString(); };
    if (f.rule && f.params && flag.kind != "raters-disagree")
        return rule(*f.rule, *f.params);
    if (flag.kind == "below-cutoff")
        return tr("cutoff %1 (%2)")
            .arg(decimal(f.cutoff.value_or(0.0), 1),
                 f.atOrBelow ? QStringLiteral("<=") : QStringLiteral("<"));
    if (flag.kind == "ceiling")
        return tr("%1 or more sessions in a row at %2")
            .arg(f.ceilingRun.value_or(0))
            .arg(decimal(f.maximum.value_or(0.0), 1));
    if (flag.kind == "raters-disagree")
        return tr("a difference of at least the reliable change, %1")
            .arg(decimal(f.params ? f.params->reliableChange() : 0.0));
    if (flag.kind == "drift")
        return tr("drift: more than %1 x the planned cadence as of %2")
            .arg(decimal(f.driftFactor.value_or(0.0), 1), date(f.asOf));
    if (flag.kind == "rupture-without-plan")
        return tr("every rupture needs a plan");
    if (flag.kind == "plan-overdue")
        return tr("due date passed as of %1").arg(date(f.asOf));
    return {};
}

} // namespace alliance::gui
