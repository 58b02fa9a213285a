// Store: ruptures, repair plans, transition plans and the client detail read.
#include "Errors.hpp"
#include "Store.hpp"
#include "Text.hpp"

#include <algorithm>
#include <set>

namespace alliance {
namespace {

constexpr std::size_t maxNoteLength = 100000;
constexpr std::size_t maxStepLength = 2000;

std::optional<std::string> isoOrNull(const std::optional<Date>& date)
{
    return date ? std::optional<std::string>(toIso(*date)) : std::nullopt;
}

std::optional<Date> optDate(const std::optional<std::string>& text, const char* column)
{
    return text ? std::optional<Date>(parseIsoDate(*text, column)) : std::nullopt;
}

} // namespace

std::optional<std::string> Store::checkRupture(const RuptureChanges& details)
{
    if (details.salience < 1 || details.salience > 5)
        throw ValidationError("salience", "value " + std::to_string(details.salience) + " out of range 1..5");
    auto note = cleanOptionalText("note", details.note, maxNoteLength, TextShape::MultiLine);
    const std::set<std::string> uniqueMarkers(details.markers.begin(), details.markers.end());
    if (uniqueMarkers.size() != details.markers.size())
        throw ValidationError("marker", "the same marker is given twice", Reason::AlreadyRecorded);
    for (const auto& marker : details.markers) {
        std::string group;
        requireCatalogue("marker", marker, "marker", &group);
        if (group != slugOf(details.kind))
            throw ValidationError("marker", quoteForError(marker) + " is a " + group + " marker, not a " +
                                                slug(details.kind) + " one");
    }
    if (details.category)
        requireCatalogue("category", *details.category, "category");
    return note;
}

void Store::checkRepairPlan(std::vector<std::string>& strategies, std::vector<std::string>& steps,
                            std::optional<std::string>& note, const std::optional<Date>& due,
                            const Date& created)
{
    if (strategies.empty())
        throw ValidationError("strategy", "a repair plan needs at least one strategy", Reason::Required);
    const std::set<std::string> unique(strategies.begin(), strategies.end());
    if (unique.size() != strategies.size())
        throw ValidationError("strategy", "the same strategy is given twice", Reason::AlreadyRecorded);
    for (const auto& s : strategies)
        requireCatalogue("strategy", s, "strategy");
    for (std::size_t i = 0; i < steps.size(); ++i)
        steps[i] = cleanText("step " + std::to_string(i + 1), steps[i], maxStepLength, TextShape::MultiLine);
    note = cleanOptionalText("note", note, maxNoteLength, TextShape::MultiLine);
    if (due)
        requireReferenceDate("due", *due);
    if (due && *due < created)
        throw ValidationError("due", toIso(*due) + " is before the plan's date " + toIso(created));
}

void Store::writePlanLists(Id planId, const std::vector<std::string>& strategies,
                           const std::vector<std::string>& steps)
{
    sql::Statement strategy(*connection_,
                            "INSERT INTO repair_plan_strategy (plan_id, strategy) VALUES (?, ?)");
    for (const auto& s : strategies) {
        strategy.bind(1, planId).bind(2, s).run();
        strategy.reset();
    }
    sql::Statement step(*connection_,
                        "INSERT INTO repair_plan_step (plan_id, position, text) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        step.bind(1, planId).bind(2, static_cast<int>(i + 1)).bind(3, steps[i]).run();
        step.reset();
    }
}

std::string Store::clientCodeOfRupture(Id ruptureId)
{
    sql::Statement query(*connection_, "SELECT c.code FROM rupture r JOIN session s ON s.id = r.session_id "
                                       "JOIN client c ON c.id = s.client_id WHERE r.id = ?");
    query.bind(1, ruptureId);
    if (!query.step())
        throw NotFound("rupture_id", "no rupture with id " + std::to_string(ruptureId));
    return query.text(0);
}

std::string Store::clientCodeOfPlan(Id planId)
{
    sql::Statement query(*connection_, "SELECT rupture_id FROM repair_plan WHERE id = ?");
    query.bind(1, planId);
    if (!query.step())
        throw NotFound("plan_id", "no repair plan with id " + std::to_string(planId));
    return clientCodeOfRupture(query.int64(0));
}

Id Store::flagRupture(const NewRupture& rupture)
{
    sql::Transaction transaction(*connection_);
    const auto note = checkRupture(
        {rupture.kind, rupture.markers, rupture.salience, rupture.noticedBy, rupture.category, rupture.note});
    const Id session = sessionId(clientId(rupture.clientCode), rupture.session, "session");

    sql::Statement insert(*connection_,
                          "INSERT INTO rupture (session_id, kind, salience, noticed_by, category, note) "
                          "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, session)
        .bind(2, slug(rupture.kind))
        .bind(3, rupture.salience)
        .bind(4, slug(rupture.noticedBy));
    insert.bind(5, rupture.category).bind(6, note).run();
    const Id id = connection_->lastInsertId();
    sql::Statement marker(*connection_, "INSERT INTO rupture_marker (rupture_id, marker) VALUES (?, ?)");
    for (const auto& m : rupture.markers) {
        marker.bind(1, id).bind(2, m).run();
        marker.reset();
    }
    transaction.commit();
    return id;
}

Id Store::planRepair(const NewRepairPlan& newPlan)
{
    NewRepairPlan plan = newPlan;
    const Date created = plan.createdOn.value_or(today());
    requireRecordDate("created on", created);

    sql::Transaction transaction(*connection_);
    checkRepairPlan(plan.strategies, plan.steps, plan.note, plan.dueDate, created);
    sql::Statement rupture(*connection_, "SELECT 1 FROM rupture WHERE id = ?");
    rupture.bind(1, plan.ruptureId);
    if (!rupture.step())
        throw NotFound("rupture_id", "no rupture with id " + std::to_string(plan.ruptureId));

    sql::Statement insert(
        *connection_, "INSERT INTO repair_plan (rupture_id, created_on, due_date, note) VALUES (?, ?, ?, ?)");
    insert.bind(1, plan.ruptureId)
        .bind(2, toIso(created))
        .bind(3, isoOrNull(plan.dueDate))
        .bind(4, plan.note)
        .run();
    const Id id = connection_->lastInsertId();
    writePlanLists(id, plan.strategies, plan.steps);
    transaction.commit();
    return id;
}

void Store::closeRepair(Id planId, Outcome outcome, std::optional<SessionRef> followUpSession,
                        std::optional<Date> closedOn)
{
    const Date closed = closedOn.value_or(today());
    requireRecordDate("closed on", closed);
    sql::Transaction transaction(*connection_);
    sql::Statement plan(*connection_,
                        "SELECT p.status, s.client_id, s.date, p.created_on FROM repair_plan p "
                        "JOIN rupture r ON r.id = p.rupture_id JOIN session s ON s.id = r.session_id "
                        "WHERE p.id = ?");
    plan.bind(1, planId);
    if (!plan.step())
        throw NotFound("plan_id", "no repair plan with id " + std::to_string(planId));
    if (plan.text(0) == "closed")
        throw ValidationError("plan_id", "repair plan " + std::to_string(planId) + " is already closed",
                              Reason::AlreadyRecorded);
    if (closed < parseIsoDate(plan.text(3), "created_on"))
        throw ValidationError("closed on", "before the plan was made");
    std::optional<Id> followUp;
    if (followUpSession) {
        followUp = sessionId(plan.int64(1), *followUpSession, "session");
        sql::Statement date(*connection_, "SELECT date FROM session WHERE id = ?");
        date.bind(1, *followUp).step();
        if (date.text(0) < plan.text(2))
            throw ValidationError("session", "the follow-up session is before the rupture's session");
    }
    sql::Statement update(*connection_,
                          "UPDATE repair_plan SET status = 'closed', outcome = ?, follow_up_session_id = ?, "
                          "closed_on = ? WHERE id = ?");
    update.bind(1, slug(outcome)).bind(2, followUp).bind(3, toIso(closed)).bind(4, planId).run();
    transaction.commit();
}

Id Store::addPlanComment(Id planId, const std::string& authorName, const std::string& rawText,
                         std::optional<Date> writtenOn)
{
    const std::string text = cleanText("text", trimmed(rawText), 4000, TextShape::MultiLine);
    const Date written = writtenOn.value_or(today());
    requireRecordDate("date", written);
    sql::Transaction transaction(*connection_);
    const Id author = counselorId(authorName, "author");
    sql::Statement role(*connection_, "SELECT role FROM counselor WHERE id = ?");
    role.bind(1, author).step();
    if (parseSlug<Role>(role.text(0)) != Role::Supervisor)
        throw ValidationError("author", "only a supervisor comments on a repair plan", Reason::NotAllowed);
    sql::Statement plan(*connection_, "SELECT 1 FROM repair_plan WHERE id = ?");
    plan.bind(1, planId);
    if (!plan.step())
        throw NotFound("plan_id", "no repair plan with id " + std::to_string(planId));
    sql::Statement insert(
        *connection_, "INSERT INTO plan_comment (plan_id, author_id, written_on, text) VALUES (?, ?, ?, ?)");
    insert.bind(1, planId).bind(2, author).bind(3, toIso(written)).bind(4, text).run();
    const Id id = connection_->lastInsertId();
    transaction.commit();
    return id;
}

Id Store::addReferralAgency(const ReferralAgency& newAgency)
{
    ReferralAgency agency = newAgency;
    agency.name = cleanText("name", trimmed(agency.name), 200);
    agency.services = cleanOptionalText("services", agency.services, 2000, TextShape::MultiLine);
    agency.contact = cleanOptionalText("contact", agency.contact, 2000, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    sql::Statement exists(*connection_, "SELECT 1 FROM referral_agency WHERE name = ?");
    exists.bind(1, agency.name);
    if (exists.step())
        throw ValidationError("name", "that referral agency is already listed", Reason::AlreadyRecorded);
    sql::Statement insert(*connection_,
                          "INSERT INTO referral_agency (name, services, contact) VALUES (?, ?, ?)");
    insert.bind(1, agency.name).bind(2, agency.services).bind(3, agency.contact).run();
    const Id id = connection_->lastInsertId();
    transaction.commit();
    return id;
}

std::vector<ReferralAgency> Store::referralAgencies()
{
    sql::Statement query(*connection_,
                         "SELECT id, name, services, contact FROM referral_agency ORDER BY name");
    std::vector<ReferralAgency> result;
    while (query.step())
        result.push_back({query.int64(0), query.text(1), query.optText(2), query.optText(3)});
    return result;
}

Id Store::planTransition(const NewTransitionPlan& newPlan)
{
    NewTransitionPlan plan = newPlan;
    plan.nextSteps = cleanOptionalText("next_steps", plan.nextSteps, maxNoteLength, TextShape::MultiLine);
    if (plan.referralAgency)
        plan.referralAgency = trimmed(*plan.referralAgency);
    requireRecordDate("created on", plan.createdOn.value_or(today()));
    sql::Transaction transaction(*connection_);
    const Id client = clientId(plan.clientCode);
    if (plan.ruptureId) {
        sql::Statement rupture(*connection_, "SELECT 1 FROM rupture r JOIN session s ON s.id = r.session_id "
                                             "WHERE r.id = ? AND s.client_id = ?");
        rupture.bind(1, *plan.ruptureId).bind(2, client);
        if (!rupture.step())
            throw NotFound("rupture", "the client has no rupture with id " + std::to_string(*plan.ruptureId));
    }
    std::optional<Id> agency;
    if (plan.referralAgency) {
        sql::Statement query(*connection_, "SELECT id FROM referral_agency WHERE name = ?");
        query.bind(1, *plan.referralAgency);
        if (!query.step())
            throw NotFound("referral", "no referral agency named " + quoteForError(*plan.referralAgency));
        agency = query.int64(0);
    }
    // One plan per client and rupture: saving again (or twice) updates it, never duplicates it.
    sql::Statement existing(*connection_,
                            "SELECT id FROM transition_plan WHERE client_id = ? AND rupture_id IS ?");
    existing.bind(1, client).bind(2, plan.ruptureId);
    Id id = 0;
    if (existing.step()) {
        id = existing.int64(0);
        sql::Statement update(*connection_,
                              "UPDATE transition_plan SET policy_reviewed = ?, dialogue_held = ?, "
                              "supervisor_invited = ?, referral_agency_id = ?, next_steps = ? WHERE id = ?");
        update.bind(1, plan.policyReviewed ? 1 : 0).bind(2, plan.dialogueHeld ? 1 : 0);
        update.bind(3, plan.supervisorInvited ? 1 : 0)
            .bind(4, agency)
            .bind(5, plan.nextSteps)
            .bind(6, id)
            .run();
    } else {
        sql::Statement insert(
            *connection_, "INSERT INTO transition_plan (client_id, rupture_id, created_on, policy_reviewed, "
                          "dialogue_held, supervisor_invited, referral_agency_id, next_steps) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, client).bind(2, plan.ruptureId).bind(3, toIso(plan.createdOn.value_or(today())));
        insert.bind(4, plan.policyReviewed ? 1 : 0).bind(5, plan.dialogueHeld ? 1 : 0);
        insert.bind(6, plan.supervisorInvited ? 1 : 0).bind(7, agency).bind(8, plan.nextSteps).run();
        id = connection_->lastInsertId();
    }
    transaction.commit();
    return id;
}

ClientDetail Store::clientDetail(const std::string& code)
{
    // One read transaction so the snapshot is consistent.
    sql::ReadTransaction snapshot(*connection_);

    ClientDetail detail;
    const Id id = clientId(code);
    {
        sql::Statement query(*connection_, std::string("SELECT ") + clientColumns +
                                               " FROM client c JOIN counselor k ON k.id = c.counselor_id "
                                               "WHERE c.id = ?");
        query.bind(1, id).step();
        detail.client = readClient(query);
    }
    std::map<Id, std::size_t> sessionIndex;
    {
        sql::Statement query(
            *connection_,
            "SELECT s.id, s.date, s.duration_minutes, s.note, p.tension, p.intensity, p.resolution "
            "FROM session s LEFT JOIN post_session_report p ON p.session_id = s.id "
            "WHERE s.client_id = ? ORDER BY s.date");
        query.bind(1, id);
        while (query.step()) {
            SessionRecord s;
            s.id = query.int64(0);
            s.number = static_cast<int>(detail.sessions.size()) + 1;
            s.date = parseIsoDate(query.text(1), "date");
            s.durationMinutes = query.optInt(2);
            s.note = query.optText(3);
            if (!query.isNull(4))
                s.report = PostSessionReport{query.integer(4) != 0, query.optInt(5), query.optInt(6)};
            sessionIndex[s.id] = detail.sessions.size();
            detail.sessions.push_back(std::move(s));
        }
    }
    {
        sql::Statement query(*connection_,
                             "SELECT r.id, r.session_id, r.instrument, r.rater, r.items, r.total_tenths, "
                             "r.bond_tenths, r.goal_tenths, r.task_tenths, r.overall_tenths, r.voided, "
                             "(SELECT count(*) FROM rating_revision v WHERE v.rating_id = r.id) "
                             "FROM rating r JOIN session s ON s.id = r.session_id WHERE s.client_id = ? "
                             "ORDER BY r.instrument, r.rater");
        query.bind(1, id);
        while (query.step()) {
            const Instrument instrument = instrumentFromSlug(query.text(2));
            Rating rating{query.int64(0), parseSlug<Rater>(query.text(3)),
                          score(instrument, parseItems(instrument, query.text(4))), query.integer(11)};
            SessionRecord& session = detail.sessions[sessionIndex.at(query.int64(1))];
            (query.integer(10) != 0 ? session.voidedRatings : session.ratings).push_back(std::move(rating));
        }
    }
    {
        sql::Statement query(
            *connection_,
            "SELECT r.id, r.session_id, r.kind, r.salience, r.noticed_by, r.category, r.note, r.voided, "
            "(SELECT count(*) FROM rupture_revision v WHERE v.rupture_id = r.id) "
            "FROM rupture r JOIN session s ON s.id = r.session_id WHERE s.client_id = ? "
            "ORDER BY s.date, r.id");
        query.bind(1, id);
        sql::Statement markers(
            *connection_,
            "SELECT m.marker FROM rupture_marker m JOIN catalogue c "
            "ON c.kind = 'marker' AND c.slug = m.marker WHERE m.rupture_id = ? ORDER BY c.position");
        while (query.step()) {
            const SessionRecord& session = detail.sessions[sessionIndex.at(query.int64(1))];
            Rupture r{query.int64(0),
                      session.number,
                      session.date,
                      parseSlug<RuptureKind>(query.text(2)),
                      {},
                      query.integer(3),
                      parseSlug<NoticedBy>(query.text(4)),
                      query.optText(5),
                      query.optText(6),
                      query.integer(8)};
            markers.bind(1, r.id);
            while (markers.step())
                r.markers.push_back(markers.text(0));
            markers.reset();
            (query.integer(7) != 0 ? detail.voidedRuptures : detail.ruptures).push_back(std::move(r));
        }
    }
    {
        sql::Statement query(*connection_,
                             "SELECT p.id, p.rupture_id, p.created_on, p.due_date, p.status, p.outcome, "
                             "p.follow_up_session_id, p.closed_on, p.note, "
                             "(SELECT count(*) FROM repair_plan_revision v WHERE v.plan_id = p.id) "
                             "FROM repair_plan p JOIN rupture r ON r.id = p.rupture_id "
                             "JOIN session s ON s.id = r.session_id "
                             "WHERE s.client_id = ? AND r.voided = 0 ORDER BY p.id");
        query.bind(1, id);
        sql::Statement strategies(*connection_,
                                  "SELECT ps.strategy FROM repair_plan_strategy ps JOIN catalogue c "
                                  "ON c.kind = 'strategy' AND c.slug = ps.strategy WHERE ps.plan_id = ? "
                                  "ORDER BY c.position");
        sql::Statement steps(
            *connection_,
            "SELECT position, text, done FROM repair_plan_step WHERE plan_id = ? ORDER BY position");
        sql::Statement comments(*connection_,
                                "SELECT m.id, k.name, m.written_on, m.text FROM plan_comment m "
                                "JOIN counselor k ON k.id = m.author_id WHERE m.plan_id = ? ORDER BY m.id");
        while (query.step()) {
            RepairPlan plan;
            plan.id = query.int64(0);
            plan.ruptureId = query.int64(1);
            plan.createdOn = parseIsoDate(query.text(2), "created_on");
            plan.dueDate = optDate(query.optText(3), "due_date");
            plan.status = parseSlug<PlanStatus>(query.text(4));
            if (const auto outcome = query.optText(5))
                plan.outcome = parseSlug<Outcome>(*outcome);
            if (!query.isNull(6))
                plan.followUpSessionNumber = detail.sessions[sessionIndex.at(query.int64(6))].number;
            plan.closedOn = optDate(query.optText(7), "closed_on");
            plan.note = query.optText(8);
            plan.revisions = query.integer(9);
            strategies.bind(1, plan.id);
            while (strategies.step())
                plan.strategies.push_back(strategies.text(0));
            strategies.reset();
            steps.bind(1, plan.id);
            while (steps.step())
                plan.steps.push_back({steps.integer(0), steps.text(1), steps.integer(2) != 0});
            steps.reset();
            comments.bind(1, plan.id);
            while (comments.step())
                plan.comments.push_back({comments.int64(0), comments.text(1),
                                         parseIsoDate(comments.text(2), "written_on"), comments.text(3)});
            comments.reset();
            detail.plans.push_back(std::move(plan));
        }
    }
    {
        sql::Statement query(*connection_,
                             "SELECT t.id, t.rupture_id, t.created_on, t.policy_reviewed, t.dialogue_held, "
                             "t.supervisor_invited, a.name, t.next_steps FROM transition_plan t "
                             "LEFT JOIN referral_agency a ON a.id = t.referral_agency_id "
                             "WHERE t.client_id = ? ORDER BY t.id");
        query.bind(1, id);
        while (query.step())
            detail.transitions.push_back(
                {query.int64(0), query.isNull(1) ? std::nullopt : std::optional<Id>(query.int64(1)),
                 parseIsoDate(query.text(2), "created_on"), query.integer(3) != 0, query.integer(4) != 0,
                 query.integer(5) != 0, query.optText(6), query.optText(7)});
    }
    return detail;
}

} // namespace alliance
