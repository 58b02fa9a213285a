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
    sql::Statement step(*connection_, "INSERT INTO repair_plan_step (plan_id, position, text) "
                                      "VALUES (?, ?, seal('repair_plan_step.text', ?))");
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

Id Store::flagRupture(const NewRupture& rupture)
{
    sql::Transaction transaction(*connection_);
    const auto note = checkRupture(rupture);
    const Id session = sessionId(clientId(rupture.clientCode), rupture.session, "session");

    sql::Statement insert(*connection_,
                          "INSERT INTO rupture (session_id, kind, salience, noticed_by, category, note) "
                          "VALUES (?, ?, ?, ?, ?, seal('rupture.note', ?))");
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

    sql::Statement insert(*connection_, "INSERT INTO repair_plan (rupture_id, created_on, due_date, note) "
                                        "VALUES (?, ?, ?, seal('repair_plan.note', ?))");
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

Id Store::addPlanComment(Id planId, const std::string& authorName, const std::string& text,
                         std::optional<Date> writtenOn, bool signOff)
{
    return addComment("repair_plan_id", planId,
                      "SELECT c.counselor_id, k.supervisor_id FROM repair_plan p "
                      "JOIN rupture r ON r.id = p.rupture_id JOIN session s ON s.id = r.session_id "
                      "JOIN client c ON c.id = s.client_id JOIN counselor k ON k.id = c.counselor_id "
                      "WHERE p.id = ?",
                      authorName, text, writtenOn, signOff);
}

Id Store::addTransitionComment(Id transitionId, const std::string& authorName, const std::string& text,
                               std::optional<Date> writtenOn, bool signOff)
{
    return addComment("transition_plan_id", transitionId,
                      "SELECT c.counselor_id, k.supervisor_id FROM transition_plan t "
                      "JOIN client c ON c.id = t.client_id JOIN counselor k ON k.id = c.counselor_id "
                      "WHERE t.id = ?",
                      authorName, text, writtenOn, signOff);
}

Id Store::addComment(const char* column, Id planId, const std::string& ownerQuery,
                     const std::string& authorName, const std::string& rawText, std::optional<Date> writtenOn,
                     bool signOff)
{
    constexpr std::size_t longest = 20000; // characters, as the schema checks
    const std::string text = cleanText("text", trimmed(rawText), longest * 4, TextShape::MultiLine);
    if (codePoints(text) > longest)
        throw ValidationError("text",
                              "too long: " + std::to_string(codePoints(text)) + " characters, at most 20000");
    const Date written = writtenOn.value_or(today());
    requireRecordDate("date", written);
    const bool repair = std::string(column) == "repair_plan_id";
    const std::string what = repair ? "repair plan" : "transition plan";
    sql::Transaction transaction(*connection_);
    const Id author = counselorId(authorName, "author");
    sql::Statement owner(*connection_, ownerQuery);
    owner.bind(1, planId);
    if (!owner.step())
        throw NotFound("plan_id", "no " + what + " with id " + std::to_string(planId));
    const Id counselor = owner.int64(0);
    const bool signs = signsOff(author, counselor);
    if (signOff && !signs)
        throw ValidationError(
            "author", "only a supervisor of the client's counselor (or an admin) signs a " + what + " off",
            Reason::NotAllowed);
    if (!signs && author != counselor)
        throw ValidationError(
            "author", "only the client's counselor, their supervisor or an admin comments on a " + what,
            Reason::NotAllowed);
    sql::Statement insert(*connection_, std::string("INSERT INTO plan_review (") + column +
                                            ", author_id, written_on, text, signed_off) "
                                            "VALUES (?, ?, ?, seal('plan_review.text', ?), ?)");
    insert.bind(1, planId)
        .bind(2, author)
        .bind(3, toIso(written))
        .bind(4, text)
        .bind(5, signOff ? 1 : 0)
        .run();
    const Id id = connection_->lastInsertId();
    transaction.commit();
    return id;
}

bool Store::signsOff(Id author, Id counselor)
{
    sql::Statement rule(*connection_, "SELECT 1 FROM counselor a, counselor k WHERE a.id = ?1 AND k.id = ?2 "
                                      "AND (a.role = 'admin' OR k.supervisor_id = a.id)");
    rule.bind(1, author).bind(2, counselor);
    return rule.step();
}

bool Store::maySignOff(const std::string& person, const std::string& counselor)
{
    try {
        return signsOff(counselorId(person, "author"), counselorId(counselor, "counselor"));
    } catch (const FieldError&) { // no such person (or no possible name): nothing to offer
        return false;
    }
}

std::vector<PlanComment> Store::planComments(Id planId)
{
    return comments("repair_plan", "repair_plan_id", planId);
}

std::vector<PlanComment> Store::transitionComments(Id transitionId)
{
    return comments("transition_plan", "transition_plan_id", transitionId);
}

std::vector<PlanComment> Store::comments(const char* table, const char* column, Id planId)
{
    sql::Statement plan(*connection_, std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
    plan.bind(1, planId);
    if (!plan.step())
        throw NotFound("plan_id", std::string("no ") +
                                      (std::string(table) == "repair_plan" ? "repair" : "transition") +
                                      " plan with id " + std::to_string(planId));
    sql::Statement query(
        *connection_,
        std::string("SELECT m.id, k.name, m.written_on, unseal('plan_review.text', m.text), m.signed_off "
                    "FROM plan_review m JOIN counselor k ON k.id = m.author_id "
                    "WHERE m.") +
            column + " = ? ORDER BY m.id");
    query.bind(1, planId);
    std::vector<PlanComment> result;
    while (query.step())
        result.push_back({query.int64(0), query.text(1), parseIsoDate(query.text(2), "written_on"),
                          query.text(3), query.integer(4) != 0});
    return result;
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
                              "supervisor_invited = ?, referral_agency_id = ?, "
                              "next_steps = seal('transition_plan.next_steps', ?) WHERE id = ?");
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
                          "VALUES (?, ?, ?, ?, ?, ?, ?, seal('transition_plan.next_steps', ?))");
        insert.bind(1, client).bind(2, plan.ruptureId).bind(3, toIso(plan.createdOn.value_or(today())));
        insert.bind(4, plan.policyReviewed ? 1 : 0).bind(5, plan.dialogueHeld ? 1 : 0);
        insert.bind(6, plan.supervisorInvited ? 1 : 0).bind(7, agency).bind(8, plan.nextSteps).run();
        id = connection_->lastInsertId();
    }
    transaction.commit();
    return id;
}

} // namespace alliance
