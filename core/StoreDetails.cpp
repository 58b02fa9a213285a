// Store: reading clients whole -- one client for its page, or a whole caseload in one pass: a
// handful of set-based queries over every client in scope, grouped as the rows stream by, never
// a round of queries per client.
#include "Errors.hpp"
#include "Store.hpp"

#include <algorithm>
#include <unordered_map>

namespace alliance {
namespace {

std::optional<Date> optDate(const std::optional<std::string>& text, const char* column)
{
    return text ? std::optional<Date>(parseIsoDate(*text, column)) : std::nullopt;
}

} // namespace

// Every query below is limited to the same clients: ?1 one client; or ?2 one counselor (or
// everyone), codes from ?3 to ?4; `c` is the client table. Written out for each case so that
// SQLite reads one client or one batch through its indexes (an "?1 IS NULL OR c.id = ?1" would
// scan every session for one client's page).
namespace {
std::string scopeSql(const std::optional<Id>& client, const std::optional<Id>& counselor)
{
    if (client)
        return " c.id = ?1 AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL ";
    if (counselor)
        return " ?1 IS NULL AND c.counselor_id = ?2 AND c.code BETWEEN ?3 AND ?4 ";
    return " ?1 IS NULL AND ?2 IS NULL AND c.code BETWEEN ?3 AND ?4 ";
}

// A rating's place in its session: by instrument, then rater, as their slugs sort.
bool ratingBefore(const Rating& a, const Rating& b)
{
    const int instrument = spec(a.score.instrument).slug.compare(spec(b.score.instrument).slug);
    return instrument != 0 ? instrument < 0 : slugOf(a.rater) < slugOf(b.rater);
}

} // namespace

ClientDetail Store::clientDetail(const std::string& code)
{
    sql::ReadTransaction snapshot(*connection_); // one consistent snapshot
    const Id id = clientId(code);
    auto details = readSessions({id, std::nullopt, std::nullopt, std::nullopt});
    auto sides = readRuptureSide(id, std::nullopt);
    attachRuptureSide(details.front(), sides);
    return std::move(details.front());
}

std::vector<ClientDetail> Store::clientDetails(const std::optional<std::string>& counselorName)
{
    std::vector<ClientDetail> details;
    forEachClientDetail(counselorName, [&](ClientDetail& detail) { details.push_back(std::move(detail)); });
    return details;
}

void Store::forEachClientDetail(const std::optional<std::string>& counselorName,
                                const std::function<void(ClientDetail&)>& visit, DetailDepth depth)
{
    sql::ReadTransaction snapshot(*connection_);
    std::optional<Id> counselor;
    if (counselorName)
        counselor = counselorId(*counselorName, "counselor");
    std::vector<std::string> codes;
    {
        sql::Statement query(*connection_,
                             counselor ? "SELECT code FROM client WHERE counselor_id = ?1 ORDER BY code"
                                       : "SELECT code FROM client ORDER BY code");
        if (counselor)
            query.bind(1, *counselor);
        while (query.step())
            codes.push_back(query.text(0));
    }
    // Ruptures, plans and transitions are few beside sessions: read once for the whole scope.
    auto sides = readRuptureSide(std::nullopt, counselor);
    for (std::size_t first = 0; first < codes.size(); first += detailBatchSize) {
        const std::size_t last = std::min(codes.size(), first + detailBatchSize) - 1;
        for (ClientDetail& detail :
             readSessions({std::nullopt, counselor, codes[first], codes[last], depth})) {
            attachRuptureSide(detail, sides);
            visit(detail);
        }
    }
}

std::vector<ClientDetail> Store::readSessions(const DetailScope& scope)
{
    const std::string inScope = scopeSql(scope.client, scope.counselor);
    const auto bindScope = [&scope](sql::Statement& query) {
        query.bind(1, scope.client).bind(2, scope.counselor).bind(3, scope.fromCode).bind(4, scope.toCode);
    };
    // Read from the clients in scope down through their indexes (CROSS JOIN keeps that order).
    const std::string fromSessions = " FROM client c CROSS JOIN session s ON s.client_id = c.id ";
    std::vector<ClientDetail> details;
    std::unordered_map<Id, std::size_t> byClient;
    {
        sql::Statement query(*connection_,
                             std::string("SELECT ") + clientColumns +
                                 " FROM client c JOIN counselor k ON k.id = c.counselor_id WHERE" + inScope +
                                 "ORDER BY c.code");
        bindScope(query);
        while (query.step()) {
            ClientDetail detail;
            detail.client = readClient(query);
            byClient[detail.client.id] = details.size();
            details.push_back(std::move(detail));
        }
    }
    {
        // Sessions with their ratings, one row per rating (a session without one has a row of
        // nulls), grouped by session as the walk gives them.
        // For an analysis, the session's own row (duration, note) and its report are left unread:
        // the walk then stays in the session index (client, date), which holds all it needs --
        // one b-tree descent less per session, and one more for the report.
        const bool whole = scope.depth == DetailDepth::Whole;
        sql::Statement query(*connection_,
                             std::string("SELECT s.id, c.id, s.date, ") +
                                 (whole ? "s.duration_minutes, unseal('session.note', s.note), p.tension, "
                                          "p.intensity, p.resolution, "
                                        : "NULL, NULL, NULL, NULL, NULL, ") +
                                 "r.id, r.instrument, r.rater, r.items, r.voided" + fromSessions +
                                 (whole ? "LEFT JOIN post_session_report p ON p.session_id = s.id " : "") +
                                 "LEFT JOIN rating r ON r.session_id = s.id WHERE" + inScope +
                                 "ORDER BY c.code, s.date");
        bindScope(query);
        // Corrections are rare: counted once here, not looked up for every rating of the walk
        // (a lookup per rating cost ~10% of a whole-agency read).
        std::unordered_map<Id, int> revisions;
        {
            sql::Statement counts(*connection_,
                                  "SELECT rating_id, count(*) FROM rating_revision GROUP BY rating_id");
            while (counts.step())
                revisions.emplace(counts.int64(0), counts.integer(1));
        }
        std::vector<SessionRecord>* sessions = nullptr;
        Id client = 0;
        while (query.step()) {
            if (!sessions || query.int64(1) != client) {
                client = query.int64(1);
                sessions = &details[byClient.at(client)].sessions;
            }
            const Id id = query.int64(0);
            if (sessions->empty() || sessions->back().id != id) {
                SessionRecord& s = sessions->emplace_back();
                s.id = id;
                s.number = static_cast<int>(sessions->size());
                s.date = parseIsoDate(query.text(2), "date");
                s.durationMinutes = query.optInt(3);
                s.note = query.optText(4);
                if (!query.isNull(5))
                    s.report = PostSessionReport{query.integer(5) != 0, query.optInt(6), query.optInt(7)};
            }
            if (query.isNull(8))
                continue;
            SessionRecord& session = sessions->back();
            const Instrument instrument = instrumentFromSlug(query.text(9));
            const Id ratingId = query.int64(8);
            const auto revised = revisions.find(ratingId);
            Rating rating{ratingId, parseSlug<Rater>(query.text(10)),
                          score(instrument, readStoredItems(instrument, query.view(11))),
                          revised == revisions.end() ? 0 : revised->second};
            (query.integer(12) != 0 ? session.voidedRatings : session.ratings).push_back(std::move(rating));
        }
        for (ClientDetail& detail : details)
            for (SessionRecord& session : detail.sessions) {
                std::sort(session.ratings.begin(), session.ratings.end(), ratingBefore);
                std::sort(session.voidedRatings.begin(), session.voidedRatings.end(), ratingBefore);
            }
    }
    return details;
}

void Store::attachRuptureSide(ClientDetail& detail, std::unordered_map<Id, RuptureSide>& sides)
{
    const auto found = sides.find(detail.client.id);
    if (found == sides.end())
        return;
    detail.ruptures = std::move(found->second.ruptures);
    detail.voidedRuptures = std::move(found->second.voidedRuptures);
    detail.plans = std::move(found->second.plans);
    detail.transitions = std::move(found->second.transitions);
    sides.erase(found);
}

std::unordered_map<Id, Store::RuptureSide> Store::readRuptureSide(const std::optional<Id>& client,
                                                                  const std::optional<Id>& counselor)
{
    const std::string inScope = client      ? " c.id = ?1 AND ?2 IS NULL "
                                : counselor ? " ?1 IS NULL AND c.counselor_id = ?2 "
                                            : " ?1 IS NULL AND ?2 IS NULL ";
    const auto bindScope = [&](sql::Statement& query) { query.bind(1, client).bind(2, counselor); };
    // One client's ruptures are found through its sessions; a caseload's by reading every rupture
    // and keeping those in scope (walking every session of the caseload to find its handful of
    // ruptures took ~25 ms a query at agency L). CROSS JOIN keeps each order.
    const std::string fromRuptures =
        client ? std::string(" FROM client c CROSS JOIN session s ON s.client_id = c.id "
                             "CROSS JOIN rupture r ON r.session_id = s.id ")
               : std::string(" FROM rupture r CROSS JOIN session s ON s.id = r.session_id "
                             "CROSS JOIN client c ON c.id = s.client_id ");
    std::unordered_map<Id, RuptureSide> sides;
    struct RuptureAt {
        RuptureSide* side;
        std::size_t rupture;
        bool voided;
    };
    std::unordered_map<Id, RuptureAt> ruptureAt;
    {
        sql::Statement query(
            *connection_,
            std::string(
                "SELECT r.id, s.date, r.kind, r.salience, r.noticed_by, r.category, "
                "unseal('rupture.note', r.note), r.voided, "
                "(SELECT count(*) FROM rupture_revision v WHERE v.rupture_id = r.id), c.id, "
                "(SELECT count(*) FROM session n WHERE n.client_id = s.client_id AND n.date <= s.date) ") +
                fromRuptures + "WHERE" + inScope + "ORDER BY s.date, r.id");
        bindScope(query);
        while (query.step()) {
            Rupture r{query.int64(0),
                      query.integer(10),
                      parseIsoDate(query.text(1), "date"),
                      parseSlug<RuptureKind>(query.text(2)),
                      {},
                      query.integer(3),
                      parseSlug<NoticedBy>(query.text(4)),
                      query.optText(5),
                      query.optText(6),
                      query.integer(8)};
            const bool voided = query.integer(7) != 0;
            RuptureSide& side = sides[query.int64(9)];
            auto& list = voided ? side.voidedRuptures : side.ruptures;
            ruptureAt[r.id] = {&side, list.size(), voided};
            list.push_back(std::move(r));
        }
    }
    {
        sql::Statement query(*connection_,
                             "SELECT m.rupture_id, m.marker" + fromRuptures +
                                 "CROSS JOIN rupture_marker m ON m.rupture_id = r.id "
                                 "CROSS JOIN catalogue k ON k.kind = 'marker' AND k.slug = m.marker WHERE" +
                                 inScope + "ORDER BY m.rupture_id, k.position");
        bindScope(query);
        while (query.step()) {
            const RuptureAt at = ruptureAt.at(query.int64(0));
            auto& list = at.voided ? at.side->voidedRuptures : at.side->ruptures;
            list[at.rupture].markers.push_back(query.text(1));
        }
    }
    // Plans of current ruptures only: a voided rupture's plans go with it.
    const std::string fromPlans = fromRuptures + "CROSS JOIN repair_plan p ON p.rupture_id = r.id ";
    const std::string plansInScope = fromPlans + "WHERE r.voided = 0 AND" + inScope;
    struct PlanAt {
        RuptureSide* side;
        std::size_t plan;
    };
    std::unordered_map<Id, PlanAt> planAt;
    {
        sql::Statement query(
            *connection_, "SELECT p.id, p.rupture_id, p.created_on, p.due_date, p.status, p.outcome, "
                          "p.follow_up_session_id, p.closed_on, unseal('repair_plan.note', p.note), "
                          "(SELECT count(*) FROM repair_plan_revision v WHERE v.plan_id = p.id), c.id, "
                          "(SELECT count(*) FROM session f CROSS JOIN session n ON n.client_id = f.client_id "
                          "AND n.date <= f.date WHERE f.id = p.follow_up_session_id)" +
                              plansInScope + "ORDER BY p.id");
        bindScope(query);
        while (query.step()) {
            RuptureSide& side = sides[query.int64(10)];
            RepairPlan plan;
            plan.id = query.int64(0);
            plan.ruptureId = query.int64(1);
            plan.createdOn = parseIsoDate(query.text(2), "created_on");
            plan.dueDate = optDate(query.optText(3), "due_date");
            plan.status = parseSlug<PlanStatus>(query.text(4));
            if (const auto outcome = query.optText(5))
                plan.outcome = parseSlug<Outcome>(*outcome);
            if (!query.isNull(6))
                plan.followUpSessionNumber = query.integer(11);
            plan.closedOn = optDate(query.optText(7), "closed_on");
            plan.note = query.optText(8);
            plan.revisions = query.integer(9);
            planAt[plan.id] = {&side, side.plans.size()};
            side.plans.push_back(std::move(plan));
        }
    }
    const auto planOf = [&](Id plan) -> RepairPlan& {
        const PlanAt at = planAt.at(plan);
        return at.side->plans[at.plan];
    };
    {
        sql::Statement query(*connection_,
                             "SELECT ps.plan_id, ps.strategy" + fromPlans +
                                 "CROSS JOIN repair_plan_strategy ps ON ps.plan_id = p.id "
                                 "CROSS JOIN catalogue k ON k.kind = 'strategy' AND k.slug = ps.strategy "
                                 "WHERE r.voided = 0 AND" +
                                 inScope + "ORDER BY ps.plan_id, k.position");
        bindScope(query);
        while (query.step())
            planOf(query.int64(0)).strategies.push_back(query.text(1));
    }
    {
        sql::Statement query(
            *connection_,
            "SELECT st.plan_id, st.position, unseal('repair_plan_step.text', st.text), st.done" + fromPlans +
                "CROSS JOIN repair_plan_step st ON st.plan_id = p.id WHERE r.voided = 0 AND" + inScope +
                "ORDER BY st.plan_id, st.position");
        bindScope(query);
        while (query.step())
            planOf(query.int64(0)).steps.push_back({query.integer(1), query.text(2), query.integer(3) != 0});
    }
    {
        sql::Statement query(
            *connection_,
            "SELECT m.repair_plan_id, m.id, k2.name, m.written_on, unseal('plan_review.text', m.text), "
            "m.signed_off" +
                fromPlans +
                "CROSS JOIN plan_review m ON m.repair_plan_id = p.id "
                "CROSS JOIN counselor k2 ON k2.id = m.author_id WHERE r.voided = 0 AND" +
                inScope + "ORDER BY m.repair_plan_id, m.id");
        bindScope(query);
        while (query.step())
            planOf(query.int64(0))
                .comments.push_back({query.int64(1), query.text(2), parseIsoDate(query.text(3), "written_on"),
                                     query.text(4), query.integer(5) != 0});
    }
    {
        sql::Statement query(
            *connection_,
            std::string("SELECT t.id, t.rupture_id, t.created_on, t.policy_reviewed, t.dialogue_held, "
                        "t.supervisor_invited, a.name, unseal('transition_plan.next_steps', t.next_steps), "
                        "t.client_id "
                        "FROM transition_plan t JOIN client c ON c.id = t.client_id "
                        "LEFT JOIN referral_agency a ON a.id = t.referral_agency_id WHERE") +
                inScope + "ORDER BY t.id");
        bindScope(query);
        while (query.step())
            sides[query.int64(8)].transitions.push_back(
                {query.int64(0),
                 query.isNull(1) ? std::nullopt : std::optional<Id>(query.int64(1)),
                 parseIsoDate(query.text(2), "created_on"),
                 query.integer(3) != 0,
                 query.integer(4) != 0,
                 query.integer(5) != 0,
                 query.optText(6),
                 query.optText(7),
                 {}});
    }
    {
        sql::Statement query(
            *connection_,
            std::string(
                "SELECT t.client_id, t.id, m.id, k2.name, m.written_on, unseal('plan_review.text', m.text), "
                "m.signed_off "
                "FROM transition_plan t JOIN client c ON c.id = t.client_id "
                "CROSS JOIN plan_review m ON m.transition_plan_id = t.id "
                "CROSS JOIN counselor k2 ON k2.id = m.author_id WHERE") +
                inScope + "ORDER BY m.transition_plan_id, m.id");
        bindScope(query);
        while (query.step()) {
            auto& transitions = sides[query.int64(0)].transitions;
            const Id transition = query.int64(1);
            const auto plan = std::find_if(transitions.begin(), transitions.end(),
                                           [&](const TransitionPlan& t) { return t.id == transition; });
            if (plan != transitions.end())
                plan->comments.push_back({query.int64(2), query.text(3),
                                          parseIsoDate(query.text(4), "written_on"), query.text(5),
                                          query.integer(6) != 0});
        }
    }
    return sides;
}

} // namespace alliance
