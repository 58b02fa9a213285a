#include "JsonOut.hpp"

#include <cmath>

namespace alliance::cli {
namespace {

template <class T> json orNull(const std::optional<T>& value)
{
    return value ? json(*value) : json(nullptr);
}

json dateOrNull(const std::optional<Date>& date)
{
    return date ? json(toIso(*date)) : json(nullptr);
}

double rounded(double value, int decimals = 6)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

json paramsJson(const AnalysisParams& p)
{
    json j = {{"sd", p.sd},
              {"reliability", p.reliability},
              {"z", p.z},
              {"window", p.window},
              {"s_diff", rounded(p.standardErrorOfDifference())},
              {"rc", rounded(p.reliableChange())},
              {"confirmed", p.confirmed},
              {"source", p.source}};
    j["cutoff"] = orNull(p.cutoff);
    j["comparator"] = p.comparator == Comparator::Less ? "<" : "<=";
    return j;
}

// A score held as a double, in the instrument's units (47, not 47.0, for WAI-SR).
json seriesValue(Instrument instrument, double value)
{
    return scoreValue(instrument, static_cast<int>(std::lround(value * 10)));
}

json episodesJson(const TrajectoryReport& report, const SeriesAnalysis& analysis)
{
    const auto session = [&](const std::optional<int>& position) {
        return position ? json(report.sessionAt(*position)) : json(nullptr);
    };
    json list = json::array();
    for (const Episode& e : analysis.episodes)
        list.push_back({{"onset", report.sessionAt(e.onset)},
                        {"baseline", seriesValue(report.instrument, e.baseline)},
                        {"lowest", seriesValue(report.instrument, e.lowest)},
                        {"status", statusSlug(e.status)},
                        {"repaired_at", session(e.repairedAt)},
                        {"closed_at", session(e.closedAt)}});
    return list;
}

std::vector<double> totalsOf(const TrajectoryReport& report)
{
    std::vector<double> totals;
    for (const SeriesPoint& p : report.points)
        totals.push_back(tenthsToDouble(p.score.totalTenths));
    return totals;
}

json trendJson(const std::optional<LinearTrend>& trend)
{
    return trend ? json(rounded(trend->slope)) : json(nullptr);
}

} // namespace

json scoreValue(Instrument instrument, int tenths)
{
    if (spec(instrument).wholeNumberItems)
        return tenths / 10;
    return tenthsToDouble(tenths);
}

json scoreJson(const Score& score, Comparator comparator)
{
    const Instrument i = score.instrument;
    const InstrumentSpec& s = spec(i);
    json items = json::array();
    for (int v : score.itemTenths)
        items.push_back(scoreValue(i, v));
    json j = {{"instrument", s.slug},
              {"total", scoreValue(i, score.totalTenths)},
              {"bond", scoreValue(i, score.bondTenths)},
              {"goal", scoreValue(i, score.goalTenths)},
              {"task", scoreValue(i, score.taskTenths)},
              {"items", items},
              {"mean",
               {{"total", rounded(score.mean(std::nullopt))},
                {"bond", rounded(score.mean(Dimension::Bond))},
                {"goal", rounded(score.mean(Dimension::Goal))},
                {"task", rounded(score.mean(Dimension::Task))}}},
              {"lowest_item", s.itemLabels[static_cast<std::size_t>(score.lowestItem)]}};
    if (score.overallTenths)
        j["overall"] = scoreValue(i, *score.overallTenths);
    if (auto below = score.belowCutoff(comparator)) {
        j["below_cutoff"] = *below;
        j["cutoff"] = tenthsToDouble(*s.cutoffTenths);
        j["comparator"] = comparator == Comparator::Less ? "<" : "<=";
    }
    return j;
}

json clientJson(const ClientSummary& summary)
{
    const Client& c = summary.client;
    return {{"code", c.code},
            {"display_name", orNull(c.displayName)},
            {"counselor", c.counselorName},
            {"start_date", toIso(c.startDate)},
            {"cadence_days", c.cadenceDays},
            {"status", slug(c.status)},
            {"sessions", summary.sessionCount},
            {"last_session", dateOrNull(summary.lastSessionDate)}};
}

json clientDetailJson(const ClientDetail& detail)
{
    json sessions = json::array();
    for (const auto& s : detail.sessions) {
        const auto ratingsJson = [](const std::vector<Rating>& list) {
            json ratings = json::array();
            for (const auto& r : list) {
                json rating = scoreJson(r.score);
                rating["rater"] = slug(r.rater);
                rating["revisions"] = r.revisions;
                ratings.push_back(rating);
            }
            return ratings;
        };
        json session = {{"number", s.number},
                        {"date", toIso(s.date)},
                        {"duration_minutes", orNull(s.durationMinutes)},
                        {"note", orNull(s.note)},
                        {"ratings", ratingsJson(s.ratings)},
                        {"voided_ratings", ratingsJson(s.voidedRatings)}};
        if (s.report)
            session["post_session_report"] = {{"tension", s.report->tension},
                                              {"intensity", orNull(s.report->intensity)},
                                              {"resolution", orNull(s.report->resolution)}};
        sessions.push_back(session);
    }
    json ruptures = json::array();
    for (const auto& r : detail.ruptures)
        ruptures.push_back({{"id", r.id},
                            {"session", r.sessionNumber},
                            {"date", toIso(r.sessionDate)},
                            {"kind", slug(r.kind)},
                            {"markers", r.markers},
                            {"salience", r.salience},
                            {"noticed_by", slug(r.noticedBy)},
                            {"category", orNull(r.category)},
                            {"note", orNull(r.note)},
                            {"revisions", r.revisions}});
    json voided = json::array();
    for (const auto& r : detail.voidedRuptures)
        voided.push_back({{"id", r.id},
                          {"session", r.sessionNumber},
                          {"date", toIso(r.sessionDate)},
                          {"kind", slug(r.kind)},
                          {"revisions", r.revisions}});
    json plans = json::array();
    for (const auto& p : detail.plans) {
        json steps = json::array();
        for (const auto& step : p.steps)
            steps.push_back({{"position", step.position}, {"text", step.text}, {"done", step.done}});
        plans.push_back({{"id", p.id},
                         {"rupture", p.ruptureId},
                         {"created_on", toIso(p.createdOn)},
                         {"due", dateOrNull(p.dueDate)},
                         {"status", slug(p.status)},
                         {"outcome", p.outcome ? nlohmann::json(slug(*p.outcome)) : nlohmann::json()},
                         {"follow_up_session", orNull(p.followUpSessionNumber)},
                         {"closed_on", dateOrNull(p.closedOn)},
                         {"note", orNull(p.note)},
                         {"strategies", p.strategies},
                         {"steps", steps},
                         {"revisions", p.revisions},
                         {"comments", planCommentsJson(p.comments)}});
    }
    json transitions = json::array();
    for (const auto& t : detail.transitions)
        transitions.push_back({{"id", t.id},
                               {"rupture", orNull(t.ruptureId)},
                               {"created_on", toIso(t.createdOn)},
                               {"policy_reviewed", t.policyReviewed},
                               {"dialogue_held", t.dialogueHeld},
                               {"supervisor_invited", t.supervisorInvited},
                               {"referral_agency", orNull(t.referralAgency)},
                               {"next_steps", orNull(t.nextSteps)},
                               {"comments", planCommentsJson(t.comments)}});
    json client = clientJson(
        {detail.client, static_cast<int>(detail.sessions.size()),
         detail.sessions.empty() ? std::nullopt : std::optional<Date>(detail.sessions.back().date)});
    return {{"client", client},          {"sessions", sessions},  {"ruptures", ruptures},
            {"voided_ruptures", voided}, {"repair_plans", plans}, {"transition_plans", transitions}};
}

json trajectoryJson(const TrajectoryReport& report)
{
    const Instrument i = report.instrument;
    json sessions = json::array();
    for (std::size_t k = 0; k < report.points.size(); ++k) {
        const SeriesPoint& p = report.points[k];
        json below = nullptr;
        if (report.params.cutoff)
            below = report.params.belowCutoff(tenthsToDouble(p.score.totalTenths));
        const auto& rci = report.total.rci[k];
        sessions.push_back({{"number", p.sessionNumber},
                            {"date", toIso(p.date)},
                            {"total", scoreValue(i, p.score.totalTenths)},
                            {"bond", scoreValue(i, p.score.bondTenths)},
                            {"goal", scoreValue(i, p.score.goalTenths)},
                            {"task", scoreValue(i, p.score.taskTenths)},
                            {"rci", rci ? json(rounded(*rci)) : json(nullptr)},
                            {"phase", phaseSlug(report.total.phases[k])},
                            {"below_cutoff", below}});
    }
    const auto losses = [&](const SeriesAnalysis& analysis) {
        json list = json::array();
        for (const SuddenLoss& loss : analysis.losses)
            list.push_back({{"onset", report.sessionAt(loss.onset)}, {"drop", seriesValue(i, loss.drop)}});
        return list;
    };
    json dimensions = json::object();
    for (const auto& [dimension, result] : report.dimensions) {
        json phases = json::array();
        for (Phase phase : result.analysis.phases)
            phases.push_back(phaseSlug(phase));
        dimensions[dimensionSlug(dimension)] = {{"params", paramsJson(result.params)},
                                                {"episodes", episodesJson(report, result.analysis)},
                                                {"losses", losses(result.analysis)},
                                                {"phases", phases}};
    }
    json flags = json::array();
    for (const Flag& f : report.flags)
        flags.push_back({{"kind", f.kind},
                         {"session", orNull(f.sessionNumber)},
                         {"reason", f.reason},
                         {"suggestion", f.suggestion},
                         {"rule", f.rule},
                         {"severity", f.severity}});
    return {{"client", report.clientCode},
            {"instrument", spec(i).slug},
            {"rater", slug(report.rater)},
            {"rule", ruleSlug(report.rule)},
            {"rule_description", describeRule(report.rule, report.params)},
            {"params", paramsJson(report.params)},
            {"sessions", sessions},
            {"episodes", episodesJson(report, report.total)},
            {"losses", losses(report.total)},
            {"dimensions", dimensions},
            {"trend",
             {{"slope", trendJson(report.trend)},
              {"intercept", report.trend ? json(rounded(report.trend->intercept)) : json(nullptr)},
              {"recent_slope", trendJson(report.recentTrend)},
              {"client_sd", rounded(sampleStandardDeviation(totalsOf(report)))},
              {"pattern", patternSlug(report.pattern)}}},
            {"flags", flags}};
}

json ratingHistoryJson(const std::vector<RatingRevision>& history)
{
    json list = json::array();
    for (const RatingRevision& revision : history) {
        json previous = scoreJson(revision.previous);
        previous["voided"] = revision.previousVoided;
        list.push_back({{"revised_on", toIso(revision.revisedOn)},
                        {"action", revision.action},
                        {"reason", revision.reason},
                        {"previous", previous}});
    }
    return list;
}

json ruptureHistoryJson(const std::vector<RuptureRevision>& history)
{
    json list = json::array();
    for (const RuptureRevision& revision : history)
        list.push_back({{"revised_on", toIso(revision.revisedOn)},
                        {"action", revision.action},
                        {"reason", revision.reason},
                        {"previous",
                         {{"kind", slug(revision.previous.kind)},
                          {"markers", revision.previous.markers},
                          {"salience", revision.previous.salience},
                          {"noticed_by", slug(revision.previous.noticedBy)},
                          {"category", orNull(revision.previous.category)},
                          {"note", orNull(revision.previous.note)},
                          {"voided", revision.previousVoided}}}});
    return list;
}

json repairPlanHistoryJson(const std::vector<RepairPlanRevision>& history)
{
    json list = json::array();
    for (const RepairPlanRevision& revision : history) {
        const RepairPlanChanges& p = revision.previous;
        list.push_back({{"revised_on", toIso(revision.revisedOn)},
                        {"action", revision.action},
                        {"reason", revision.reason},
                        {"previous",
                         {{"strategies", p.strategies},
                          {"steps", p.steps},
                          {"due", dateOrNull(p.dueDate)},
                          {"note", orNull(p.note)},
                          {"outcome", p.outcome ? json(slug(*p.outcome)) : json()}}}});
    }
    return list;
}

json alertJson(const Alert& alert)
{
    return {{"id", alert.id},
            {"client", alert.clientCode},
            {"counselor", alert.counselorName},
            {"kind", alert.flag.kind},
            {"session", orNull(alert.flag.sessionNumber)},
            {"severity", alert.flag.severity},
            {"reason", alert.flag.reason},
            {"suggestion", alert.flag.suggestion},
            {"rule", alert.flag.rule}};
}

json planCommentsJson(const std::vector<PlanComment>& comments)
{
    json out = json::array();
    for (const auto& c : comments)
        out.push_back({{"id", c.id},
                       {"author", c.author},
                       {"written_on", toIso(c.writtenOn)},
                       {"text", c.text},
                       {"signed_off", c.signedOff}});
    return out;
}

} // namespace alliance::cli
