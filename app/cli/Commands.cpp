#include "Commands.hpp"

#include "Alerts.hpp"
#include "Demo.hpp"
#include "Errors.hpp"
#include "Exchange.hpp"
#include "JsonOut.hpp"
#include "Migrations.hpp"
#include "Paths.hpp"
#include "Prompt.hpp"
#include "Review.hpp"
#include "Store.hpp"
#include "Text.hpp"
#include "exchange/Backup.hpp"
#include "security/Accounts.hpp"
#include "security/AuditTrail.hpp"
#include "security/Workspace.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <tuple>

namespace alliance::cli {
namespace {

using security::Workspace;

// The app that writes a supervision pack failed; it said why and exited with this status.
class PackFailed : public std::runtime_error {
public:
    explicit PackFailed(int status) : std::runtime_error("the supervision pack"), status_(status) {}
    int status() const { return status_; }

private:
    int status_;
};

// audit verify found the chain broken (exit 6; it printed where).
class AuditChainBroken : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The core names a field by its own id ("cadence_days", "code", "item 3"); the CLI words it as
// the option or argument a person typed ("--cadence-days", "CODE", "item 3").
std::string cliField(const std::string& field)
{
    static const std::map<std::string, std::string> named = {
        {"code", "CODE"},           {"name", "NAME"},          {"rating", "RATING"},
        {"alert_id", "ID"},         {"plan_id", "PLAN_ID"},    {"rupture_id", "RUPTURE_ID"},
        {"display_name", "--name"}, {"start_date", "--start"}, {"author", "--sign-off"}};
    if (const auto it = named.find(field); it != named.end())
        return it->second;
    if (field.empty() || field.starts_with("--") || field.starts_with("item") ||
        field.find(' ') != std::string::npos)
        return field;
    std::string flag = "--" + field;
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

// "--date: must be YYYY-MM-DD", safe for a terminal.
std::string describe(const FieldError& e)
{
    const std::string field = cliField(e.field());
    return printable(field.empty() ? e.problem() : field + ": " + e.problem());
}

// Every value arrives as text and is validated by the core, so a bad value exits 3 with the
// field named; CLI11 only decides the shape of the command line (exit 2).
struct Args {
    std::string db, user, initRole = "admin";
    bool admin = false;
    bool json = false;
    std::string name, role = "counselor", supervisor;
    std::string code, counselor, displayName, start, cadence = "7";
    std::string date, waiSr, srs, bgt, rater = "client", note, duration;
    std::string session, kind, salience = "3", noticedBy = "counselor", category;
    std::vector<std::string> markers, strategies, steps;
    std::string id, due, outcome;
    std::string instrument, items, comparator = "<";
    std::string clients = "96", seed = "1", today;
    std::string rule = "rr1", sd, reliability, z, window, asOf;
    std::string reason, snoozeDays;
    std::string from, to;
    bool signOff = false, transitionPlan = false;
    std::string tension, intensity, resolution;
    std::string services, contact, rupture, referral, nextSteps;
    bool policyReviewed = false, dialogueHeld = false, supervisorInvited = false;
    // rupture amend / repair amend: what is not given stays as recorded; --no-* clears it.
    std::string newSalience, newNoticedBy;
    bool noMarkers = false, noCategory = false, noNote = false, noSteps = false, noDue = false;
    // import, export, backup, restore
    std::vector<std::string> files;
    bool dryRun = false, withNames = false, deidentified = false, withText = false;
    std::string out, exportKind, file;
};

// The one instrument given by --wai-sr, --srs or --bgt, and its items (exit 2 unless exactly one).
std::pair<Instrument, std::vector<int>> givenItems(const Args& a, const std::string& command)
{
    const int chosen = !a.waiSr.empty() + !a.srs.empty() + !a.bgt.empty();
    if (chosen != 1)
        throw CLI::ValidationError(command, "give exactly one of --wai-sr, --srs or --bgt");
    const Instrument instrument = !a.waiSr.empty() ? Instrument::WaiSr
                                  : !a.srs.empty() ? Instrument::Srs
                                                   : Instrument::Bgt;
    return {instrument, parseItems(instrument, !a.waiSr.empty() ? a.waiSr : !a.srs.empty() ? a.srs : a.bgt)};
}

std::optional<std::string> given(const std::string& value)
{
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

std::optional<Date> optDate(const std::string& value, const std::string& field)
{
    return value.empty() ? std::nullopt : std::optional<Date>(parseIsoDate(value, field));
}

Id parseId(const std::string& field, const std::string& text)
{
    return parseWholeNumber(field, text, 1, 999999999);
}

// --session N (its place in date order) or --session YYYY-MM-DD (its date, which never shifts).
SessionRef parseSession(const std::string& field, const std::string& text)
{
    if (trimmed(text).find('-') != std::string::npos)
        return parseIsoDate(trimmed(text), field);
    return parseWholeNumber(field, text, 1, 100000);
}

// Dates an analysis runs as of: any real date 1900..9999.
Date referenceDate(const std::string& value, const std::string& field)
{
    const Date date = value.empty() ? today() : parseIsoDate(value, field);
    requireReferenceDate(field, date);
    return date;
}

void print(const json& document)
{
    // Text from older databases may not be valid UTF-8: replace, never fail the whole view.
    std::cout << document.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

// Stored text shown on a terminal: no control sequence can pass.
std::string shown(const std::string& text)
{
    return printable(text);
}

// ---- commands ----------------------------------------------------------------------------

void clientList(Workspace& work, const Args& a)
{
    const auto clients = work.clients(given(a.counselor));
    if (a.json) {
        json list = json::array();
        for (const auto& c : clients)
            list.push_back(clientJson(c));
        print(list);
        return;
    }
    std::printf("%-12s %-20s %-12s %8s  %s\n", "CODE", "COUNSELOR", "STATUS", "SESSIONS", "LAST SESSION");
    for (const auto& c : clients)
        std::printf("%-12s %-20s %-12s %8d  %s\n", shown(c.client.code).c_str(),
                    shown(c.client.counselorName).c_str(), slugOf(c.client.status).data(), c.sessionCount,
                    c.lastSessionDate ? toIso(*c.lastSessionDate).c_str() : "-");
}

void sessionLog(Workspace& work, const Args& a)
{
    NewRating rating;
    rating.clientCode = a.code;
    rating.date = parseIsoDate(a.date, "--date");
    std::tie(rating.instrument, rating.itemTenths) = givenItems(a, "session log");
    rating.rater = parseSlug<Rater>(a.rater);
    rating.note = given(a.note);
    if (!a.duration.empty())
        rating.durationMinutes = parseWholeNumber("--duration", a.duration, 1, 600);
    const LoggedRating logged = work.logSession(rating, std::nullopt);
    const Score s = score(rating.instrument, rating.itemTenths);
    std::cout << "Logged " << spec(rating.instrument).slug << " (" << slugOf(rating.rater) << ") for "
              << shown(a.code) << ", session " << logged.sessionNumber << " on " << toIso(rating.date)
              << ": total " << scoreValue(rating.instrument, s.totalTenths).dump() << " (bond "
              << scoreValue(rating.instrument, s.bondTenths).dump() << ", goal "
              << scoreValue(rating.instrument, s.goalTenths).dump() << ", task "
              << scoreValue(rating.instrument, s.taskTenths).dump() << ")\n";
}

void sessionAmend(Workspace& work, const Args& a)
{
    const auto [instrument, items] = givenItems(a, "session amend");
    const Id rating =
        work.findRating(a.code, parseSession("--session", a.session), instrument, parseSlug<Rater>(a.rater));
    work.amendRating(rating, items, a.reason);
    const Score s = score(instrument, items);
    std::cout << "Amended the " << spec(instrument).slug << " rating by the " << a.rater << ": total "
              << scoreValue(instrument, s.totalTenths).dump()
              << "; the earlier version is kept in its history\n";
}

Id ratingOf(Workspace& work, const Args& a)
{
    const Instrument instrument = instrumentFromSlug(a.instrument);
    return work.findRating(a.code, parseSession("--session", a.session), instrument,
                           parseSlug<Rater>(a.rater));
}

void sessionVoid(Workspace& work, const Args& a)
{
    work.voidRating(ratingOf(work, a), a.reason);
    std::cout << "Voided the " << a.instrument << " rating by the " << a.rater
              << "; it is kept in the history and no longer analysed\n";
}

void sessionHistory(Workspace& work, const Args& a)
{
    const auto history = work.ratingHistory(ratingOf(work, a));
    if (a.json) {
        print(ratingHistoryJson(history));
        return;
    }
    if (history.empty())
        std::cout << "No corrections: the rating is as first recorded.\n";
    for (const RatingRevision& r : history)
        std::cout << toIso(r.revisedOn) << "  " << r.action << "  replaced total "
                  << scoreValue(r.previous.instrument, r.previous.totalTenths).dump() << " ("
                  << formatItems(r.previous.instrument, r.previous.itemTenths) << ")"
                  << (r.previousVoided ? ", which was void" : "") << "\n    reason: " << shown(r.reason)
                  << '\n';
}

void ruptureFlag(Workspace& work, const Args& a)
{
    NewRupture r;
    r.clientCode = a.code;
    r.session = parseSession("--session", a.session);
    r.kind = parseSlug<RuptureKind>(a.kind);
    r.markers = a.markers;
    r.salience = parseWholeNumber("--salience", a.salience, 1, 5);
    r.noticedBy = parseSlug<NoticedBy>(a.noticedBy);
    r.category = given(a.category);
    r.note = given(a.note);
    std::cout << work.flagRupture(r) << '\n';
}

void repairPlan(Workspace& work, const Args& a)
{
    NewRepairPlan plan;
    plan.ruptureId = parseId("RUPTURE_ID", a.id);
    plan.strategies = a.strategies;
    plan.steps = a.steps;
    plan.dueDate = optDate(a.due, "--due");
    plan.note = given(a.note);
    std::cout << work.planRepair(plan) << '\n';
}

std::string markerList(const std::vector<std::string>& slugs)
{
    std::string list;
    for (const auto& s : slugs)
        list += (list.empty() ? "" : ", ") + shown(s);
    return list.empty() ? "none" : list;
}

void ruptureAmend(Workspace& work, const Args& a)
{
    const Id id = parseId("RUPTURE_ID", a.id);
    RuptureChanges r = work.storedRupture(id).first;
    if (!a.kind.empty())
        r.kind = parseSlug<RuptureKind>(a.kind);
    if (!a.markers.empty() || a.noMarkers)
        r.markers = a.markers;
    if (!a.newSalience.empty())
        r.salience = parseWholeNumber("--salience", a.newSalience, 1, 5);
    if (!a.newNoticedBy.empty())
        r.noticedBy = parseSlug<NoticedBy>(a.newNoticedBy);
    if (!a.category.empty() || a.noCategory)
        r.category = given(a.category);
    if (!a.note.empty() || a.noNote)
        r.note = given(a.note);
    work.amendRupture(id, r, a.reason);
    std::cout << "Amended rupture " << id << "; the earlier version is kept in its history\n";
}

void ruptureVoid(Workspace& work, const Args& a)
{
    const Id id = parseId("RUPTURE_ID", a.id);
    work.voidRupture(id, a.reason);
    std::cout << "Voided rupture " << id
              << "; it and its repair plans are kept in the history and no longer analysed\n";
}

void ruptureHistory(Workspace& work, const Args& a)
{
    const auto history = work.ruptureHistory(parseId("RUPTURE_ID", a.id));
    if (a.json) {
        print(ruptureHistoryJson(history));
        return;
    }
    if (history.empty())
        std::cout << "No corrections: the rupture is as first recorded.\n";
    for (const RuptureRevision& r : history)
        std::cout << toIso(r.revisedOn) << "  " << r.action << "  replaced " << slugOf(r.previous.kind)
                  << ", salience " << r.previous.salience << ", noticed by " << slugOf(r.previous.noticedBy)
                  << ", markers: " << markerList(r.previous.markers)
                  << (r.previous.category ? ", category " + shown(*r.previous.category) : "")
                  << (r.previousVoided ? ", which was void" : "") << "\n    reason: " << shown(r.reason)
                  << '\n';
}

void repairAmend(Workspace& work, const Args& a)
{
    const Id id = parseId("PLAN_ID", a.id);
    RepairPlanChanges plan = work.storedRepairPlan(id);
    if (!a.strategies.empty())
        plan.strategies = a.strategies;
    if (!a.steps.empty() || a.noSteps)
        plan.steps = a.steps;
    if (!a.due.empty() || a.noDue)
        plan.dueDate = optDate(a.due, "--due");
    if (!a.note.empty() || a.noNote)
        plan.note = given(a.note);
    if (!a.outcome.empty())
        plan.outcome = parseSlug<Outcome>(a.outcome);
    work.amendRepairPlan(id, plan, a.reason);
    std::cout << "Amended repair plan " << id << "; the earlier version is kept in its history\n";
}

void repairComment(Workspace& work, const Args& a)
{
    const Id plan = parseId("PLAN_ID", a.id);
    if (a.transitionPlan)
        work.addTransitionComment(plan, a.note, std::nullopt, a.signOff);
    else
        work.addPlanComment(plan, a.note, std::nullopt, a.signOff);
    std::cout << (a.signOff ? "Signed off " : "Comment added to ")
              << (a.transitionPlan ? "transition plan " : "repair plan ") << plan << '\n';
}

void repairComments(Workspace& work, const Args& a)
{
    const Id plan = parseId("PLAN_ID", a.id);
    const auto comments = a.transitionPlan ? work.transitionComments(plan) : work.planComments(plan);
    if (a.json) {
        print(planCommentsJson(comments));
        return;
    }
    if (comments.empty())
        std::cout << "No comments.\n";
    for (const auto& c : comments)
        std::cout << toIso(c.writtenOn) << ' ' << shown(c.author) << (c.signedOff ? " (signed off)" : "")
                  << ": " << shown(c.text) << '\n';
}

// --counselor NAME | --supervisor NAME | everyone, over [--from, --to] as of --as-of.
CaseloadReview review(Workspace& work, const Args& a)
{
    if (!a.counselor.empty() && !a.supervisor.empty())
        throw CLI::ValidationError("--counselor", "give --counselor or --supervisor, not both");
    ReviewScope scope;
    if (!a.counselor.empty())
        scope = {ReviewScope::Kind::Counselor, a.counselor};
    else if (!a.supervisor.empty())
        scope = {ReviewScope::Kind::Supervisor, a.supervisor};
    const ReviewPeriod period =
        reviewPeriod(referenceDate(a.asOf, "--as-of"), optDate(a.from, "--from"), optDate(a.to, "--to"));
    return work.reviewCaseload(scope, period);
}

std::string rateText(const RepairRate& r)
{
    if (r.closed == 0)
        return "none closed";
    char text[64];
    std::snprintf(text, sizeof text, "%d/%d (%.0f%%, 95%% CI %.0f-%.0f%%)", r.repaired, r.closed,
                  *r.value * 100, r.interval->low * 100, r.interval->high * 100);
    return text;
}

void printFigures(const ReviewFigures& f)
{
    std::cout << "  active clients " << f.activeClients << "; sessions " << f.sessions
              << ", rated by the client " << f.ratedSessions << '\n'
              << "  breaches opened " << f.breaches.opened << ": repaired " << f.breaches.repaired
              << ", unrepaired " << f.breaches.unrepaired << ", pending " << f.breaches.pending
              << "; repair rate " << rateText(f.repairRate)
              << (f.repairRate.closed < reviewMinimumCases ? " [few cases]" : "") << '\n'
              << "  drifting " << f.drifting << ", below cutoff " << f.belowCutoff << ", at the ceiling "
              << f.atCeiling << "; ruptures flagged " << f.rupturesFlagged << "; plans open " << f.plansOpen
              << ", overdue " << f.plansOverdue << '\n'
              << "  direction: improved " << f.improved << ", same " << f.same << ", worsened " << f.worsened
              << '\n';
    for (const LatestMean& m : f.latest) {
        std::cout << "  latest " << spec(m.instrument).slug << ": mean " << number(m.mean, 1) << " of "
                  << m.n;
        if (m.interval)
            std::cout << " (95% CI " << number(m.interval->low, 1) << "-" << number(m.interval->high, 1)
                      << ")";
        std::cout << (m.smallN ? " [fewer than 15 clients: not dependable]" : "") << '\n';
    }
}

void caseload(Workspace& work, const Args& a)
{
    const CaseloadReview r = review(work, a);
    if (a.json) {
        print(caseloadReviewJson(r));
        return;
    }
    std::cout << "Caseload review " << toIso(r.period.from) << " to " << toIso(r.period.to) << " (as of "
              << toIso(r.period.asOf) << ")\n";
    for (const CounselorReview& k : r.counselors) {
        std::cout << '\n' << shown(k.name);
        if (k.band)
            std::cout << " -- repair rate " << slugOf(*k.band) << " the team's funnel limits";
        std::cout << '\n';
        printFigures(k.figures);
    }
    std::cout << "\nAll of them\n";
    printFigures(r.team);
}

void trends(Workspace& work, const Args& a)
{
    const CaseloadReview r = review(work, a);
    if (a.json) {
        print(trendsJson(r));
        return;
    }
    std::cout
        << "Week      Monday      Ratings  SRS   WAI-SR  BGT   Breaches+  Repaired  Ruptures  Plans closed\n";
    for (const WeekFigures& w : r.weeks) {
        const auto mean = [&](Instrument i) { return w.mean(i) ? number(*w.mean(i), 1) : std::string("-"); };
        char line[160];
        std::snprintf(line, sizeof line, "%-9s %s %7d  %-5s %-7s %-5s %9d %9d %9d %13d%s\n",
                      w.label().c_str(), toIso(w.start).c_str(), w.ratings, mean(Instrument::Srs).c_str(),
                      mean(Instrument::WaiSr).c_str(), mean(Instrument::Bgt).c_str(), w.breachesOpened,
                      w.breachesRepaired, w.rupturesFlagged, w.plansClosed,
                      w.partial ? "  (part of the week)" : "");
        std::cout << line;
    }
}

void repairHistory(Workspace& work, const Args& a)
{
    const auto history = work.repairPlanHistory(parseId("PLAN_ID", a.id));
    if (a.json) {
        print(repairPlanHistoryJson(history));
        return;
    }
    if (history.empty())
        std::cout << "No corrections: the plan is as first recorded.\n";
    for (const RepairPlanRevision& r : history) {
        std::cout << toIso(r.revisedOn)
                  << "  amend  replaced strategies: " << markerList(r.previous.strategies) << "; "
                  << r.previous.steps.size() << " step(s)"
                  << (r.previous.dueDate ? "; due " + toIso(*r.previous.dueDate) : "")
                  << (r.previous.outcome ? "; outcome " + slug(*r.previous.outcome) : "") << '\n';
        for (const auto& step : r.previous.steps)
            std::cout << "    - " << shown(step) << '\n';
        std::cout << "    reason: " << shown(r.reason) << '\n';
    }
}

void repairClose(Workspace& work, const Args& a)
{
    const Id plan = parseId("PLAN_ID", a.id);
    std::optional<SessionRef> followUp;
    if (!a.session.empty())
        followUp = parseSession("--session", a.session);
    work.closeRepair(plan, parseSlug<Outcome>(a.outcome), followUp);
    std::cout << "Closed repair plan " << plan << ": " << a.outcome << '\n';
}

void listCatalogue(Workspace& work, const std::string& kind, bool asJson)
{
    const auto entries = work.catalogue(kind);
    if (asJson) {
        json list = json::array();
        for (const auto& e : entries)
            list.push_back({{"slug", e.slug}, {"label", e.label}, {"group", e.group}});
        print(list);
        return;
    }
    for (const auto& e : entries)
        std::cout << shown(e.slug) << '\t' << shown(e.label) << '\t' << shown(e.group) << '\n';
}

void showClient(Workspace& work, const Args& a)
{
    const ClientDetail d = work.clientDetail(a.code);
    if (a.json) {
        print(clientDetailJson(d));
        return;
    }
    std::cout << "Client " << shown(d.client.code) << " (" << slugOf(d.client.status) << "), counselor "
              << shown(d.client.counselorName) << ", since " << toIso(d.client.startDate) << ", every "
              << d.client.cadenceDays << " days\n";
    std::cout << "\nSessions:\n";
    for (const auto& s : d.sessions) {
        std::cout << "  " << s.number << "  " << toIso(s.date);
        for (const auto& r : s.ratings)
            std::cout << "  " << spec(r.score.instrument).slug << "/" << slugOf(r.rater) << " "
                      << scoreValue(r.score.instrument, r.score.totalTenths).dump()
                      << (r.revisions > 0 ? " (amended)" : "");
        for (const auto& r : s.voidedRatings)
            std::cout << "  " << spec(r.score.instrument).slug << "/" << slugOf(r.rater) << " void";
        std::cout << '\n';
    }
    std::cout << "\nRuptures:" << (d.ruptures.empty() ? " none\n" : "\n");
    for (const auto& r : d.ruptures) {
        std::cout << "  #" << r.id << " session " << r.sessionNumber << ", " << slugOf(r.kind)
                  << ", salience " << r.salience << ", noticed by " << slugOf(r.noticedBy);
        for (const auto& m : r.markers)
            std::cout << (&m == &r.markers.front() ? "; markers: " : ", ") << m;
        std::cout << (r.revisions > 0 ? " (amended)" : "") << '\n';
    }
    for (const auto& r : d.voidedRuptures)
        std::cout << "  #" << r.id << " session " << r.sessionNumber << ", void (see rupture history)\n";
    std::cout << "\nRepair plans:" << (d.plans.empty() ? " none\n" : "\n");
    for (const auto& p : d.plans) {
        std::cout << "  #" << p.id << " for rupture #" << p.ruptureId << ", " << slugOf(p.status);
        if (p.outcome)
            std::cout << " (" << slugOf(*p.outcome) << ")";
        if (p.dueDate)
            std::cout << ", due " << toIso(*p.dueDate);
        for (const auto& s : p.strategies)
            std::cout << (&s == &p.strategies.front() ? "; strategies: " : ", ") << s;
        std::cout << (p.revisions > 0 ? " (amended)" : "") << '\n';
        for (const auto& c : p.comments)
            std::cout << "      " << toIso(c.writtenOn) << " " << shown(c.author) << ": " << shown(c.text)
                      << '\n';
    }
}

void scoreCommand(const Args& a)
{
    const Instrument instrument = instrumentFromSlug(a.instrument);
    requireOneOf("--comparator", a.comparator, {"<", "<="});
    const Score s = score(instrument, parseItems(instrument, a.items));
    print(scoreJson(s, a.comparator == "<" ? Comparator::Less : Comparator::LessOrEqual));
}

void trajectory(Workspace& work, const Args& a)
{
    TrajectoryRequest request;
    request.rule = ruleFromSlug(a.rule);
    if (!a.instrument.empty())
        request.instrument = instrumentFromSlug(a.instrument);
    request.rater = parseSlug<Rater>(a.rater);
    request.asOf = referenceDate(a.asOf, "--as-of");
    if (!a.sd.empty())
        request.sd = parseDecimal("--sd", a.sd);
    if (!a.reliability.empty())
        request.reliability = parseDecimal("--reliability", a.reliability);
    if (!a.z.empty())
        request.z = parseDecimal("--z", a.z);
    if (!a.window.empty())
        request.window = parseWholeNumber("--window", a.window, 1, 20);
    const ClientDetail detail = work.clientDetail(a.code);
    const TrajectoryReport report = buildTrajectory(
        detail, request, [&work](Instrument i, const std::string& d) { return work.analysisParams(i, d); });
    if (a.json) {
        print(trajectoryJson(report));
        return;
    }
    std::cout << "Client " << shown(report.clientCode) << ", " << spec(report.instrument).slug
              << " rated by the " << slugOf(report.rater) << ", " << report.points.size() << " sessions\n"
              << describeRule(report.rule, report.params) << "\n\n";
    for (std::size_t k = 0; k < report.points.size(); ++k)
        std::cout << "  " << report.points[k].sessionNumber << "  " << toIso(report.points[k].date) << "  "
                  << scoreValue(report.instrument, report.points[k].score.totalTenths).dump() << "  "
                  << phaseSlug(report.total.phases[k]) << '\n';
    std::cout << "\nEpisodes:" << (report.total.episodes.empty() ? " none\n" : "\n");
    for (const auto& e : report.total.episodes)
        std::cout << "  onset session " << report.sessionAt(e.onset) << ", " << statusSlug(e.status) << '\n';
    if (!report.total.losses.empty()) {
        std::cout << "Sudden losses at sessions ";
        for (const SuddenLoss& loss : report.total.losses)
            std::cout << (&loss == &report.total.losses.front() ? "" : ", ") << report.sessionAt(loss.onset)
                      << " (-"
                      << scoreValue(report.instrument, static_cast<int>(std::lround(loss.drop * 10))).dump()
                      << ")";
        std::cout << '\n';
    }
    std::cout << "Pattern: " << patternSlug(report.pattern) << '\n';
    for (const auto& f : report.flags)
        std::cout << "! " << f.reason << "\n    -> " << f.suggestion << '\n';
}

void alerts(Workspace& work, const Args& a)
{
    const auto list = work.activeAlerts(given(a.counselor), referenceDate(a.asOf, "--as-of"));
    if (a.json) {
        json out = json::array();
        for (const auto& alert : list)
            out.push_back(alertJson(alert));
        print(out);
        return;
    }
    if (list.empty())
        std::cout << "No open alerts.\n";
    for (const auto& alert : list)
        std::cout << shown(alert.id) << "\n  " << alert.flag.reason << "\n  -> " << alert.flag.suggestion
                  << '\n';
}

void alertAck(Workspace& work, const Args& a)
{
    std::optional<int> snooze;
    if (!a.snoozeDays.empty())
        snooze = parseWholeNumber("--snooze-days", a.snoozeDays, 1, 365);
    work.acknowledgeAlert(a.id, a.reason, snooze, referenceDate(a.asOf, "--as-of"));
    std::cout << "Acknowledged " << shown(a.id)
              << (snooze ? " (snoozed " + std::to_string(*snooze) + " days)" : "") << '\n';
}

void sessionReport(Workspace& work, const Args& a)
{
    requireOneOf("--tension", a.tension, {"yes", "no"});
    PostSessionReport report;
    report.tension = a.tension == "yes";
    if (!a.intensity.empty())
        report.intensity = parseWholeNumber("--intensity", a.intensity, 1, 5);
    if (!a.resolution.empty())
        report.resolution = parseWholeNumber("--resolution", a.resolution, 1, 5);
    work.recordPostSessionReport(a.code, parseSession("--session", a.session), report, given(a.reason));
    std::cout << "Recorded the client's post-session report\n";
}

void transitionPlan(Workspace& work, const Args& a)
{
    NewTransitionPlan plan;
    plan.clientCode = a.code;
    if (!a.rupture.empty())
        plan.ruptureId = parseId("--rupture", a.rupture);
    plan.referralAgency = given(a.referral);
    plan.nextSteps = given(a.nextSteps);
    plan.policyReviewed = a.policyReviewed;
    plan.dialogueHeld = a.dialogueHeld;
    plan.supervisorInvited = a.supervisorInvited;
    std::cout << work.planTransition(plan) << '\n';
}

// ---- the command line ------------------------------------------------------------------------

using Action = std::function<void(Args&)>;

struct Parser {
    CLI::App app{"Alliance Tracker: the working alliance, session by session", "alliance"};
    Args args;
    Action action;

    CLI::App* command(CLI::App* parent, const std::string& name, const std::string& help, Action run)
    {
        CLI::App* sub = parent->add_subcommand(name, help);
        sub->callback([this, run] { action = run; });
        return sub;
    }
    void repeatable(CLI::App* sub, const std::string& name, std::vector<std::string>& into,
                    const std::string& help)
    {
        sub->add_option(name, into, help)->allow_extra_args(false)->type_size(1);
    }
};

std::string databasePath(const Args& a)
{
    return a.db.empty() ? defaultDatabasePath() : a.db;
}

// A clock that runs behind the records would misdate every new session and every "as of" today.
void warnAboutClock(Store& store)
{
    const auto newest = store.newestRecordDate();
    if (newest && *newest > today() + boost::gregorian::days(1))
        std::cerr << "alliance: warning: the system clock says " << toIso(today())
                  << " but the newest session is dated " << toIso(*newest) << "; check the computer's date\n";
}

// Who runs the command: --user, else $ALLIANCE_USER.
std::string userName(const Args& a)
{
    if (!a.user.empty())
        return a.user;
    if (const char* user = std::getenv("ALLIANCE_USER"))
        return user;
    throw UsageError("sign in with --user NAME (or set ALLIANCE_USER)");
}

std::string password(const Args& a)
{
    return secret("ALLIANCE_PASSWORD", "Password for " + printable(userName(a)));
}

// The open database and the signed-in account's workspace on it.
struct SignedIn {
    std::unique_ptr<Store> store;
    std::unique_ptr<Workspace> work;
};

SignedIn signIn(const Args& a)
{
    SignedIn session;
    const std::string user = userName(a); // usage errors before the file is touched
    session.store = std::make_unique<Store>(databasePath(a), OpenMode::MustExist);
    session.work = std::make_unique<Workspace>(Workspace::signIn(*session.store, user, password(a)));
    warnAboutClock(*session.store);
    return session;
}

// init and demo: when this command made the file and then failed, take the file away again.
void runCreating(const Args& a, const std::function<void(Store&)>& work)
{
    auto store = std::make_unique<Store>(databasePath(a), OpenMode::CreateIfMissing);
    const bool created = store->createdFile();
    try {
        work(*store);
    } catch (...) {
        store.reset();
        if (created)
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                std::remove((databasePath(a) + suffix).c_str());
        throw;
    }
}

// Wraps a command that needs a signed-in account (see build's withStore).
using WorkspaceCommand = std::function<Action(void (*)(Workspace&, const Args&))>;
void addSecurityCommands(Parser& p, const WorkspaceCommand& signedIn);
void addExchangeCommands(Parser& p, const WorkspaceCommand& signedIn);

void build(Parser& p)
{
    Args& a = p.args;
    CLI::App& app = p.app;
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--db", a.db, "database file (default: $ALLIANCE_DB, else the user's data directory)");
    app.add_option("--user", a.user,
                   "sign in as NAME (default: $ALLIANCE_USER; password: $ALLIANCE_PASSWORD "
                   "or asked on the terminal)");
    // Every command but init, demo and score signs in; reading a client is recorded in the audit
    // trail, so readers open the database for writing too.
    const auto withStore = [](void (*f)(Workspace&, const Args&)) {
        return [f](Args& args) {
            SignedIn session = signIn(args);
            f(*session.work, args);
        };
    };
    const auto reading = withStore;

    CLI::App* init = p.command(
        &app, "init", "create the database (or upgrade it) with its first admin, --user", [](Args& args) {
            const std::string user = userName(args);
            runCreating(args, [&args, &user](Store& store) {
                if (!security::hasAccounts(store)) {
                    const Role role = parseSlug<Role>(args.initRole, "--role");
                    const std::string pw =
                        secret("ALLIANCE_PASSWORD", "New password for " + printable(user), true);
                    const std::string recovery =
                        security::initialize(store, {user, role, std::nullopt, true}, pw);
                    std::cout
                        << "Recovery key (shown once; keep it on paper, away from this computer -- it opens\n"
                           "the database if every admin password is lost):\n  "
                        << recovery << "\n";
                }
                std::cout << "Database ready at " << shown(databasePath(args)) << " (schema version "
                          << schemaVersion(store.connection()) << ")\n";
            });
        });
    init->add_option("--role", a.initRole,
                     "the first admin's clinical role: admin (none, default) | counselor | supervisor");

    CLI::App* counselor =
        app.add_subcommand("counselor", "counselors and supervisors")->require_subcommand(1);
    CLI::App* counselorAdd =
        p.command(counselor, "add", "add a counselor", withStore([](Workspace& s, const Args& x) {
                      const Id id = s.addCounselor(x.name, parseSlug<Role>(x.role), given(x.supervisor));
                      std::cout << "Added counselor " << id << '\n';
                  }));
    counselorAdd->add_option("NAME", a.name, "full name")->required();
    counselorAdd->add_option("--role", a.role, "counselor | supervisor | admin");
    counselorAdd->add_option("--supervisor", a.supervisor, "the supervisor's name");

    CLI::App* client = app.add_subcommand("client", "clients")->require_subcommand(1);
    CLI::App* clientAdd = p.command(client, "add", "add a client", withStore([](Workspace& s, const Args& x) {
                                        NewClient c;
                                        c.code = x.code;
                                        c.counselorName = x.counselor;
                                        c.displayName = given(x.displayName);
                                        c.startDate = optDate(x.start, "--start");
                                        c.cadenceDays = parseWholeNumber("--cadence-days", x.cadence, 1, 365);
                                        s.addClient(c);
                                        std::cout << "Added client " << x.code << '\n';
                                    }));
    clientAdd->add_option("CODE", a.code, "pseudonymous client code, unique")->required();
    clientAdd->add_option("--counselor", a.counselor, "the counselor's name")->required();
    clientAdd->add_option("--name", a.displayName, "optional display name");
    clientAdd->add_option("--start", a.start, "start date YYYY-MM-DD (default: today)");
    clientAdd->add_option("--cadence-days", a.cadence, "planned days between sessions (default 7)");
    CLI::App* clientListCmd = p.command(client, "list", "list clients", reading(clientList));
    clientListCmd->add_option("--counselor", a.counselor, "only this counselor's clients");
    clientListCmd->add_flag("--json", a.json, "print JSON");

    CLI::App* session = app.add_subcommand("session", "sessions and ratings")->require_subcommand(1);
    CLI::App* log = p.command(session, "log", "log a session's rating", withStore(sessionLog));
    log->add_option("CLIENT", a.code, "client code")->required();
    log->add_option("--date", a.date, "session date YYYY-MM-DD")->required();
    log->add_option("--wai-sr", a.waiSr, "12 items, 1..5");
    log->add_option("--srs", a.srs, "relationship, goals, approach, overall: 0.0..10.0");
    log->add_option("--bgt", a.bgt, "bond, goal, task: 0.0..10.0");
    log->add_option("--rater", a.rater, "client | counselor | observer (default client)");
    log->add_option("--note", a.note, "session note");
    log->add_option("--duration", a.duration, "minutes");
    CLI::App* amend =
        p.command(session, "amend", "correct a rating's items, with a reason (the earlier version is kept)",
                  withStore(sessionAmend));
    amend->add_option("CLIENT", a.code, "client code")->required();
    amend->add_option("--session", a.session, "session number or date YYYY-MM-DD")->required();
    amend->add_option("--wai-sr", a.waiSr, "the corrected 12 items, 1..5");
    amend->add_option("--srs", a.srs, "the corrected four lines, 0.0..10.0");
    amend->add_option("--bgt", a.bgt, "the corrected bond, goal, task: 0.0..10.0");
    amend->add_option("--rater", a.rater, "client | counselor | observer (default client)");
    amend->add_option("--reason", a.reason, "why it is corrected")->required();
    CLI::App* voidCmd =
        p.command(session, "void", "take a rating out of the analysis, with a reason (it is kept)",
                  withStore(sessionVoid));
    voidCmd->add_option("CLIENT", a.code, "client code")->required();
    voidCmd->add_option("--session", a.session, "session number or date YYYY-MM-DD")->required();
    voidCmd->add_option("--instrument", a.instrument, "wai-sr | srs | bgt")->required();
    voidCmd->add_option("--rater", a.rater, "client | counselor | observer (default client)");
    voidCmd->add_option("--reason", a.reason, "why it is void")->required();
    CLI::App* historyCmd =
        p.command(session, "history", "a rating's corrections, each with the version it replaced",
                  reading(sessionHistory));
    historyCmd->add_option("CLIENT", a.code, "client code")->required();
    historyCmd->add_option("--session", a.session, "session number or date YYYY-MM-DD")->required();
    historyCmd->add_option("--instrument", a.instrument, "wai-sr | srs | bgt")->required();
    historyCmd->add_option("--rater", a.rater, "client | counselor | observer (default client)");
    historyCmd->add_flag("--json", a.json, "print JSON");
    CLI::App* report =
        p.command(session, "report", "record the client's post-session report", withStore(sessionReport));
    report->add_option("CLIENT", a.code)->required();
    report->add_option("--session", a.session, "session number or date YYYY-MM-DD")->required();
    report->add_option("--tension", a.tension, "yes | no")->required();
    report->add_option("--intensity", a.intensity, "1..5, with tension");
    report->add_option("--resolution", a.resolution, "1..5, with tension");
    report->add_option("--reason", a.reason, "why an existing report is replaced (it is kept)");

    CLI::App* rupture = app.add_subcommand("rupture", "ruptures")->require_subcommand(1);
    CLI::App* flag = p.command(rupture, "flag", "flag a rupture; prints its id", withStore(ruptureFlag));
    flag->add_option("CLIENT", a.code)->required();
    flag->add_option("--session", a.session, "session number or date YYYY-MM-DD")->required();
    flag->add_option("--kind", a.kind, "withdrawal | confrontation")->required();
    p.repeatable(flag, "--marker", a.markers, "marker slug (repeatable)");
    flag->add_option("--salience", a.salience, "1..5 (default 3)");
    flag->add_option("--noticed-by", a.noticedBy, "client-score | counselor | client-report | supervisor");
    flag->add_option("--category", a.category, "challenge category slug");
    flag->add_option("--note", a.note);
    CLI::App* ruptureAmendCmd =
        p.command(rupture, "amend", "correct a rupture's details (what is not given stays); needs a reason",
                  withStore(ruptureAmend));
    ruptureAmendCmd->add_option("RUPTURE_ID", a.id)->required();
    ruptureAmendCmd->add_option("--kind", a.kind, "withdrawal | confrontation");
    p.repeatable(ruptureAmendCmd, "--marker", a.markers, "marker slug (repeatable; replaces the markers)");
    ruptureAmendCmd->add_flag("--no-markers", a.noMarkers, "take every marker away");
    ruptureAmendCmd->add_option("--salience", a.newSalience, "1..5");
    ruptureAmendCmd->add_option("--noticed-by", a.newNoticedBy,
                                "client-score | counselor | client-report | supervisor");
    ruptureAmendCmd->add_option("--category", a.category, "challenge category slug");
    ruptureAmendCmd->add_flag("--no-category", a.noCategory, "take the category away");
    ruptureAmendCmd->add_option("--note", a.note, "the corrected note");
    ruptureAmendCmd->add_flag("--no-note", a.noNote, "take the note away");
    ruptureAmendCmd->add_option("--reason", a.reason, "why it is corrected")->required();
    CLI::App* ruptureVoidCmd = p.command(
        rupture, "void", "void a rupture flagged by mistake (kept, no longer analysed, with its plans)",
        withStore(ruptureVoid));
    ruptureVoidCmd->add_option("RUPTURE_ID", a.id)->required();
    ruptureVoidCmd->add_option("--reason", a.reason, "why it is void")->required();
    CLI::App* ruptureHistoryCmd =
        p.command(rupture, "history", "earlier versions of a rupture, oldest first", reading(ruptureHistory));
    ruptureHistoryCmd->add_option("RUPTURE_ID", a.id)->required();
    ruptureHistoryCmd->add_flag("--json", a.json, "print JSON");
    p.command(rupture, "markers", "list rupture markers",
              reading([](Workspace& s, const Args& x) { listCatalogue(s, "marker", x.json); }))
        ->add_flag("--json", a.json);
    p.command(rupture, "categories", "list challenge categories",
              reading([](Workspace& s, const Args& x) { listCatalogue(s, "category", x.json); }))
        ->add_flag("--json", a.json);

    CLI::App* repair = app.add_subcommand("repair", "repair plans")->require_subcommand(1);
    CLI::App* plan = p.command(repair, "plan", "plan a repair; prints its id", withStore(repairPlan));
    plan->add_option("RUPTURE_ID", a.id)->required();
    p.repeatable(plan, "--strategy", a.strategies, "strategy slug (repeatable)");
    p.repeatable(plan, "--step", a.steps, "a step in your own words (repeatable)");
    plan->add_option("--due", a.due, "due date YYYY-MM-DD");
    plan->add_option("--note", a.note);
    CLI::App* close = p.command(repair, "close", "close a repair plan", withStore(repairClose));
    close->add_option("PLAN_ID", a.id)->required();
    close->add_option("--outcome", a.outcome, "resolved | partly | unresolved | transferred")->required();
    close->add_option("--session", a.session, "follow-up session: number or date YYYY-MM-DD");
    CLI::App* repairAmendCmd =
        p.command(repair, "amend", "correct a repair plan (what is not given stays); needs a reason",
                  withStore(repairAmend));
    repairAmendCmd->add_option("PLAN_ID", a.id)->required();
    p.repeatable(repairAmendCmd, "--strategy", a.strategies,
                 "strategy slug (repeatable; replaces the strategies)");
    p.repeatable(repairAmendCmd, "--step", a.steps,
                 "a step in your own words (repeatable; replaces the steps)");
    repairAmendCmd->add_flag("--no-steps", a.noSteps, "take every step away");
    repairAmendCmd->add_option("--due", a.due, "due date YYYY-MM-DD");
    repairAmendCmd->add_flag("--no-due", a.noDue, "take the due date away");
    repairAmendCmd->add_option("--note", a.note, "the corrected note");
    repairAmendCmd->add_flag("--no-note", a.noNote, "take the note away");
    repairAmendCmd->add_option("--outcome", a.outcome, "a closed plan's corrected outcome");
    repairAmendCmd->add_option("--reason", a.reason, "why it is corrected")->required();
    CLI::App* repairCommentCmd =
        p.command(repair, "comment",
                  "comment on a repair plan as the signed-in person (or sign it off, as a supervisor)",
                  withStore(repairComment));
    repairCommentCmd->add_option("PLAN_ID", a.id)->required();
    repairCommentCmd->add_option("--text", a.note, "the comment")->required();
    repairCommentCmd->add_flag("--sign-off", a.signOff,
                               "sign the plan off (the counselor's supervisor or an admin)");
    repairCommentCmd->add_flag("--transition", a.transitionPlan, "PLAN_ID is a transition plan's id");
    CLI::App* repairCommentsCmd = p.command(
        repair, "comments", "a plan's comments and sign-offs, oldest first", reading(repairComments));
    repairCommentsCmd->add_option("PLAN_ID", a.id)->required();
    repairCommentsCmd->add_flag("--transition", a.transitionPlan, "PLAN_ID is a transition plan's id");
    repairCommentsCmd->add_flag("--json", a.json, "print JSON");
    CLI::App* repairHistoryCmd = p.command(
        repair, "history", "earlier versions of a repair plan, oldest first", reading(repairHistory));
    repairHistoryCmd->add_option("PLAN_ID", a.id)->required();
    repairHistoryCmd->add_flag("--json", a.json, "print JSON");
    p.command(repair, "strategies", "list repair strategies",
              reading([](Workspace& s, const Args& x) { listCatalogue(s, "strategy", x.json); }))
        ->add_flag("--json", a.json);
    CLI::App* transition = p.command(repair, "transition", "when repair is not possible: plan the transition",
                                     withStore(transitionPlan));
    transition->add_option("CLIENT", a.code)->required();
    transition->add_option("--rupture", a.rupture, "the rupture id");
    transition->add_option("--referral", a.referral, "referral agency name");
    transition->add_option("--next-steps", a.nextSteps, "next steps agreed with the client");
    transition->add_flag("--policy-reviewed", a.policyReviewed);
    transition->add_flag("--dialogue-held", a.dialogueHeld);
    transition->add_flag("--supervisor-invited", a.supervisorInvited);

    CLI::App* referral = app.add_subcommand("referral", "the agency's referral list")->require_subcommand(1);
    CLI::App* referralAdd = p.command(
        referral, "add", "add a referral agency", withStore([](Workspace& s, const Args& x) {
            std::cout << s.addReferralAgency({0, x.name, given(x.services), given(x.contact)}) << '\n';
        }));
    referralAdd->add_option("NAME", a.name)->required();
    referralAdd->add_option("--services", a.services);
    referralAdd->add_option("--contact", a.contact);
    p.command(referral, "list", "list referral agencies", reading([](Workspace& s, const Args&) {
                  for (const auto& r : s.referralAgencies())
                      std::cout << shown(r.name) << '\t' << shown(r.services.value_or("")) << '\t'
                                << shown(r.contact.value_or("")) << '\n';
              }));

    CLI::App* show =
        p.command(&app, "show", "a client's sessions, scores, ruptures and plans", reading(showClient));
    show->add_option("CLIENT", a.code)->required();
    show->add_flag("--json", a.json);

    CLI::App* scoreCmd = p.command(&app, "score", "score items without a database; prints JSON",
                                   [](Args& x) { scoreCommand(x); });
    scoreCmd->add_option("--instrument", a.instrument, "wai-sr | srs | bgt")->required();
    scoreCmd->add_option("--items", a.items, "comma-separated item values")->required();
    scoreCmd->add_option("--comparator", a.comparator, "SRS cutoff comparison: < (default) or <=");

    CLI::App* demo = p.command(&app, "demo", "fill a new database with a synthetic caseload", [](Args& x) {
        // Every argument is checked before a file is made.
        DemoOptions options;
        options.clients = parseWholeNumber("--clients", x.clients, 1, 2000);
        options.seed = static_cast<std::uint32_t>(parseWholeNumber("--seed", x.seed, 0, 999999999));
        options.today = optDate(x.today, "--today");
        validateDemoOptions(options);
        runCreating(x, [&options](Store& store) {
            const DemoSummary s = fillDemo(store, options);
            std::cout << "Demo caseload: " << s.counselors << " counselors, " << s.clients << " clients, "
                      << s.sessions << " sessions, " << s.ruptures << " ruptures flagged\n";
            if (!s.recoveryKey.empty())
                std::cout
                    << "Every demo person signs in with the password '" << demoPassword
                    << "' (Robin Admin: admin; Morgan Ellis, Priya Shah: supervisors; Alex Rivera and the "
                       "others: counselors).\nRecovery key: "
                    << s.recoveryKey << "\n";
        });
    });
    demo->add_option("--clients", a.clients, "how many clients (default 96)");
    demo->add_option("--seed", a.seed, "random seed (default 1)");
    demo->add_option("--today", a.today, "the demo's today YYYY-MM-DD (default: today)");

    CLI::App* traj =
        p.command(&app, "trajectory", "developments, breaches and repairs of a client", reading(trajectory));
    traj->add_option("CLIENT", a.code)->required();
    traj->add_option("--instrument", a.instrument, "wai-sr | srs | bgt (default: the most rated)");
    traj->add_option("--rater", a.rater, "client (default) | counselor | observer");
    traj->add_option("--rule", a.rule, "rr1 (default) | v1 | v2 | sudden-loss");
    traj->add_option("--sd", a.sd, "override the stored SD");
    traj->add_option("--reliability", a.reliability, "override the stored reliability");
    traj->add_option("--z", a.z, "override z (default 1.96)");
    traj->add_option("--window", a.window, "override the repair window in sessions");
    traj->add_option("--as-of", a.asOf, "date for drift and due dates (default: today)");
    traj->add_flag("--json", a.json);

    for (const bool weekly : {false, true}) {
        CLI::App* reviewCmd =
            weekly ? p.command(&app, "trends", "weekly ratings, breaches, ruptures and plans (ISO weeks)",
                               reading(trends))
                   : p.command(&app, "caseload", "the supervisor's review of a caseload over a period",
                               reading(caseload));
        reviewCmd->add_option("--counselor", a.counselor, "one counselor's caseload");
        reviewCmd->add_option("--supervisor", a.supervisor, "a supervisor's team (and their own clients)");
        reviewCmd->add_option("--from", a.from, "first day YYYY-MM-DD (default: 12 weeks before --to)");
        reviewCmd->add_option("--to", a.to, "last day YYYY-MM-DD (default: the as-of date)");
        reviewCmd->add_option("--as-of", a.asOf, "what was on record that day (default: today)");
        reviewCmd->add_flag("--json", a.json, "print JSON");
    }
    CLI::App* alertsCmd = p.command(&app, "alerts", "the alerts worklist", reading(alerts));
    alertsCmd->add_option("--counselor", a.counselor);
    alertsCmd->add_option("--as-of", a.asOf);
    alertsCmd->add_flag("--json", a.json);
    CLI::App* alert = app.add_subcommand("alert", "act on an alert")->require_subcommand(1);
    CLI::App* ack = p.command(alert, "ack", "acknowledge or snooze an alert", withStore(alertAck));
    ack->add_option("ID", a.id)->required();
    ack->add_option("--reason", a.reason, "what was done or why")->required();
    ack->add_option("--snooze-days", a.snoozeDays, "hide for N days, 1..365");
    ack->add_option("--as-of", a.asOf);
    addSecurityCommands(p, withStore);
    addExchangeCommands(p, withStore);
}

void printAccounts(const std::vector<security::Account>& accounts, bool asJson)
{
    if (asJson) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& account : accounts)
            list.push_back(
                {{"name", account.name},
                 {"role", slug(account.role)},
                 {"supervisor", account.supervisorName ? nlohmann::json(*account.supervisorName) : nullptr},
                 {"admin", account.admin},
                 {"disabled", account.disabled},
                 {"must_change_password", account.mustChangePassword},
                 {"failed_attempts", account.failedAttempts},
                 {"locked_until", account.lockedUntil}});
        print(list);
        return;
    }
    for (const auto& account : accounts)
        std::cout << printable(account.name) << "  " << slug(account.role) << (account.admin ? ", admin" : "")
                  << (account.disabled ? ", disabled" : "")
                  << (account.mustChangePassword ? ", must change password" : "") << '\n';
}

void printAudit(const std::vector<security::AuditEntry>& entries, bool asJson)
{
    const auto opt = [](const std::optional<std::string>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json();
    };
    if (asJson) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : entries)
            list.push_back({{"id", e.id},
                            {"at", e.at},
                            {"actor", e.actor},
                            {"action", e.event.action},
                            {"client", opt(e.event.clientCode)},
                            {"target", opt(e.event.target)},
                            {"detail", opt(e.event.detail)},
                            {"pending", e.pending}});
        print(list);
        return;
    }
    for (const auto& e : entries)
        std::cout << (e.pending ? "pending" : std::to_string(e.id)) << "  " << e.at << "  "
                  << printable(e.actor) << "  " << e.event.action
                  << (e.event.clientCode ? "  " + printable(*e.event.clientCode) : "")
                  << (e.event.target ? "  " + printable(*e.event.target) : "")
                  << (e.event.detail ? "  (" + printable(*e.event.detail) + ")" : "") << '\n';
}

// alliance import, export, backup and restore
void addExchangeCommands(Parser& p, const WorkspaceCommand& signedIn)
{
    Args& a = p.args;
    CLI::App* import =
        p.command(&p.app, "import",
                  "import CSV files of counselors, clients, ratings, ruptures or plans "
                  "(all or nothing; see the README for the columns)",
                  signedIn([](Workspace& w, const Args& x) { importFiles(w, x.files, x.dryRun); }));
    import->add_option("FILE", a.files, "CSV files, read in the order given")->required();
    import->add_flag("--dry-run", a.dryRun, "check every line and report; write nothing");

    CLI::App* exportCmd =
        p.command(&p.app, "export", "export records as CSV (what you may see; recorded in the audit trail)",
                  signedIn([](Workspace& w, const Args& x) {
                      exportRecords(w, x.exportKind, x.out, {given(x.counselor), given(x.code), x.withNames});
                  }));
    exportCmd
        ->add_option(
            "KIND", a.exportKind,
            "counselors | clients | ratings | ruptures | plans | all (CSV) | fhir (an HL7 FHIR R4 bundle)")
        ->required();
    exportCmd->add_option("--out", a.out, "the file (default: standard output); for all, a folder");
    exportCmd->add_option("--counselor", a.counselor, "only this counselor's clients");
    exportCmd->add_option("--client", a.code, "fhir: only this client");
    exportCmd->add_flag("--with-names", a.withNames,
                        "fhir: the clients' display names too (default: codes only)");

    CLI::App* report = p.command(
        &p.app, "report",
        "write a client's supervision pack (a PDF with the trajectory chart, episodes, ruptures and repairs)",
        [](Args& x) {
            PackRequest request{databasePath(x), userName(x),    "",        x.code, x.out,
                                x.asOf,          x.deidentified, x.withText};
            if (x.withText && !x.deidentified)
                throw CLI::ValidationError("--with-text",
                                           "is for a --deidentified pack (a full one has the text)");
            request.password = password(x);
            if (const int status = supervisionPack(request); status != 0)
                throw PackFailed(status);
        });
    report->add_option("CLIENT", a.code, "client code")->required();
    report->add_option("--pdf", a.out, "the PDF file to write")->required();
    report->add_flag("--deidentified", a.deidentified, "the client's code only: no names, no free text");
    report->add_flag("--with-text", a.withText, "with --deidentified: notes, steps and comments too");
    report->add_option("--as-of", a.asOf, "the day the analysis runs as of (default: today)");

    CLI::App* backup =
        p.command(&p.app, "backup", "copy the database to a new file while it is in use (an admin's)",
                  signedIn([](Workspace& w, const Args& x) {
                      w.backupTo(x.file);
                      std::cout << "Backed up to " << printable(x.file) << '\n';
                  }));
    backup->add_option("FILE", a.file, "the new file (never replaces one)")->required();

    CLI::App* restore = p.command(
        &p.app, "restore",
        "replace the database with a backup after checking it (an admin of the backup; close the app first)",
        [](Args& x) {
            const std::string user = userName(x);
            const std::string pw = password(x);
            exchange::restoreDatabase(x.file, databasePath(x), [&](Store& restored) {
                Workspace::signIn(restored, user, pw).admitRestore();
            });
            std::cout << "Restored " << printable(databasePath(x)) << " from " << printable(x.file) << '\n';
        });
    restore->add_option("FILE", a.file, "the backup")->required();
}

// alliance account ... and alliance audit ...
void addSecurityCommands(Parser& p, const WorkspaceCommand& signedIn)
{
    Args& a = p.args;
    CLI::App* account =
        p.app.add_subcommand("account", "accounts (an admin's, but passwd)")->require_subcommand(1);
    CLI::App* add =
        p.command(account, "add", "add an account; its password from $ALLIANCE_NEW_PASSWORD or asked",
                  signedIn([](Workspace& w, const Args& x) {
                      const std::string pw =
                          secret("ALLIANCE_NEW_PASSWORD", "Password for " + printable(x.name), true);
                      const auto made = w.createAccount(
                          {x.name, parseSlug<Role>(x.role, "--role"), given(x.supervisor), x.admin}, pw);
                      std::cout << "Added account " << printable(made.name) << '\n';
                  }));
    add->add_option("NAME", a.name, "the person's full name (an existing person, or a new one)")->required();
    add->add_option("--role", a.role, "counselor | supervisor | admin (for a new person)");
    add->add_option("--supervisor", a.supervisor, "the supervisor's name (for a new person)");
    add->add_flag("--admin", a.admin, "may also manage accounts");
    for (const bool disable : {true, false}) {
        CLI::App* cmd = p.command(account, disable ? "disable" : "enable",
                                  disable ? "stop an account signing in" : "let it sign in again",
                                  signedIn(disable ? +[](Workspace& w, const Args& x) {
                                      w.setDisabled(x.name, true);
                                      std::cout << "Disabled " << printable(x.name) << '\n';
                                  }
                                                   : +[](Workspace& w, const Args& x) {
                                                         w.setDisabled(x.name, false);
                                                         std::cout << "Enabled " << printable(x.name) << '\n';
                                                     }));
        cmd->add_option("NAME", a.name)->required();
    }
    CLI::App* reset =
        p.command(account, "reset", "set a new password that its owner must change",
                  signedIn([](Workspace& w, const Args& x) {
                      w.resetPassword(x.name, secret("ALLIANCE_NEW_PASSWORD",
                                                     "New password for " + printable(x.name), true));
                      std::cout << "Password reset for " << printable(x.name) << '\n';
                  }));
    reset->add_option("NAME", a.name)->required();
    p.command(account, "passwd", "change your own password (new one: $ALLIANCE_NEW_PASSWORD or asked)",
              signedIn([](Workspace& w, const Args& x) {
                  w.changePassword(password(x), secret("ALLIANCE_NEW_PASSWORD", "New password", true));
                  std::cout << "Password changed\n";
              }));
    CLI::App* list =
        p.command(account, "list", "every account",
                  signedIn([](Workspace& w, const Args& x) { printAccounts(w.accounts(), x.json); }));
    list->add_flag("--json", a.json);
    p.command(
        account, "recover",
        "every admin password lost: the recovery key ($ALLIANCE_RECOVERY_KEY or asked) gives admin --user "
        "a new password",
        [](Args& x) {
            const std::string user = userName(x);
            Store store(databasePath(x), OpenMode::MustExist);
            const std::string key = secret("ALLIANCE_RECOVERY_KEY", "Recovery key");
            security::recover(store, key, user,
                              secret("ALLIANCE_NEW_PASSWORD", "New password for " + printable(user), true));
            std::cout << "Recovered: " << printable(user) << " signs in with the new password\n";
        });

    CLI::App* audit = p.app.add_subcommand("audit", "the audit trail (admins)")->require_subcommand(1);
    CLI::App* auditList =
        p.command(audit, "list", "entries, oldest first", signedIn([](Workspace& w, const Args& x) {
                      printAudit(w.auditEntries({given(x.code), given(x.counselor)}), x.json);
                  }));
    auditList->add_option("--client", a.code, "only entries about this client code");
    auditList->add_option("--user", a.counselor, "only entries by this person");
    auditList->add_flag("--json", a.json);
    p.command(
        audit, "verify", "check the chain: exit 0 intact, 6 broken", signedIn([](Workspace& w, const Args&) {
            const auto check = w.verifyAudit();
            if (!check.intact) {
                std::cout << "BROKEN at entry " << check.firstBroken.value_or(0) << ": " << check.problem
                          << '\n';
                throw AuditChainBroken(check.problem);
            }
            std::cout << "Intact: " << check.entries << " entries"
                      << (check.pending
                              ? ", " + std::to_string(check.pending) + " failed sign-ins not yet chained"
                              : "")
                      << '\n';
        }));
}

// A mistyped option must not echo what follows it: "--notes 'client disclosed ...'" would put a
// note on the screen and in shell logs. Name the option-like words, count the rest.
std::string describeExtras(const CLI::App& app)
{
    std::string options;
    int values = 0;
    for (const std::string& word : app.remaining(true)) {
        const bool optionLike =
            word.size() > 1 && word[0] == '-' && !std::isdigit(static_cast<unsigned char>(word[1]));
        if (!optionLike) {
            ++values;
            continue;
        }
        const std::string name = word.substr(0, std::min(word.find('='), std::size_t{40}));
        options += (options.empty() ? "" : ", ") + printable(name);
    }
    std::string message = options.empty() ? "unexpected argument" + std::string(values == 1 ? "" : "s")
                                          : "unknown option " + options;
    if (values > 0 && !options.empty())
        message +=
            " (" + std::to_string(values) + " more argument" + (values == 1 ? "" : "s") + ", not shown)";
    else if (values > 0)
        message += " (" + std::to_string(values) + ", not shown)";
    return message;
}

} // namespace

int run(int argc, char** argv)
{
    Parser parser;
    build(parser);
    try {
        parser.app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return parser.app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return parser.app.exit(e);
    } catch (const CLI::ExtrasError&) {
        std::cerr << "alliance: " << describeExtras(parser.app) << "\nRun 'alliance --help' for usage.\n";
        return Usage;
    } catch (const CLI::ParseError& e) {
        std::cerr << "alliance: " << printable(e.what()) << "\nRun 'alliance --help' for usage.\n";
        return Usage;
    }
    try {
        if (parser.action)
            parser.action(parser.args);
        return Ok;
    } catch (const CLI::ValidationError& e) {
        std::cerr << "alliance: " << e.what() << "\n";
        return Usage;
    } catch (const ValidationError& e) {
        std::cerr << "alliance: invalid input: " << describe(e) << "\n";
        return InvalidInput;
    } catch (const NotFound& e) {
        std::cerr << "alliance: not found: " << describe(e) << "\n";
        return NotFoundCode;
    } catch (const UsageError& e) {
        std::cerr << "alliance: " << printable(e.what()) << "\n";
        return Usage;
    } catch (const AuditChainBroken&) {
        return AuditBroken;
    } catch (const PackFailed& e) {
        return e.status();
    } catch (const AccessDenied& e) {
        std::cerr << "alliance: access denied: " << printable(e.what()) << "\n";
        return Refused;
    } catch (const SignInRefused& e) {
        std::cerr << "alliance: sign-in refused: " << printable(e.what()) << "\n";
        return Refused;
    } catch (const PermissionDenied& e) {
        std::cerr << "alliance: " << printable(e.what()) << "\n";
        return Failure;
    } catch (const NotOurDatabase& e) {
        std::cerr << "alliance: not an Alliance Tracker database: " << printable(e.what()) << "\n";
        return Failure;
    } catch (const std::exception& e) {
        std::cerr << "alliance: error: " << printable(e.what()) << "\n";
        return Failure;
    }
}

} // namespace alliance::cli
