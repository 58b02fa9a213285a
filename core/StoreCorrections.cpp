// Corrections of ratings: amend or void with a reason; the replaced version is kept.
#include "Errors.hpp"
#include "Store.hpp"
#include "Text.hpp"

#include <algorithm>

namespace alliance {
namespace {

constexpr std::size_t maxReasonLength = 2000;

const char* const ratingColumns = "instrument, items, total_tenths, bond_tenths, goal_tenths, task_tenths, "
                                  "overall_tenths, voided";

} // namespace

bool Store::hasRating(const std::string& clientCode, const Date& date, Instrument instrument, Rater rater)
{
    sql::Statement query(*connection_,
                         "SELECT 1 FROM rating r JOIN session s ON s.id = r.session_id "
                         "WHERE s.client_id = ? AND s.date = ? AND r.instrument = ? AND r.rater = ?");
    query.bind(1, clientId(clientCode))
        .bind(2, toIso(date))
        .bind(3, spec(instrument).slug)
        .bind(4, slug(rater));
    return query.step();
}

Id Store::findRating(const std::string& clientCode, const SessionRef& session, Instrument instrument,
                     Rater rater)
{
    const Id sessionRow = sessionId(clientId(clientCode), session, "session");
    sql::Statement query(*connection_,
                         "SELECT id FROM rating WHERE session_id = ? AND instrument = ? AND rater = ?");
    query.bind(1, sessionRow).bind(2, spec(instrument).slug).bind(3, slug(rater));
    if (!query.step())
        throw NotFound("instrument",
                       "that session has no " + spec(instrument).slug + " rating by the " + slug(rater));
    return query.int64(0);
}

void Store::amendRating(Id ratingId, const std::vector<int>& itemTenths, const std::string& rawReason)
{
    const std::string reason = cleanText("reason", trimmed(rawReason), maxReasonLength, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    sql::Statement current(*connection_,
                           std::string("SELECT ") + ratingColumns + " FROM rating WHERE id = ?");
    current.bind(1, ratingId);
    if (!current.step())
        throw NotFound("rating", "no rating with id " + std::to_string(ratingId));
    const Instrument instrument = instrumentFromSlug(current.text(0));
    const Score amended = score(instrument, itemTenths); // validates every item, naming it
    if (formatItems(instrument, itemTenths) == current.text(1) && current.integer(7) == 0)
        throw ValidationError("items", "the amended items are the same as the recorded ones",
                              Reason::Unchanged);
    sql::Statement keep(
        *connection_,
        "INSERT INTO rating_revision (rating_id, revised_on, action, reason, items, total_tenths, "
        "bond_tenths, goal_tenths, task_tenths, overall_tenths, was_voided) "
        "SELECT id, ?, 'amend', ?, items, total_tenths, bond_tenths, goal_tenths, task_tenths, "
        "overall_tenths, voided FROM rating WHERE id = ?");
    keep.bind(1, toIso(today())).bind(2, reason).bind(3, ratingId).run();
    sql::Statement update(*connection_,
                          "UPDATE rating SET items = ?, total_tenths = ?, bond_tenths = ?, goal_tenths = ?, "
                          "task_tenths = ?, overall_tenths = ?, voided = 0 WHERE id = ?");
    update.bind(1, formatItems(instrument, amended.itemTenths)).bind(2, amended.totalTenths);
    update.bind(3, amended.bondTenths).bind(4, amended.goalTenths).bind(5, amended.taskTenths);
    update.bind(6, amended.overallTenths).bind(7, ratingId).run();
    transaction.commit();
}

void Store::voidRating(Id ratingId, const std::string& rawReason)
{
    const std::string reason = cleanText("reason", trimmed(rawReason), maxReasonLength, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    sql::Statement current(*connection_, "SELECT voided FROM rating WHERE id = ?");
    current.bind(1, ratingId);
    if (!current.step())
        throw NotFound("rating", "no rating with id " + std::to_string(ratingId));
    if (current.integer(0) != 0)
        throw ValidationError("rating", "the rating is already void", Reason::AlreadyVoid);
    sql::Statement keep(
        *connection_,
        "INSERT INTO rating_revision (rating_id, revised_on, action, reason, items, total_tenths, "
        "bond_tenths, goal_tenths, task_tenths, overall_tenths, was_voided) "
        "SELECT id, ?, 'void', ?, items, total_tenths, bond_tenths, goal_tenths, task_tenths, "
        "overall_tenths, voided FROM rating WHERE id = ?");
    keep.bind(1, toIso(today())).bind(2, reason).bind(3, ratingId).run();
    sql::Statement update(*connection_, "UPDATE rating SET voided = 1 WHERE id = ?");
    update.bind(1, ratingId).run();
    transaction.commit();
}

StoredRating Store::storedRating(Id ratingId)
{
    sql::Statement query(
        *connection_, std::string("SELECT ") + ratingColumns +
                          ", rater, (SELECT count(*) FROM rating_revision v WHERE v.rating_id = rating.id) "
                          "FROM rating WHERE id = ?");
    query.bind(1, ratingId);
    if (!query.step())
        throw NotFound("rating", "no rating with id " + std::to_string(ratingId));
    const Instrument instrument = instrumentFromSlug(query.text(0));
    return {{ratingId, parseSlug<Rater>(query.text(8)),
             score(instrument, parseItems(instrument, query.text(1))), query.integer(9)},
            query.integer(7) != 0};
}

std::vector<RatingRevision> Store::ratingHistory(Id ratingId)
{
    sql::Statement rating(*connection_, "SELECT instrument FROM rating WHERE id = ?");
    rating.bind(1, ratingId);
    if (!rating.step())
        throw NotFound("rating", "no rating with id " + std::to_string(ratingId));
    const Instrument instrument = instrumentFromSlug(rating.text(0));
    sql::Statement query(*connection_, "SELECT id, revised_on, action, reason, items, was_voided "
                                       "FROM rating_revision WHERE rating_id = ? ORDER BY id");
    query.bind(1, ratingId);
    std::vector<RatingRevision> history;
    while (query.step())
        history.push_back({query.int64(0), parseIsoDate(query.text(1), "revised_on"), query.text(2),
                           query.text(3), score(instrument, parseItems(instrument, query.text(4))),
                           query.integer(5) != 0});
    return history;
}

// ---- ruptures and repair plans ---------------------------------------------------------------

namespace {

// The rupture's current version as a revision row keeps it (markers as a JSON array).
const char* const keepRupture =
    "INSERT INTO rupture_revision (rupture_id, revised_on, action, reason, kind, salience, noticed_by, "
    "category, note, markers, was_voided) "
    "SELECT id, ?, ?, ?, kind, salience, noticed_by, category, note, "
    "(SELECT json_group_array(marker) FROM (SELECT marker FROM rupture_marker WHERE rupture_id = rupture.id "
    "ORDER BY marker)), voided FROM rupture WHERE id = ?";

std::vector<std::string> jsonStrings(sql::Connection& connection, const std::string& array, const char* path)
{
    sql::Statement query(connection, std::string("SELECT ") + path + " FROM json_each(?) ORDER BY key");
    query.bind(1, array);
    std::vector<std::string> values;
    while (query.step())
        values.push_back(query.text(0));
    return values;
}

std::optional<Date> optionalDate(const std::optional<std::string>& text, const char* column)
{
    return text ? std::optional<Date>(parseIsoDate(*text, column)) : std::nullopt;
}

} // namespace

std::pair<RuptureChanges, bool> Store::storedRupture(Id ruptureId)
{
    sql::Statement query(*connection_,
                         "SELECT kind, salience, noticed_by, category, unseal('rupture.note', note), voided "
                         "FROM rupture WHERE id = ?");
    query.bind(1, ruptureId);
    if (!query.step())
        throw NotFound("rupture_id", "no rupture with id " + std::to_string(ruptureId));
    RuptureChanges rupture{parseSlug<RuptureKind>(query.text(0)),
                           {},
                           query.integer(1),
                           parseSlug<NoticedBy>(query.text(2)),
                           query.optText(3),
                           query.optText(4)};
    sql::Statement markers(*connection_, "SELECT m.marker FROM rupture_marker m JOIN catalogue c "
                                         "ON c.kind = 'marker' AND c.slug = m.marker WHERE m.rupture_id = ? "
                                         "ORDER BY c.position");
    markers.bind(1, ruptureId);
    while (markers.step())
        rupture.markers.push_back(markers.text(0));
    return {rupture, query.integer(5) != 0};
}

void Store::amendRupture(Id ruptureId, const RuptureChanges& changes, const std::string& rawReason)
{
    const std::string reason = cleanText("reason", trimmed(rawReason), maxReasonLength, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    const auto [current, voided] = storedRupture(ruptureId);
    RuptureChanges amended = changes;
    amended.note = checkRupture(changes);
    std::vector<std::string> sortedNew = amended.markers, sortedOld = current.markers;
    std::sort(sortedNew.begin(), sortedNew.end());
    std::sort(sortedOld.begin(), sortedOld.end());
    if (!voided && amended.kind == current.kind && sortedNew == sortedOld &&
        amended.salience == current.salience && amended.noticedBy == current.noticedBy &&
        amended.category == current.category && amended.note == current.note)
        throw ValidationError("rupture_id", "the amended rupture is the same as the recorded one",
                              Reason::Unchanged);
    sql::Statement keep(*connection_, keepRupture);
    keep.bind(1, toIso(today())).bind(2, "amend").bind(3, reason).bind(4, ruptureId).run();
    sql::Statement update(*connection_,
                          "UPDATE rupture SET kind = ?, salience = ?, noticed_by = ?, category = ?, "
                          "note = seal('rupture.note', ?), voided = 0 WHERE id = ?");
    update.bind(1, slug(amended.kind)).bind(2, amended.salience).bind(3, slug(amended.noticedBy));
    update.bind(4, amended.category).bind(5, amended.note).bind(6, ruptureId).run();
    sql::Statement clear(*connection_, "DELETE FROM rupture_marker WHERE rupture_id = ?");
    clear.bind(1, ruptureId).run();
    sql::Statement marker(*connection_, "INSERT INTO rupture_marker (rupture_id, marker) VALUES (?, ?)");
    for (const auto& m : amended.markers) {
        marker.bind(1, ruptureId).bind(2, m).run();
        marker.reset();
    }
    transaction.commit();
}

void Store::voidRupture(Id ruptureId, const std::string& rawReason)
{
    const std::string reason = cleanText("reason", trimmed(rawReason), maxReasonLength, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    if (storedRupture(ruptureId).second)
        throw ValidationError("rupture_id", "the rupture is already void", Reason::AlreadyVoid);
    sql::Statement keep(*connection_, keepRupture);
    keep.bind(1, toIso(today())).bind(2, "void").bind(3, reason).bind(4, ruptureId).run();
    sql::Statement update(*connection_, "UPDATE rupture SET voided = 1 WHERE id = ?");
    update.bind(1, ruptureId).run();
    transaction.commit();
}

std::vector<RuptureRevision> Store::ruptureHistory(Id ruptureId)
{
    storedRupture(ruptureId); // NotFound when there is no such rupture
    sql::Statement query(*connection_,
                         "SELECT id, revised_on, action, reason, kind, salience, noticed_by, category, "
                         "unseal('rupture.note', note), markers, was_voided FROM rupture_revision WHERE "
                         "rupture_id = ? ORDER BY id");
    query.bind(1, ruptureId);
    std::vector<RuptureRevision> history;
    while (query.step())
        history.push_back(
            {query.int64(0), parseIsoDate(query.text(1), "revised_on"), query.text(2), query.text(3),
             RuptureChanges{parseSlug<RuptureKind>(query.text(4)),
                            jsonStrings(*connection_, query.text(9), "value"), query.integer(5),
                            parseSlug<NoticedBy>(query.text(6)), query.optText(7), query.optText(8)},
             query.integer(10) != 0});
    return history;
}

RepairPlanChanges Store::storedRepairPlan(Id planId)
{
    sql::Statement query(
        *connection_,
        "SELECT due_date, unseal('repair_plan.note', note), outcome FROM repair_plan WHERE id = ?");
    query.bind(1, planId);
    if (!query.step())
        throw NotFound("plan_id", "no repair plan with id " + std::to_string(planId));
    RepairPlanChanges plan;
    plan.dueDate = optionalDate(query.optText(0), "due_date");
    plan.note = query.optText(1);
    if (const auto outcome = query.optText(2))
        plan.outcome = parseSlug<Outcome>(*outcome);
    sql::Statement strategies(*connection_,
                              "SELECT ps.strategy FROM repair_plan_strategy ps JOIN catalogue c "
                              "ON c.kind = 'strategy' AND c.slug = ps.strategy WHERE ps.plan_id = ? "
                              "ORDER BY c.position");
    strategies.bind(1, planId);
    while (strategies.step())
        plan.strategies.push_back(strategies.text(0));
    sql::Statement steps(*connection_, "SELECT unseal('repair_plan_step.text', text) FROM repair_plan_step "
                                       "WHERE plan_id = ? ORDER BY position");
    steps.bind(1, planId);
    while (steps.step())
        plan.steps.push_back(steps.text(0));
    return plan;
}

void Store::amendRepairPlan(Id planId, const RepairPlanChanges& changes, const std::string& rawReason)
{
    const std::string reason = cleanText("reason", trimmed(rawReason), maxReasonLength, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    const RepairPlanChanges current = storedRepairPlan(planId);
    sql::Statement plan(*connection_, "SELECT created_on, status FROM repair_plan WHERE id = ?");
    plan.bind(1, planId).step();
    const bool closed = plan.text(1) == slug(PlanStatus::Closed);
    if (closed && !changes.outcome)
        throw ValidationError("outcome", "a closed plan keeps an outcome");
    if (!closed && changes.outcome)
        throw ValidationError("outcome", "the plan is still open: close it to give its outcome");
    RepairPlanChanges amended = changes;
    checkRepairPlan(amended.strategies, amended.steps, amended.note, amended.dueDate,
                    parseIsoDate(plan.text(0), "created_on"));
    std::vector<std::string> sortedNew = amended.strategies, sortedOld = current.strategies;
    std::sort(sortedNew.begin(), sortedNew.end());
    std::sort(sortedOld.begin(), sortedOld.end());
    if (sortedNew == sortedOld && amended.steps == current.steps && amended.dueDate == current.dueDate &&
        amended.note == current.note && amended.outcome == current.outcome)
        throw ValidationError("plan_id", "the amended plan is the same as the recorded one",
                              Reason::Unchanged);

    sql::Statement keep(
        *connection_,
        "INSERT INTO repair_plan_revision (plan_id, revised_on, reason, due_date, note, outcome, strategies, "
        "steps) SELECT id, ?, ?, due_date, note, outcome, "
        "(SELECT json_group_array(strategy) FROM (SELECT strategy FROM repair_plan_strategy "
        "WHERE plan_id = repair_plan.id ORDER BY strategy)), "
        "seal('repair_plan_revision.steps', (SELECT json_group_array(json_object('text', "
        "unseal('repair_plan_step.text', text), 'done', done)) FROM (SELECT text, done "
        "FROM repair_plan_step WHERE plan_id = repair_plan.id ORDER BY position))) "
        "FROM repair_plan WHERE id = ?");
    keep.bind(1, toIso(today())).bind(2, reason).bind(3, planId).run();
    sql::Statement update(
        *connection_,
        "UPDATE repair_plan SET due_date = ?, note = seal('repair_plan.note', ?), outcome = ? WHERE id = ?");
    update.bind(1, amended.dueDate ? std::optional<std::string>(toIso(*amended.dueDate)) : std::nullopt);
    update.bind(2, amended.note)
        .bind(3, amended.outcome ? std::optional<std::string>(slug(*amended.outcome)) : std::nullopt)
        .bind(4, planId)
        .run();
    for (const char* table : {"repair_plan_strategy", "repair_plan_step"}) {
        sql::Statement clear(*connection_, std::string("DELETE FROM ") + table + " WHERE plan_id = ?");
        clear.bind(1, planId).run();
    }
    writePlanLists(planId, amended.strategies, amended.steps);
    transaction.commit();
}

std::vector<RepairPlanRevision> Store::repairPlanHistory(Id planId)
{
    storedRepairPlan(planId); // NotFound when there is no such plan
    sql::Statement query(
        *connection_,
        "SELECT id, revised_on, reason, due_date, unseal('repair_plan.note', note), outcome, strategies, "
        "unseal('repair_plan_revision.steps', steps) "
        "FROM repair_plan_revision WHERE plan_id = ? ORDER BY id");
    query.bind(1, planId);
    std::vector<RepairPlanRevision> history;
    while (query.step()) {
        RepairPlanChanges previous;
        previous.strategies = jsonStrings(*connection_, query.text(6), "value");
        previous.steps = jsonStrings(*connection_, query.text(7), "json_extract(value, '$.text')");
        previous.dueDate = optionalDate(query.optText(3), "due_date");
        previous.note = query.optText(4);
        if (const auto outcome = query.optText(5))
            previous.outcome = parseSlug<Outcome>(*outcome);
        history.push_back(
            {query.int64(0), parseIsoDate(query.text(1), "revised_on"), "amend", query.text(2), previous});
    }
    return history;
}

} // namespace alliance
