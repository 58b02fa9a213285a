#include "TrajectoryReport.hpp"

#include "Errors.hpp"
#include "Text.hpp"
#include "Validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace alliance {
namespace {

Instrument mostRatedInstrument(const ClientDetail& detail, Rater rater)
{
    std::map<Instrument, int> counts;
    for (const auto& s : detail.sessions)
        for (const auto& r : s.ratings)
            if (r.rater == rater)
                ++counts[r.score.instrument];
    Instrument best = Instrument::Bgt;
    int bestCount = 0;
    for (Instrument i : allInstruments()) // registry order breaks ties
        if (counts[i] > bestCount) {
            best = i;
            bestCount = counts[i];
        }
    return best;
}

std::vector<double> seriesOf(const std::vector<SeriesPoint>& points, std::optional<Dimension> dimension)
{
    std::vector<double> values;
    values.reserve(points.size());
    for (const auto& p : points)
        values.push_back(
            tenthsToDouble(dimension ? p.score.dimensionTenths(*dimension) : p.score.totalTenths));
    return values;
}

bool ruptureFlaggedBetween(const ClientDetail& detail, int fromSession, int toSession)
{
    return std::any_of(detail.ruptures.begin(), detail.ruptures.end(), [&](const Rupture& r) {
        return r.sessionNumber >= fromSession && r.sessionNumber <= toSession;
    });
}

void addEpisodeFlags(TrajectoryReport& report, const ClientDetail& detail, const std::string& ruleText)
{
    const int lastSession = report.points.empty() ? 0 : report.points.back().sessionNumber;
    for (const Episode& e : report.total.episodes) {
        const int onset = report.sessionAt(e.onset);
        // Anchors and fingerprints use dates: a session logged later for an earlier date shifts
        // the numbers but must neither revive an acknowledged alert nor retarget it.
        const std::string onsetDate = toIso(report.dateAt(e.onset));
        const std::string dropText = number(e.baseline, 1) + " -> " + number(e.lowest, 1);
        FlagFacts drop;
        drop.rule = report.rule;
        drop.params = report.params;
        drop.baseline = e.baseline;
        drop.lowest = e.lowest;
        if (e.status == EpisodeStatus::Pending) {
            report.flags.push_back(
                {"breach-pending", onsetDate, onset,
                 "Breach open since session " + std::to_string(onset) + " (" + dropText +
                     "): the repair window is not over",
                 "Validate and explore in session: listen, check yourself for defenses, "
                 "invite the client to talk about the rupture; plan change-oriented repair "
                 "for the sessions after.",
                 ruleText, "lowest=" + number(e.lowest, 1), 3, drop});
        } else if (e.status == EpisodeStatus::Unrepaired) {
            const int closed = report.sessionAt(*e.closedAt);
            FlagFacts unrepairedFacts = drop;
            unrepairedFacts.closedAtSession = closed;
            report.flags.push_back(
                {"unrepaired", onsetDate, onset,
                 "Breach at session " + std::to_string(onset) + " (" + dropText +
                     ") not repaired by session " + std::to_string(closed),
                 "Review with your supervisor; co-create a plan with the client (\"How can "
                 "we do this differently?\"); if repair is not possible, plan the transition "
                 "with the client.",
                 ruleText, "closed=" + toIso(report.dateAt(*e.closedAt)), 3, unrepairedFacts});
        }
        const int until = e.closedAt ? report.sessionAt(*e.closedAt) : lastSession;
        if (!ruptureFlaggedBetween(detail, onset - 1, until))
            report.flags.push_back(
                {"unflagged-breach", onsetDate, onset,
                 "Scores dropped reliably at session " + std::to_string(onset) + " but no rupture is flagged",
                 "Check the drop with the client; flag the rupture (withdrawal or "
                 "confrontation) or acknowledge with the reason it is not one.",
                 ruleText, "onset=" + onsetDate, 2, drop});
    }
}

void addScoreFlags(TrajectoryReport& report, const ClientDetail& detail, const TrajectoryRequest& request)
{
    if (report.points.empty())
        return;
    const SeriesPoint& last = report.points.back();
    const InstrumentSpec& instrumentSpec = spec(report.instrument);
    if (report.params.cutoff) {
        const double total = tenthsToDouble(last.score.totalTenths);
        FlagFacts facts;
        facts.total = total;
        facts.cutoff = report.params.cutoff;
        facts.atOrBelow = report.params.comparator == Comparator::LessOrEqual;
        facts.instrument = report.instrument;
        facts.lowestItem = last.score.lowestItem;
        if (report.params.belowCutoff(total))
            report.flags.push_back(
                {"below-cutoff", toIso(last.date), last.sessionNumber,
                 "Latest total " + number(total, 1) + " is " +
                     (report.params.comparator == Comparator::Less ? "below " : "at or below ") +
                     number(*report.params.cutoff, 1),
                 "Discuss the score with the client; start with the lowest line (" +
                     instrumentSpec.itemLabels[static_cast<std::size_t>(last.score.lowestItem)] +
                     ") and ask what to change.",
                 "cutoff " + number(*report.params.cutoff, 1) + " (" +
                     (report.params.comparator == Comparator::Less ? "<" : "<=") + ")",
                 "session=" + toIso(last.date), 2, facts});
    }
    const auto runs = ceilingRuns(seriesOf(report.points, std::nullopt),
                                  tenthsToDouble(instrumentSpec.totalMaxTenths()), request.ceilingRun);
    if (!runs.empty() &&
        runs.back().first + runs.back().second - 1 == static_cast<int>(report.points.size())) {
        const int start = report.sessionAt(runs.back().first);
        FlagFacts facts;
        facts.runLength = runs.back().second;
        facts.maximum = tenthsToDouble(instrumentSpec.totalMaxTenths());
        facts.ceilingRun = request.ceilingRun;
        report.flags.push_back(
            {"ceiling", toIso(report.dateAt(runs.back().first)), start,
             std::to_string(runs.back().second) + " sessions in a row at the maximum score",
             "Perfect scores carry little information: invite honest feedback (\"What could "
             "I do differently?\") and say that imperfect scores help.",
             std::to_string(request.ceilingRun) + "+ sessions at " +
                 number(tenthsToDouble(instrumentSpec.totalMaxTenths()), 1),
             "start=" + toIso(report.dateAt(runs.back().first)), 1, facts});
    }
    // Client and counselor rated the same session far apart (at least RC).
    for (const auto& session : detail.sessions) {
        std::optional<int> client;
        std::optional<int> counselor;
        for (const auto& r : session.ratings) {
            if (r.score.instrument != report.instrument)
                continue;
            if (r.rater == Rater::Client)
                client = r.score.totalTenths;
            if (r.rater == Rater::Counselor)
                counselor = r.score.totalTenths;
        }
        FlagFacts facts;
        facts.params = report.params;
        if (client && counselor) {
            facts.clientTotal = tenthsToDouble(*client);
            facts.counselorTotal = tenthsToDouble(*counselor);
        }
        if (client && counselor &&
            std::abs(tenthsToDouble(*client - *counselor)) >= report.params.reliableChange())
            report.flags.push_back(
                {"raters-disagree", toIso(session.date), session.number,
                 "Client " + number(tenthsToDouble(*client), 1) + " and counselor " +
                     number(tenthsToDouble(*counselor), 1) + " rated session " +
                     std::to_string(session.number) + " far apart",
                 "Explore the two views with the client: clients report fewer ruptures than counselors see.",
                 "difference >= RC " + number(report.params.reliableChange()),
                 "session=" + toIso(session.date), 1, facts});
    }
}

void addCareFlags(TrajectoryReport& report, const ClientDetail& detail, const TrajectoryRequest& request)
{
    if (detail.client.status == ClientStatus::Active && !detail.sessions.empty()) {
        const Date lastDate = detail.sessions.back().date;
        const long days = daysBetween(lastDate, request.asOf);
        FlagFacts facts;
        facts.daysSinceLast = days;
        facts.cadenceDays = detail.client.cadenceDays;
        facts.driftFactor = request.driftFactor;
        facts.asOf = request.asOf;
        if (static_cast<double>(days) > request.driftFactor * detail.client.cadenceDays)
            report.flags.push_back(
                {"drift", "last", std::nullopt,
                 std::to_string(days) + " days since the last session (planned every " +
                     std::to_string(detail.client.cadenceDays) + ")",
                 "Reach out to the client: drifting is a challenge to the relationship; "
                 "ask what would make coming back easier.",
                 "drift: > " + number(request.driftFactor, 1) + " x cadence as of " + toIso(request.asOf),
                 "last=" + toIso(lastDate), 2, facts});
    }
    for (const auto& rupture : detail.ruptures) {
        const bool planned = std::any_of(detail.plans.begin(), detail.plans.end(),
                                         [&](const RepairPlan& p) { return p.ruptureId == rupture.id; });
        const bool transitioned =
            std::any_of(detail.transitions.begin(), detail.transitions.end(),
                        [&](const TransitionPlan& t) { return t.ruptureId == rupture.id; });
        FlagFacts facts;
        facts.ruptureId = rupture.id;
        facts.ruptureKind = rupture.kind;
        if (!planned && !transitioned)
            report.flags.push_back(
                {"rupture-without-plan", "r" + std::to_string(rupture.id), rupture.sessionNumber,
                 "Rupture " + std::to_string(rupture.id) + " (" + slug(rupture.kind) + ", session " +
                     std::to_string(rupture.sessionNumber) + ") has no repair plan",
                 "Plan the repair: choose strategies (validate, explore the emotions, "
                 "take responsibility, ...) and the next steps.",
                 "every rupture needs a plan", "rupture=" + std::to_string(rupture.id), 2, facts});
    }
    for (const auto& plan : detail.plans) {
        FlagFacts facts;
        facts.planId = plan.id;
        facts.due = plan.dueDate;
        facts.asOf = request.asOf;
        if (plan.status != PlanStatus::Closed && plan.dueDate && *plan.dueDate < request.asOf)
            report.flags.push_back(
                {"plan-overdue", "p" + std::to_string(plan.id), std::nullopt,
                 "Repair plan " + std::to_string(plan.id) + " was due " + toIso(*plan.dueDate),
                 "Follow through or revise the plan; record the outcome when it is closed.",
                 "due date passed as of " + toIso(request.asOf), "due=" + toIso(*plan.dueDate), 2, facts});
    }
}

} // namespace

