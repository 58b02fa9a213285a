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
    // Built key by key and moved in: nlohmann's initializer lists copy every value, and a year of
    // weeks for 100 counselors is 5,000 of these.
    json out = json::array();
    out.get_ref<json::array_t&>().reserve(weeks.size());
    for (const WeekFigures& w : weeks) {
        json week = json::object();
        week["week"] = w.label();
        week["start"] = toIso(w.start);
        week["partial"] = w.partial;
        week["ratings"] = w.ratings;
        json& mean = week["mean"] = json::object();
        for (Instrument i : {Instrument::Srs, Instrument::WaiSr, Instrument::Bgt})
            mean[spec(i).slug] = rounded(w.mean(i));
        week["breaches_opened"] = w.breachesOpened;
        week["breaches_repaired"] = w.breachesRepaired;
        week["ruptures_flagged"] = w.rupturesFlagged;
        week["plans_closed"] = w.plansClosed;
        out.push_back(std::move(week));
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
        counselors.push_back(std::move(row));
    }
    json limits = json::array();
    for (const FunnelLimits& l : review.funnel)
        limits.push_back({{"n", l.n},
                          {"low95", rounded(l.low95)},
                          {"high95", rounded(l.high95)},
                          {"low998", rounded(l.low998)},
                          {"high998", rounded(l.high998)}});
    json out = json::object();
    out["as_of"] = toIso(review.period.asOf);
    out["from"] = toIso(review.period.from);
    out["to"] = toIso(review.period.to);
    out["scope"] = scopeJson(review);
    out["counselors"] = std::move(counselors);
    out["team"] = reviewFiguresJson(review.team);
    json& funnel = out["funnel"] = json::object();
    funnel["centre"] = rounded(review.funnelCentre);
    funnel["limits"] = std::move(limits);
    return out;
}

json trendsJson(const CaseloadReview& review)
{
    json out = json::object();
    out["as_of"] = toIso(review.period.asOf);
    out["from"] = toIso(review.period.from);
    out["to"] = toIso(review.period.to);
    out["scope"] = scopeJson(review);
    out["weeks"] = weeksJson(review.weeks);
    json& counselors = out["counselors"] = json::array();
    for (const CounselorReview& k : review.counselors) {
        json counselor = json::object();
        counselor["name"] = k.name;
        counselor["weeks"] = weeksJson(k.weeks); // moved in, not copied (see weeksJson)
        counselors.push_back(std::move(counselor));
    }
    return out;
}

} // namespace alliance
