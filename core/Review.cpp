#include "Review.hpp"

#include "Alerts.hpp"
#include "Errors.hpp"
#include "Text.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>

namespace alliance {

Interval wilsonInterval(int successes, int trials, double z)
{
    if (trials <= 0 || successes < 0 || successes > trials)
        throw ValidationError("trials", "a Wilson interval needs 0 <= successes <= trials and trials > 0");
    const double n = trials;
    const double p = successes / n;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double tQuantile95(int degrees)
{
    if (degrees < 1)
        throw ValidationError("degrees", "a t quantile needs at least one degree of freedom");
    const boost::math::students_t distribution(degrees);
    return boost::math::quantile(boost::math::complement(distribution, 0.025));
}

std::optional<Interval> meanInterval(const std::vector<double>& values)
{
    if (values.size() < 2)
        return std::nullopt;
    double sum = 0;
    for (double v : values)
        sum += v;
    const double n = static_cast<double>(values.size());
    const double mean = sum / n;
    const double half =
        tQuantile95(static_cast<int>(values.size()) - 1) * sampleStandardDeviation(values) / std::sqrt(n);
    return Interval{mean - half, mean + half};
}

FunnelLimits funnelLimits(double centre, int n)
{
    if (n < 1 || centre < 0 || centre > 1)
        throw ValidationError("n", "funnel limits need n >= 1 and a centre in 0..1");
    const double spread = std::sqrt(centre * (1 - centre) / n);
    const auto clip = [](double v) { return std::clamp(v, 0.0, 1.0); };
    return {n, clip(centre - 1.96 * spread), clip(centre + 1.96 * spread), clip(centre - 3.09 * spread),
            clip(centre + 3.09 * spread)};
}

std::string slugOf(FunnelBand band)
{
    switch (band) {
    case FunnelBand::Inside: return "inside";
    case FunnelBand::Above95: return "above-95";
    case FunnelBand::Below95: return "below-95";
    case FunnelBand::Above998: return "above-99.8";
    case FunnelBand::Below998: return "below-99.8";
    }
    return "inside";
}

FunnelBand funnelBand(double centre, int successes, int trials)
{
    const FunnelLimits limits = funnelLimits(centre, trials);
    const double p = static_cast<double>(successes) / trials;
    // A small tolerance: a rate equal to a limit (in decimal) is on it, not outside.
    constexpr double epsilon = 1e-12;
    if (p > limits.high998 + epsilon)
        return FunnelBand::Above998;
    if (p > limits.high95 + epsilon)
        return FunnelBand::Above95;
    if (p < limits.low998 - epsilon)
        return FunnelBand::Below998;
    if (p < limits.low95 - epsilon)
        return FunnelBand::Below95;
    return FunnelBand::Inside;
}

std::string slugOf(ReviewScope::Kind kind)
{
    switch (kind) {
    case ReviewScope::Kind::Counselor: return "counselor";
    case ReviewScope::Kind::Supervisor: return "supervisor";
    case ReviewScope::Kind::Everyone: return "everyone";
    }
    return "everyone";
}

ReviewPeriod reviewPeriod(const Date& asOf, std::optional<Date> from, std::optional<Date> to)
{
    requireReferenceDate("as_of", asOf);
    ReviewPeriod period;
    period.asOf = asOf;
    period.to = to.value_or(asOf);
    requireReferenceDate("to", period.to);
    if (period.to > asOf)
        throw ValidationError("to", "the period ends " + toIso(period.to) + ", after the as-of date " +
                                        toIso(asOf) + ": nothing later is on record");
    period.from = from.value_or(addDaysSaturating(period.to, -84));
    requireReferenceDate("from", period.from);
    if (period.from > period.to)
        throw ValidationError("from", "the period starts " + toIso(period.from) + ", after its end " +
                                          toIso(period.to));
    // Every week of the period is a row per counselor: a bound keeps memory bounded.
    if (daysBetween(period.from, period.to) > reviewLongestPeriodDays)
        throw ValidationError("from",
                              "the period spans " + std::to_string(daysBetween(period.from, period.to) + 1) +
                                  " days; at most " + std::to_string(reviewLongestPeriodDays + 1) +
                                  " (ten years)",
                              Reason::OutOfRange);
    return period;
}

std::pair<int, int> isoWeekOf(const Date& date)
{
    const int week = date.week_number(); // ISO 8601 (boost::gregorian)
    int year = date.year();
    if (week >= 52 && date.month() == 1)
        --year;
    else if (week == 1 && date.month() == 12)
        ++year;
    return {year, week};
}

Date mondayOf(const Date& date)
{
    const int sinceMonday = (date.day_of_week().as_number() + 6) % 7; // Sunday is 0 in Boost
    return date - boost::gregorian::days(sinceMonday);
}

std::optional<double> WeekFigures::mean(Instrument instrument) const
{
    const auto i = static_cast<std::size_t>(instrument);
    if (ratingsOf[i] == 0)
        return std::nullopt;
    return tenthsToDouble(1) * static_cast<double>(totalTenthsOf[i]) / ratingsOf[i];
}

std::string WeekFigures::label() const
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02d", isoYear, isoWeek);
    return text;
}

ReviewFigures figuresOf(const std::vector<const ClientReview*>& clients)
{
    ReviewFigures f;
    std::map<Instrument, std::vector<double>> latest;
    for (const ClientReview* c : clients) {
        f.activeClients += c->active ? 1 : 0;
        f.sessions += c->sessions;
        f.ratedSessions += c->ratedSessions;
        f.breaches.opened += c->opened;
        f.breaches.repaired += c->repaired;
        f.breaches.unrepaired += c->unrepaired;
        f.breaches.pending += c->pending;
        f.drifting += c->drifting ? 1 : 0;
        f.belowCutoff += c->belowCutoff ? 1 : 0;
        f.atCeiling += c->atCeiling ? 1 : 0;
        f.rupturesFlagged += c->rupturesFlagged;
        f.plansOpen += c->plansOpen;
        f.plansOverdue += c->plansOverdue;
        if (c->direction)
            (*c->direction == Direction::Improved ? f.improved
             : *c->direction == Direction::Same   ? f.same
                                                  : f.worsened) += 1;
        for (const auto& [instrument, total] : c->latest)
            latest[instrument].push_back(total);
    }
    f.repairRate.repaired = f.breaches.repaired;
    f.repairRate.closed = f.breaches.repaired + f.breaches.unrepaired;
    if (f.repairRate.closed > 0) {
        f.repairRate.value = static_cast<double>(f.repairRate.repaired) / f.repairRate.closed;
        f.repairRate.interval = wilsonInterval(f.repairRate.repaired, f.repairRate.closed);
    }
    for (const auto& [instrument, values] : latest) {
        LatestMean m;
        m.instrument = instrument;
        m.n = static_cast<int>(values.size());
        double sum = 0;
        for (double v : values)
            sum += v;
        m.mean = sum / m.n;
        m.interval = meanInterval(values);
        m.smallN = m.n < reviewMinimumCases;
        f.latest.push_back(m);
    }
    return f;
}

namespace {

bool counts(const ClientReview& c, const std::string& figure)
{
    if (figure == "active_clients")
        return c.active;
    if (figure == "sessions")
        return c.sessions > 0;
    if (figure == "rated_sessions")
        return c.ratedSessions > 0;
    if (figure == "unrated_sessions")
        return c.sessions > c.ratedSessions;
    if (figure == "opened")
        return c.opened > 0;
    if (figure == "repaired")
        return c.repaired > 0;
    if (figure == "unrepaired")
        return c.unrepaired > 0;
    if (figure == "pending")
        return c.pending > 0;
    if (figure == "closed") // behind a repair rate: repaired or unrepaired episodes
        return c.repaired + c.unrepaired > 0;
    if (figure == "drifting")
        return c.drifting;
    if (figure == "below_cutoff")
        return c.belowCutoff;
    if (figure == "at_ceiling")
        return c.atCeiling;
    if (figure == "ruptures_flagged")
        return c.rupturesFlagged > 0;
    if (figure == "plans_open")
        return c.plansOpen > 0;
    if (figure == "plans_overdue")
        return c.plansOverdue > 0;
    if (figure == "improved")
        return c.direction == Direction::Improved;
    if (figure == "same")
        return c.direction == Direction::Same;
    if (figure == "worsened")
        return c.direction == Direction::Worsened;
    if (figure == "latest")
        return !c.latest.empty();
    throw ValidationError("figure", "no figure named " + quoteForError(figure));
}

bool inPeriod(const Date& date, const ReviewPeriod& period)
{
    return period.from <= date && date <= period.to;
}

} // namespace

std::vector<const ClientReview*> clientsBehind(const CaseloadReview& review, const std::string& counselor,
                                               const std::string& figure)
{
    std::vector<const ClientReview*> result;
    for (const ClientReview& c : review.clients)
        if ((counselor.empty() || c.counselor == counselor) && counts(c, figure))
            result.push_back(&c);
    if (review.clients.empty())
        (void)counts(ClientReview{}, figure); // an unknown name is an error even with no clients
    return result;
}

std::vector<const ClientReview*> clientsOfWeek(const CaseloadReview& review, const std::string& counselor,
                                               std::size_t weekIndex)
{
    std::vector<const ClientReview*> result;
    for (const ClientReview& c : review.clients)
        if ((counselor.empty() || c.counselor == counselor) &&
            std::any_of(c.weeks.begin(), c.weeks.end(),
                        [&](const ClientReview::Week& w) { return w.index == weekIndex; }))
            result.push_back(&c);
    return result;
}

CaseloadReviewBuilder::CaseloadReviewBuilder(const ReviewScope& scope, const ReviewPeriod& period,
                                             const std::vector<Counselor>& people, ParamsLookup params)
    : params_(std::move(params)), firstMonday_(mondayOf(period.from))
{
    review_.scope = scope;
    review_.period = period;
    const auto named = [&](const std::string& name) {
        return std::find_if(people.begin(), people.end(), [&](const Counselor& k) { return k.name == name; });
    };
    std::vector<Counselor> members;
    switch (scope.kind) {
    case ReviewScope::Kind::Counselor: {
        const auto person = named(scope.name);
        if (person == people.end())
            throw NotFound("counselor", "no counselor named " + quoteForError(scope.name));
        members.push_back(*person);
        break;
    }
    case ReviewScope::Kind::Supervisor: {
        const auto person = named(scope.name);
        const bool supervises = std::any_of(
            people.begin(), people.end(), [&](const Counselor& k) { return k.supervisorName == scope.name; });
        if (person == people.end() || (person->role != Role::Supervisor && !supervises))
            throw NotFound("supervisor", "no supervisor named " + quoteForError(scope.name));
        members.push_back(*person);
        for (const Counselor& k : people)
            if (k.supervisorName == scope.name && k.name != scope.name)
                members.push_back(k);
        break;
    }
    case ReviewScope::Kind::Everyone: members = people; break;
    }
    std::sort(members.begin(), members.end(),
              [](const Counselor& a, const Counselor& b) { return a.name < b.name; });
    // Counted, not stepped past the end: a period ending on 9999-12-31 has no Monday after it.
    const long weekCount = daysBetween(firstMonday_, period.to) / 7 + 1;
    for (long k = 0; k < weekCount; ++k) {
        WeekFigures week;
        week.start = firstMonday_ + boost::gregorian::days(7 * k);
        std::tie(week.isoYear, week.isoWeek) = isoWeekOf(week.start);
        week.partial = week.start < period.from || daysBetween(week.start, period.to) < 6;
        review_.weeks.push_back(week);
    }
    for (const Counselor& k : members)
        review_.counselors.push_back({k.name, k.role, k.supervisorName, {}, std::nullopt, review_.weeks});
}

std::size_t CaseloadReviewBuilder::weekIndex(const Date& date) const
{
    return static_cast<std::size_t>(daysBetween(firstMonday_, date) / 7);
}

void CaseloadReviewBuilder::add(const ClientDetail& record)
{
    const auto member =
        std::find_if(review_.counselors.begin(), review_.counselors.end(),
                     [&](const CounselorReview& k) { return k.name == record.client.counselorName; });
    if (member == review_.counselors.end())
        return;
    const ReviewPeriod& period = review_.period;
    std::optional<ClientDetail> copy;
    const ClientDetail& detail = knownOn(record, period.asOf, copy);
    const TrajectoryReport report = caseloadTrajectory(detail, period.asOf, params_);

    ClientReview c;
    c.code = detail.client.code;
    c.counselor = detail.client.counselorName;
    c.active = detail.client.status == ClientStatus::Active && detail.client.startDate <= period.asOf;
    const auto inWeek = [&](const Date& date, auto&& change) {
        if (!inPeriod(date, period))
            return;
        const std::size_t i = weekIndex(date);
        change(review_.weeks[i]);
        change(member->weeks[i]);
        // The client's own count of the week (its weeks kept in order; events come mostly in order).
        auto mine = std::lower_bound(c.weeks.begin(), c.weeks.end(), i,
                                     [](const ClientReview::Week& w, std::size_t k) { return w.index < k; });
        if (mine == c.weeks.end() || mine->index != i)
            mine = c.weeks.insert(mine, ClientReview::Week{i});
        change(*mine);
    };

    std::map<Instrument, double> latest; // the last client rating in the period, per instrument
    for (const SessionRecord& session : detail.sessions) {
        if (!inPeriod(session.date, period))
            continue;
        ++c.sessions;
        bool rated = false;
        for (const Rating& rating : session.ratings) {
            if (rating.rater != Rater::Client)
                continue;
            rated = true;
            const auto i = static_cast<std::size_t>(rating.score.instrument);
            inWeek(session.date, [&](auto& w) {
                ++w.ratings;
                if constexpr (requires { w.ratingsOf; }) { // the week's figures, not a client's count
                    ++w.ratingsOf[i];
                    w.totalTenthsOf[i] += rating.score.totalTenths;
                }
            });
            latest[rating.score.instrument] = tenthsToDouble(rating.score.totalTenths); // sessions in date order
        }
        c.ratedSessions += rated ? 1 : 0;
    }
    if (c.active)
        c.latest.assign(latest.begin(), latest.end());

    for (const Episode& episode : report.total.episodes) {
        const Date onset = report.dateAt(episode.onset);
        if (inPeriod(onset, period)) {
            ++c.opened;
            (episode.status == EpisodeStatus::Repaired     ? c.repaired
             : episode.status == EpisodeStatus::Unrepaired ? c.unrepaired
                                                           : c.pending) += 1;
            inWeek(onset, [](auto& w) { ++w.breachesOpened; });
        }
        if (episode.repairedAt)
            inWeek(report.dateAt(*episode.repairedAt), [](auto& w) { ++w.breachesRepaired; });
    }
    if (c.active)
        for (const Flag& flag : report.flags) {
            c.drifting = c.drifting || flag.kind == "drift";
            c.belowCutoff = c.belowCutoff || flag.kind == "below-cutoff";
            c.atCeiling = c.atCeiling || flag.kind == "ceiling";
        }
    for (const Rupture& rupture : detail.ruptures)
        if (inPeriod(rupture.sessionDate, period)) {
            ++c.rupturesFlagged;
            inWeek(rupture.sessionDate, [](auto& w) { ++w.rupturesFlagged; });
        }
    for (const RepairPlan& plan : detail.plans) {
        if (plan.status != PlanStatus::Closed) {
            ++c.plansOpen;
            c.plansOverdue += plan.dueDate && *plan.dueDate < period.asOf ? 1 : 0; // as plan-overdue says
        } else if (plan.closedOn) {
            inWeek(*plan.closedOn, [](auto& w) { ++w.plansClosed; });
        }
    }

    // Direction: the first and last rating of the default series in the period, against RC.
    const SeriesPoint* first = nullptr;
    const SeriesPoint* last = nullptr;
    for (const SeriesPoint& point : report.points)
        if (inPeriod(point.date, period)) {
            first = first ? first : &point;
            last = &point;
        }
    if (first && last != first) {
        const double change = tenthsToDouble(last->score.totalTenths - first->score.totalTenths);
        const double rc = report.params.reliableChange();
        c.direction = change > rc    ? Direction::Improved
                      : change < -rc ? Direction::Worsened
                                     : Direction::Same;
    }
    review_.clients.push_back(std::move(c));
}

std::vector<std::string> CaseloadReviewBuilder::memberNames() const
{
    std::vector<std::string> names;
    for (const CounselorReview& k : review_.counselors)
        names.push_back(k.name);
    return names;
}

CaseloadReview CaseloadReviewBuilder::finish()
{
    std::sort(review_.clients.begin(), review_.clients.end(),
              [](const ClientReview& a, const ClientReview& b) { return a.code < b.code; });
    std::map<std::string, std::vector<const ClientReview*>> byCounselor;
    std::vector<const ClientReview*> all;
    for (const ClientReview& c : review_.clients) {
        byCounselor[c.counselor].push_back(&c);
        all.push_back(&c);
    }
    review_.team = figuresOf(all);
    if (review_.team.repairRate.closed > 0)
        review_.funnelCentre = review_.team.repairRate.value;
    int largest = 0;
    std::vector<CounselorReview> kept;
    for (CounselorReview& k : review_.counselors) {
        const auto mine = byCounselor.find(k.name);
        // People who carry no caseload (a supervisor or an admin without clients) are not rows.
        if (mine == byCounselor.end() && k.role != Role::Counselor &&
            !(review_.scope.kind == ReviewScope::Kind::Counselor))
            continue;
        k.figures = figuresOf(mine == byCounselor.end() ? std::vector<const ClientReview*>{} : mine->second);
        if (review_.funnelCentre && k.figures.repairRate.closed > 0)
            k.band =
                funnelBand(*review_.funnelCentre, k.figures.repairRate.repaired, k.figures.repairRate.closed);
        largest = std::max(largest, k.figures.repairRate.closed);
        kept.push_back(std::move(k));
    }
    review_.counselors = std::move(kept);
    if (review_.funnelCentre) {
        // Every n up to a little past the largest unit, so the funnel can be drawn; thinned past 200.
        const int top = std::max(10, largest + largest / 5 + 1);
        for (int n = 1; n <= top; n += n < 200 ? 1 : n / 100)
            review_.funnel.push_back(funnelLimits(*review_.funnelCentre, n));
    }
    return std::move(review_);
}

CaseloadReview reviewCaseload(Store& store, const ReviewScope& requested, const ReviewPeriod& period)
{
    // A name is found as every other lookup finds it ("alex rivera" is Alex Rivera), and the review
    // carries the name as it is on record.
    ReviewScope scope = requested;
    if (scope.kind != ReviewScope::Kind::Everyone) {
        const std::string field = scope.kind == ReviewScope::Kind::Counselor ? "counselor" : "supervisor";
        try {
            scope.name = store.counselor(scope.name).name;
        } catch (const NotFound&) {
            throw NotFound(field, "no " + field + " named " + quoteForError(requested.name));
        } catch (const ValidationError&) { // not even a possible name
            throw NotFound(field, "no " + field + " named " + quoteForError(requested.name));
        }
    }
    CaseloadReviewBuilder builder(scope, period, store.counselors(), rememberedParams(store));
    const auto add = [&builder](const ClientDetail& detail) { builder.add(detail); };
    if (scope.kind == ReviewScope::Kind::Everyone)
        store.forEachClientDetail(std::nullopt, add, DetailDepth::ForAnalysis);
    else // each member's clients through the counselor index; no pass over the others' records
        for (const std::string& name : builder.memberNames())
            store.forEachClientDetail(name, add, DetailDepth::ForAnalysis);
    return builder.finish();
}

} // namespace alliance