std::string describeRule(Rule rule, const AnalysisParams& params)
{
    const std::string rc = number(params.reliableChange());
    const std::string basis = "SD " + number(params.sd) + ", reliability " + number(params.reliability) +
                              ", z " + number(params.z) +
                              (params.confirmed ? "" : "; parameters not confirmed");
    switch (rule) {
    case Rule::RR1:
        return "RR-1: a drop larger than " + rc + " points (reliable change; " + basis +
               ") opens a breach; repaired when the score before the drop is regained within " +
               std::to_string(params.window) + " sessions";
    case Rule::V1:
    case Rule::V2:
        return std::string("V-") + (rule == Rule::V1 ? "1" : "2") + ": a session at least " +
               (rule == Rule::V1 ? "1" : "2") + " of the client's own SDs below both neighbours";
    case Rule::SuddenLoss:
        return "Sudden loss (Tang & DeRubeis): a drop of at least " + rc +
               " points and 25% that holds over the next sessions (" + basis + ")";
    }
    return "";
}

namespace {

// True when nothing in the detail is dated after asOf: knownOn would copy it unchanged.
bool allKnownOn(const ClientDetail& detail, const Date& asOf)
{
    if (!detail.sessions.empty() && detail.sessions.back().date > asOf) // in date order
        return false;
    for (const auto& rupture : detail.ruptures)
        if (rupture.sessionDate > asOf)
            return false;
    for (const auto& plan : detail.plans)
        if (plan.createdOn > asOf || (plan.closedOn && *plan.closedOn > asOf))
            return false;
    for (const auto& transition : detail.transitions)
        if (transition.createdOn > asOf)
            return false;
    return true;
}

} // namespace

