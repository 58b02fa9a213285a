// Corrections of ratings: amend or void with a reason; the replaced version is kept.
#include "Errors.hpp"
#include "Store.hpp"
#include "Text.hpp"

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
        throw ValidationError("items", "the amended items are the same as the recorded ones");
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
        throw ValidationError("rating", "the rating is already void");
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

} // namespace alliance
