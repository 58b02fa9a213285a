// Store: reading clients whole -- one client for its page, or a whole caseload in one pass: a
// handful of set-based queries over every client in scope, grouped as the rows stream by, never
// a round of queries per client.
#include "Errors.hpp"
#include "Store.hpp"

#include <unordered_map>

namespace alliance {
namespace {

std::optional<Date> optDate(const std::optional<std::string>& text, const char* column)
{
    return text ? std::optional<Date>(parseIsoDate(*text, column)) : std::nullopt;
}

// Every query below is limited to the same clients: ?1 one client, ?2 one counselor, or all;
// `c` is the client table. Written out for each case so that SQLite reads one client through its
// indexes (an "?1 IS NULL OR c.id = ?1" would scan every session for one client's page).
std::string scopeOf(const std::optional<Id>& client, const std::optional<Id>& counselor)
{
    if (client)
        return " c.id = ?1 AND ?2 IS NULL ";
    if (counselor)
        return " ?1 IS NULL AND c.counselor_id = ?2 ";
    return " ?1 IS NULL AND ?2 IS NULL ";
}

void bindScope(sql::Statement& query, const std::optional<Id>& client, const std::optional<Id>& counselor)
{
    query.bind(1, client).bind(2, counselor);
}

} // namespace

ClientDetail Store::clientDetail(const std::string& code)
{
    sql::ReadTransaction snapshot(*connection_); // one consistent snapshot
    auto details = readDetails(clientId(code), std::nullopt);
    return std::move(details.front());
}

std::vector<ClientDetail> Store::clientDetails(const std::optional<std::string>& counselorName)
{
    sql::ReadTransaction snapshot(*connection_);
    std::optional<Id> counselor;
    if (counselorName)
        counselor = counselorId(*counselorName, "counselor");
    return readDetails(std::nullopt, counselor);
}

std::vector<ClientDetail> Store::readDetails(const std::optional<Id>& client,
                                             const std::optional<Id>& counselor)
{
    const std::string inScope = scopeOf(client, counselor);
    std::vector<ClientDetail> details;
    std::unordered_map<Id, std::size_t> byClient;
    {
        sql::Statement query(*connection_,
                             std::string("SELECT ") + clientColumns +
                                 " FROM client c JOIN counselor k ON k.id = c.counselor_id WHERE" + inScope +
                                 "ORDER BY c.code");
        bindScope(query, client, counselor);
        while (query.step()) {
            ClientDetail detail;
            detail.client = readClient(query);
            byClient[detail.client.id] = details.size();
            details.push_back(std::move(detail));
        }
    }
    struct SessionAt {
        std::size_t client, session;
    };
    std::unordered_map<Id, SessionAt> sessionAt;
    {
        sql::Statement query(
            *connection_,
            std::string(
                "SELECT s.id, s.client_id, s.date, s.duration_minutes, s.note, p.tension, p.intensity, "
                "p.resolution FROM session s JOIN client c ON c.id = s.client_id "
                "LEFT JOIN post_session_report p ON p.session_id = s.id WHERE") +
                inScope + "ORDER BY s.client_id, s.date");
        bindScope(query, client, counselor);
        while (query.step()) {
            const std::size_t owner = byClient.at(query.int64(1));
            auto& sessions = details[owner].sessions;
            SessionRecord s;
            s.id = query.int64(0);
            s.number = static_cast<int>(sessions.size()) + 1;
            s.date = parseIsoDate(query.text(2), "date");
            s.durationMinutes = query.optInt(3);
            s.note = query.optText(4);
            if (!query.isNull(5))
                s.report = PostSessionReport{query.integer(5) != 0, query.optInt(6), query.optInt(7)};
            sessionAt[s.id] = {owner, sessions.size()};
            sessions.push_back(std::move(s));
        }
    }
    const auto sessionOf = [&](Id session) -> SessionRecord& {
        const SessionAt at = sessionAt.at(session);
        return details[at.client].sessions[at.session];
    };
    {
        sql::Statement query(
            *connection_, std::string("SELECT r.id, r.session_id, r.instrument, r.rater, r.items, r.voided, "
                                      "(SELECT count(*) FROM rating_revision v WHERE v.rating_id = r.id) "
                                      "FROM rating r JOIN session s ON s.id = r.session_id "
                                      "JOIN client c ON c.id = s.client_id WHERE") +
                              inScope + "ORDER BY r.instrument, r.rater");
        bindScope(query, client, counselor);
        while (query.step()) {
            const Instrument instrument = instrumentFromSlug(query.text(2));
            Rating rating{query.int64(0), parseSlug<Rater>(query.text(3)),
                          score(instrument, readStoredItems(instrument, query.text(4))), query.integer(6)};
            SessionRecord& session = sessionOf(query.int64(1));
            (query.integer(5) != 0 ? session.voidedRatings : session.ratings).push_back(std::move(rating));
        }
    }
    struct RuptureAt {
        std::size_t client, rupture;
        bool voided;
    };
    std::unordered_map<Id, RuptureAt> ruptureAt;
    {
        sql::Statement query(
            *connection_,
            std::string("SELECT r.id, r.session_id, r.kind, r.salience, r.noticed_by, r.category, "
                        "r.note, r.voided, "
                        "(SELECT count(*) FROM rupture_revision v WHERE v.rupture_id = r.id) "
                        "FROM rupture r JOIN session s ON s.id = r.session_id "
                        "JOIN client c ON c.id = s.client_id WHERE") +
                inScope + "ORDER BY s.date, r.id");
        bindScope(query, client, counselor);
        while (query.step()) {
            const SessionAt at = sessionAt.at(query.int64(1));
            const SessionRecord& session = details[at.client].sessions[at.session];
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
            const bool voided = query.integer(7) != 0;
            auto& list = voided ? details[at.client].voidedRuptures : details[at.client].ruptures;
            ruptureAt[r.id] = {at.client, list.size(), voided};
            list.push_back(std::move(r));
        }
    }
    {
        sql::Statement query(
            *connection_,
            std::string("SELECT m.rupture_id, m.marker FROM rupture_marker m "
                        "JOIN catalogue k ON k.kind = 'marker' AND k.slug = m.marker "
                        "JOIN rupture r ON r.id = m.rupture_id JOIN session s ON s.id = r.session_id "
                        "JOIN client c ON c.id = s.client_id WHERE") +
                inScope + "ORDER BY m.rupture_id, k.position");
        bindScope(query, client, counselor);
        while (query.step()) {
            const RuptureAt at = ruptureAt.at(query.int64(0));
            auto& list = at.voided ? details[at.client].voidedRuptures : details[at.client].ruptures;
            list[at.rupture].markers.push_back(query.text(1));
        }
    }
    // Plans of current ruptures only: a voided rupture's plans go with it.
    const std::string plansInScope =
        std::string(" FROM repair_plan p JOIN rupture r ON r.id = p.rupture_id "
                    "JOIN session s ON s.id = r.session_id "
                    "JOIN client c ON c.id = s.client_id WHERE r.voided = 0 AND") +
        inScope;
    struct PlanAt {
        std::size_t client, plan;
    };
    std::unordered_map<Id, PlanAt> planAt;
    {
        sql::Statement query(*connection_,
                             "SELECT p.id, p.rupture_id, p.created_on, p.due_date, p.status, p.outcome, "
                             "p.follow_up_session_id, p.closed_on, p.note, "
                             "(SELECT count(*) FROM repair_plan_revision v WHERE v.plan_id = p.id), c.id" +
                                 plansInScope + "ORDER BY p.id");
        bindScope(query, client, counselor);
        while (query.step()) {
            const std::size_t owner = byClient.at(query.int64(10));
            RepairPlan plan;
            plan.id = query.int64(0);
            plan.ruptureId = query.int64(1);
            plan.createdOn = parseIsoDate(query.text(2), "created_on");
            plan.dueDate = optDate(query.optText(3), "due_date");
            plan.status = parseSlug<PlanStatus>(query.text(4));
            if (const auto outcome = query.optText(5))
                plan.outcome = parseSlug<Outcome>(*outcome);
            if (!query.isNull(6))
                plan.followUpSessionNumber = sessionOf(query.int64(6)).number;
            plan.closedOn = optDate(query.optText(7), "closed_on");
            plan.note = query.optText(8);
            plan.revisions = query.integer(9);
            planAt[plan.id] = {owner, details[owner].plans.size()};
            details[owner].plans.push_back(std::move(plan));
        }
    }
    const auto planOf = [&](Id plan) -> RepairPlan& {
        const PlanAt at = planAt.at(plan);
        return details[at.client].plans[at.plan];
    };
    {
        sql::Statement query(*connection_,
                             "SELECT ps.plan_id, ps.strategy FROM repair_plan_strategy ps "
                             "JOIN catalogue k ON k.kind = 'strategy' AND k.slug = ps.strategy "
                             "JOIN repair_plan p ON p.id = ps.plan_id "
                             "JOIN rupture r ON r.id = p.rupture_id JOIN session s ON s.id = r.session_id "
                             "JOIN client c ON c.id = s.client_id WHERE r.voided = 0 AND" +
                                 inScope + "ORDER BY ps.plan_id, k.position");
        bindScope(query, client, counselor);
        while (query.step())
            planOf(query.int64(0)).strategies.push_back(query.text(1));
    }
    {
        sql::Statement query(*connection_,
                             "SELECT st.plan_id, st.position, st.text, st.done FROM repair_plan_step st "
                             "JOIN repair_plan p ON p.id = st.plan_id "
                             "JOIN rupture r ON r.id = p.rupture_id JOIN session s ON s.id = r.session_id "
                             "JOIN client c ON c.id = s.client_id WHERE r.voided = 0 AND" +
                                 inScope + "ORDER BY st.plan_id, st.position");
        bindScope(query, client, counselor);
        while (query.step())
            planOf(query.int64(0)).steps.push_back({query.integer(1), query.text(2), query.integer(3) != 0});
    }
    {
        sql::Statement query(*connection_,
                             "SELECT m.plan_id, m.id, k2.name, m.written_on, m.text FROM plan_comment m "
                             "JOIN counselor k2 ON k2.id = m.author_id "
                             "JOIN repair_plan p ON p.id = m.plan_id "
                             "JOIN rupture r ON r.id = p.rupture_id JOIN session s ON s.id = r.session_id "
                             "JOIN client c ON c.id = s.client_id WHERE r.voided = 0 AND" +
                                 inScope + "ORDER BY m.plan_id, m.id");
        bindScope(query, client, counselor);
        while (query.step())
            planOf(query.int64(0))
                .comments.push_back({query.int64(1), query.text(2), parseIsoDate(query.text(3), "written_on"),
                                     query.text(4)});
    }
    {
        sql::Statement query(
            *connection_,
            std::string("SELECT t.id, t.rupture_id, t.created_on, t.policy_reviewed, t.dialogue_held, "
                        "t.supervisor_invited, a.name, t.next_steps, t.client_id "
                        "FROM transition_plan t JOIN client c ON c.id = t.client_id "
                        "LEFT JOIN referral_agency a ON a.id = t.referral_agency_id WHERE") +
                inScope + "ORDER BY t.id");
        bindScope(query, client, counselor);
        while (query.step())
            details[byClient.at(query.int64(8))].transitions.push_back(
                {query.int64(0), query.isNull(1) ? std::nullopt : std::optional<Id>(query.int64(1)),
                 parseIsoDate(query.text(2), "created_on"), query.integer(3) != 0, query.integer(4) != 0,
                 query.integer(5) != 0, query.optText(6), query.optText(7)});
    }
    return details;
}

} // namespace alliance