const ClientDetail& knownOn(const ClientDetail& detail, const Date& asOf, std::optional<ClientDetail>& storage)
{
    if (allKnownOn(detail, asOf))
        return detail;
    storage = knownOn(detail, asOf);
    return *storage;
}

ClientDetail knownOn(const ClientDetail& detail, const Date& asOf)
{
    ClientDetail known;
    known.client = detail.client;
    for (const auto& session : detail.sessions)
        if (session.date <= asOf)
            known.sessions.push_back(session);
    std::set<Id> ruptures;
    for (const auto& rupture : detail.ruptures)
        if (rupture.sessionDate <= asOf) {
            known.ruptures.push_back(rupture);
            ruptures.insert(rupture.id);
        }
    for (RepairPlan plan : detail.plans) {
        if (!ruptures.count(plan.ruptureId) || plan.createdOn > asOf)
            continue;
        if (plan.closedOn && *plan.closedOn > asOf) { // still open on that day
            plan.status = PlanStatus::Planned;
            plan.outcome.reset();
            plan.followUpSessionNumber.reset();
            plan.closedOn.reset();
        }
        known.plans.push_back(plan);
    }
    for (const auto& transition : detail.transitions)
        if (transition.createdOn <= asOf)
            known.transitions.push_back(transition);
    return known;
}

