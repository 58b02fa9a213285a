#include "ReviewJson.hpp"

#include <cmath>

namespace alliance {

using nlohmann::json;

namespace {

// Rates and means to three decimals: more would pretend a precision the data does not have.
json rounded(std::optional<double> value)
{
    if (!value)
        return nullptr;
    return std::round(*value * 1000.0) / 1000.0;
}

} // namespace

json reviewFiguresJson(const ReviewFigures& f)
{
    const RepairRate& r = f.repairRate;
    json latest = json::array();
    for (const LatestMean& m : f.latest)
        latest.push_back({{"instrument", spec(m.instrument).slug},
                          {"n", m.n},
                          {"mean", rounded(m.mean)},
                          {"low", rounded(m.interval ? std::optional(m.interval->low) : std::nullopt)},
                          {"high", rounded(m.interval ? std::optional(m.interval->high) : std::nullopt)},
                          {"small_n", m.smallN}});
    return {{"active_clients", f.activeClients},
            {"sessions", f.sessions},
            {"rated_sessions", f.ratedSessions},
            {"breaches",
             {{"opened", f.breaches.opened},
              {"repaired", f.breaches.repaired},
              {"unrepaired", f.breaches.unrepaired},
              {"pending", f.breaches.pending}}},
            {"repair_rate",
             {{"repaired", r.repaired},
              {"closed", r.closed},
              {"value", rounded(r.value)},
              {"low", rounded(r.interval ? std::optional(r.interval->low) : std::nullopt)},
              {"high", rounded(r.interval ? std::optional(r.interval->high) : std::nullopt)},
              {"small_n", r.closed < reviewMinimumCases}}},
            {"drifting", f.drifting},
            {"below_cutoff", f.belowCutoff},
            {"at_ceiling", f.atCeiling},
            {"ruptures_flagged", f.rupturesFlagged},
            {"plans_open", f.plansOpen},
            {"plans_overdue", f.plansOverdue},
            {"direction", {{"improved", f.improved}, {"same", f.same}, {"worsened", f.worsened}}},
            {"latest", latest}};
}

namespace {

json weeksJson(const std::vector<WeekFigures>& weeks)
{
    json out = json::array();
    for (const WeekFigures& w : weeks) {
        json mean = json::object();
        for (Instrument i : {Instrument::Srs, Instrument::WaiSr, Instrument::Bgt})
            mean[spec(i).slug] = rounded(w.mean(i));
        out.push_back({{"week", w.label()},
                       {"start", toIso(w.start)},
                       {"partial", w.partial},
                       {"ratings", w.ratings},
                       {"mean", mean},
                       {"breaches_opened", w.breachesOpened},
                       {"breaches_repaired", w.breachesRepaired},
                       {"ruptures_flagged", w.rupturesFlagged},
                       {"plans_closed", w.plansClosed}});
    }
    return out;
}

json scopeJson(const CaseloadReview& review)
{
    json people = json::array();
    for (const CounselorReview& k : review.counselors)
        people.push_back(k.name);
    return {{"kind", slugOf(review.scope.kind)},
            {"name", review.scope.name.empty() ? json(nullptr) : json(review.scope.name)},
            {"counselors", people}};
}

} // namespace

json caseloadReviewJson(const CaseloadReview& review)
{
    json counselors = json::array();
    for (const CounselorReview& k : review.counselors) {
        json row = {{"name", k.name},
                    {"role", slug(k.role)},
                    {"supervisor", k.supervisor ? json(*k.supervisor) : json(nullptr)}};
        row.update(reviewFiguresJson(k.figures));
        row["funnel"] = k.band ? json(slugOf(*k.band)) : json(nullptr);
        counselors.push_back(row);
    }
    json limits = json::array();
    for (const FunnelLimits& l : review.funnel)
        limits.push_back({{"n", l.n},
                          {"low95", rounded(l.low95)},
                          {"high95", rounded(l.high95)},
                          {"low998", rounded(l.low998)},
                          {"high998", rounded(l.high998)}});
    return {{"as_of", toIso(review.period.asOf)},
            {"from", toIso(review.period.from)},
            {"to", toIso(review.period.to)},
            {"scope", scopeJson(review)},
            {"counselors", counselors},
            {"team", reviewFiguresJson(review.team)},
            {"funnel", {{"centre", rounded(review.funnelCentre)}, {"limits", limits}}}};
}

json trendsJson(const CaseloadReview& review)
{
    json counselors = json::array();
    for (const CounselorReview& k : review.counselors)
        counselors.push_back({{"name", k.name}, {"weeks", weeksJson(k.weeks)}});
    return {{"as_of", toIso(review.period.asOf)}, {"from", toIso(review.period.from)},
            {"to", toIso(review.period.to)},      {"scope", scopeJson(review)},
            {"weeks", weeksJson(review.weeks)},   {"counselors", counselors}};
}

} // namespace alliance