TrajectoryReport buildTrajectory(const ClientDetail& detail, const TrajectoryRequest& request,
                                 const ParamsLookup& paramsFor)
{
    requireReferenceDate("as_of", request.asOf);
    TrajectoryReport report;
    report.clientCode = detail.client.code;
    report.rater = request.rater;
    report.rule = request.rule;
    report.instrument = request.instrument.value_or(mostRatedInstrument(detail, request.rater));
    report.params = paramsFor(report.instrument, "total");
    std::string overridden;
    const auto note = [&overridden](const char* name) {
        overridden += (overridden.empty() ? "" : ", ") + std::string(name);
    };
    if (request.sd) {
        report.params.sd = *request.sd;
        note("SD");
    }
    if (request.reliability) {
        report.params.reliability = *request.reliability;
        note("reliability");
    }
    if (request.z) {
        report.params.z = *request.z;
        note("z");
    }
    if (request.window) {
        report.params.window = *request.window;
        note("window");
    }
    if (!overridden.empty())
        report.params.source =
            "Overridden for this analysis: " + overridden + ". Stored source: " + report.params.source;
    validate(report.params);

    for (const auto& session : detail.sessions)
        for (const auto& rating : session.ratings)
            if (rating.score.instrument == report.instrument && rating.rater == request.rater)
                report.points.push_back({session.number, session.date, rating.score});

    const std::vector<double> totals = seriesOf(report.points, std::nullopt);
    report.total = analyse(request.rule, totals, report.params);
    if (!request.wholeReport) {
        addEpisodeFlags(report, detail, describeRule(request.rule, report.params));
        addScoreFlags(report, detail, request);
        addCareFlags(report, detail, request);
        return report;
    }
    for (Dimension d : {Dimension::Bond, Dimension::Goal, Dimension::Task}) {
        AnalysisParams params = paramsFor(report.instrument, dimensionSlug(d));
        if (request.window)
            params.window = *request.window;
        report.dimensions[d] = {params, analyse(request.rule, seriesOf(report.points, d), params)};
    }
    report.trend = olsTrend(totals);
    if (static_cast<int>(totals.size()) >= 2) {
        const std::size_t k =
            std::min(totals.size(), static_cast<std::size_t>(std::max(2, request.recentSessions)));
        report.recentTrend = olsTrend(std::vector<double>(totals.end() - static_cast<long>(k), totals.end()));
    }
    report.pattern = classifyPattern(totals, report.params);

    addEpisodeFlags(report, detail, describeRule(request.rule, report.params));
    addScoreFlags(report, detail, request);
    addCareFlags(report, detail, request);
    return report;
}

} // namespace alliance
