#include "security/Workspace.hpp"

#include "exchange/Backup.hpp"
#include "exchange/Export.hpp"
#include "exchange/Fhir.hpp"

#include "Errors.hpp"
#include "Sqlite.hpp"
#include "Text.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace alliance::security {

namespace {

const char* const ownerColumns = "SELECT c.counselor_id, k.supervisor_id, c.code ";
const char* const ownerJoin = "JOIN counselor k ON k.id = c.counselor_id ";

} // namespace

Workspace Workspace::signIn(Store& store, const std::string& name, const std::string& password,
                            UnixSeconds now)
{
    return Workspace(store, security::signIn(store, name, password, now));
}

Workspace::Workspace(Store& store, Account account)
    : store_(&store), account_(std::move(account)), path_(store.connection().path())
{
    store_->sealing().key(); // Locked unless this account's sign-in unlocked the store
}

void Workspace::lock()
{
    store_->sealing().lock();
}

void Workspace::record(const AuditEvent& event)
{
    if (store_->connection().readOnly())
        return; // a worker's read-only copy: the account's own workspace recorded the view
    // A page reading the same thing again (the caseload after each write) is one view, not many.
    const bool view = event.action.rfind("view-", 0) == 0;
    if (view && lastView_ && lastView_->action == event.action && lastView_->clientCode == event.clientCode &&
        lastView_->detail == event.detail)
        return;
    appendAudit(*store_, account_.id, account_.name, event);
    if (view)
        lastView_ = event;
    else
        lastView_.reset();
}

// Runs `write` and the audit entry `describe` makes of it (from its result, when it has one) in
// one transaction: the write is on record with who made it, or neither is.
template <class Write, class Describe> auto Workspace::audited(Write&& write, Describe&& describe)
{
    sql::Transaction transaction(store_->connection());
    if constexpr (std::is_void_v<std::invoke_result_t<Write&>>) {
        write();
        record(describe());
        transaction.commit();
    } else {
        auto result = write();
        record(describe(std::as_const(result)));
        transaction.commit();
        return result;
    }
}

void Workspace::noteCaseloadRead(const std::optional<std::string>& counselor)
{
    scopeOf(counselor); // AccessDenied before anything is recorded as read
    recordCaseloadRead(counselor);
}

void Workspace::recordCaseloadRead(const std::optional<std::string>& counselor)
{
    record({"view-caseload", std::nullopt, std::nullopt, counselor});
}

void Workspace::noteReviewRead(const ReviewScope& scope)
{
    requireOwnPassword();
    if (!account_.admin) {
        const auto visible = visibleCounselors();
        bool allowed = false;
        if (scope.kind == ReviewScope::Kind::Counselor) {
            const std::string name = store_->counselor(scope.name).name;
            allowed = std::find(visible.begin(), visible.end(), name) != visible.end();
        } else if (scope.kind == ReviewScope::Kind::Supervisor) {
            allowed = identityKey(scope.name) == identityKey(account_.name);
        }
        if (!allowed)
            throw scope.kind == ReviewScope::Kind::Everyone
                ? AccessDenied(AccessDenied::Refusal::EveryoneAdminOnly, "",
                               "only an admin reviews every counselor's caseload")
                : AccessDenied(AccessDenied::Refusal::OtherCaseload, scope.name,
                               "that caseload is not yours or your team's");
    }
    record({"view-review", std::nullopt, std::nullopt,
            slugOf(scope.kind) + (scope.name.empty() ? "" : " " + scope.name)});
}

void Workspace::audit(const AuditEvent& event)
{
    record(event);
}

// ---- who may do what

void Workspace::requireOwnPassword() const
{
    if (account_.mustChangePassword)
        throw AccessDenied(AccessDenied::Refusal::MustChangePassword, account_.name,
                           "an admin set this account's password: choose your own first");
}

void Workspace::requireAdmin(const char* doing) const
{
    requireOwnPassword();
    if (!account_.admin)
        throw AccessDenied(AccessDenied::Refusal::AdminOnly, "", "only an admin may " + std::string(doing));
}

void Workspace::requireMayAddClientFor(const std::string& counselor) const
{
    requireOwnPassword();
    if (!account_.admin && identityKey(counselor) != identityKey(account_.name))
        throw AccessDenied(AccessDenied::Refusal::OwnCaseloadOnly, counselor,
                           "a counselor adds clients to their own caseload; an admin adds them for others");
}

bool Workspace::mayReadText(const Owner& owner) const
{
    return owner.counselorId == account_.personId ||
           (owner.supervisorId && *owner.supervisorId == account_.personId);
}

void Workspace::require(const Owner& owner, Need need) const
{
    const bool own = owner.counselorId == account_.personId;
    const bool supervises = owner.supervisorId && *owner.supervisorId == account_.personId;
    switch (need) {
    case Need::Read:
        if (own || supervises)
            return;
        throw AccessDenied(AccessDenied::Refusal::NotOnCaseload, owner.clientCode,
                           "client " + printable(owner.clientCode) +
                               " is not on your caseload or your team's");
    case Need::Write:
        if (own)
            return;
        throw AccessDenied(AccessDenied::Refusal::OwnCounselorOnly, owner.clientCode,
                           "only client " + printable(owner.clientCode) +
                               "'s own counselor may change their records");
    case Need::Comment:
        if (own || supervises || account_.admin)
            return;
        throw AccessDenied(AccessDenied::Refusal::CommentNotAllowed, owner.clientCode,
                           "only client " + printable(owner.clientCode) +
                               "'s counselor, their supervisor or an admin may comment");
    }
}

Workspace::Owner Workspace::ownerOfQuery(const std::string& sql, Id id, const char* what)
{
    requireOwnPassword();
    sql::Statement query(store_->connection(), sql);
    query.bind(1, id);
    if (!query.step())
        throw NotFound(std::string(what) + "_id",
                       "no " + std::string(what) + " with id " + std::to_string(id));
    return {query.int64(0), query.optInt64(1), query.text(2)};
}

Workspace::Owner Workspace::ownerOfClient(const std::string& code)
{
    requireOwnPassword();
    sql::Statement query(store_->connection(), std::string(ownerColumns) + "FROM client c " + ownerJoin +
                                                   "WHERE c.code_key = ? ORDER BY c.code <> ? LIMIT 1");
    // Found as Store::clientId finds it (trimmed, by identity key, the exact code first).
    query.bind(1, identityKey(trimmed(code))).bind(2, trimmed(code));
    if (!query.step())
        throw NotFound("code", "no client with code " + quoteForError(code));
    return {query.int64(0), query.optInt64(1), query.text(2)};
}

namespace {

std::string ownerOf(const char* from)
{
    return std::string(ownerColumns) + from + " JOIN counselor k ON k.id = c.counselor_id WHERE x.id = ?";
}
const std::string ratingOwner = ownerOf("FROM rating x JOIN session s ON s.id = x.session_id "
                                        "JOIN client c ON c.id = s.client_id");
const std::string ruptureOwner = ownerOf("FROM rupture x JOIN session s ON s.id = x.session_id "
                                         "JOIN client c ON c.id = s.client_id");
const std::string planOwner =
    ownerOf("FROM repair_plan x JOIN rupture u ON u.id = x.rupture_id "
            "JOIN session s ON s.id = u.session_id JOIN client c ON c.id = s.client_id");
const std::string transitionOwner = ownerOf("FROM transition_plan x JOIN client c ON c.id = x.client_id");

} // namespace

bool Workspace::seesOthers() const
{
    return account_.admin || account_.role == Role::Supervisor;
}

std::vector<std::string> Workspace::visibleCounselors()
{
    if (account_.admin)
        return {};
    std::vector<std::string> names{account_.name};
    sql::Statement query(store_->connection(),
                         "SELECT name FROM counselor WHERE supervisor_id = ? ORDER BY name");
    query.bind(1, account_.personId);
    while (query.step())
        names.push_back(query.text(0));
    return names;
}

std::optional<std::vector<std::string>> Workspace::scopeOf(const std::optional<std::string>& counselor)
{
    requireOwnPassword();
    const std::vector<std::string> visible = visibleCounselors();
    if (!counselor)
        return visible.empty() ? std::nullopt : std::optional(visible);
    const std::string name = store_->counselor(*counselor).name; // NotFound for no such person
    if (!visible.empty() && std::find(visible.begin(), visible.end(), name) == visible.end())
        throw AccessDenied(AccessDenied::Refusal::OtherCaseload, name,
                           "the clients of " + printable(name) + " are not yours or your team's");
    return std::vector<std::string>{name};
}

std::vector<std::string> Workspace::textReadableCounselors()
{
    auto names = visibleCounselors();
    return names.empty() ? std::vector<std::string>{account_.name} : names; // an admin: their own
}

void Workspace::removeClinicalText(ClientDetail& detail)
{
    detail.client.displayName.reset();
    for (auto& session : detail.sessions)
        session.note.reset();
    for (auto* ruptures : {&detail.ruptures, &detail.voidedRuptures})
        for (auto& rupture : *ruptures)
            rupture.note.reset();
    for (auto& plan : detail.plans) {
        plan.note.reset();
        for (auto& step : plan.steps)
            step.text.clear();
        plan.comments.clear();
    }
    for (auto& transition : detail.transitions) {
        transition.nextSteps.reset();
        transition.comments.clear();
    }
}

// ---- people and accounts

std::vector<Counselor> Workspace::counselors()
{
    return store_->counselors();
}

Id Workspace::addCounselor(const std::string& name, Role role, const std::optional<std::string>& supervisor)
{
    requireAdmin("add people");
    return audited(
        [&] { return store_->addCounselor(name, role, supervisor); },
        [&](const auto& id) {
            return AuditEvent{"add-person", std::nullopt, "person " + std::to_string(id), std::nullopt};
        });
}

std::vector<Account> Workspace::accounts()
{
    requireAdmin("list accounts");
    return security::accounts(*store_);
}

Account Workspace::createAccount(const NewAccount& newAccount, const std::string& password)
{
    requireAdmin("add accounts");
    return audited([&] { return security::createAccount(*store_, newAccount, password); },
                   [&](const auto& made) {
                       return AuditEvent{"add-account", std::nullopt, "account " + made.name,
                                         made.admin ? std::optional<std::string>("admin") : std::nullopt};
                   });
}

void Workspace::setDisabled(const std::string& name, bool disabled)
{
    requireAdmin(disabled ? "disable accounts" : "enable accounts");
    sql::Transaction transaction(store_->connection());
    const Account target = security::account(*store_, name);
    if (disabled && target.admin) {
        sql::Statement others(store_->connection(),
                              "SELECT count(*) FROM account WHERE is_admin = 1 AND disabled = 0 AND id <> ?");
        others.bind(1, target.id).step();
        if (others.int64(0) == 0)
            throw ValidationError("name", "this is the last admin who can sign in: add another admin first",
                                  Reason::NotAllowed);
    }
    security::setDisabled(*store_, target.id, disabled);
    record({disabled ? "disable-account" : "enable-account", std::nullopt, "account " + target.name,
            std::nullopt});
    transaction.commit();
}

void Workspace::resetPassword(const std::string& name, const std::string& password)
{
    requireAdmin("reset passwords");
    sql::Transaction transaction(store_->connection());
    const Account target = security::account(*store_, name);
    security::setPassword(*store_, target.id, password, target.id != account_.id);
    record({"reset-password", std::nullopt, "account " + target.name, std::nullopt});
    transaction.commit();
}

void Workspace::changePassword(const std::string& oldPassword, const std::string& newPassword)
{
    sql::Transaction transaction(store_->connection());
    security::changePassword(*store_, account_.id, oldPassword, newPassword);
    record({"change-password", std::nullopt, "account " + account_.name, std::nullopt});
    transaction.commit();
    account_.mustChangePassword = false;
}

bool Workspace::maySignOff(const std::string& counselor)
{
    return store_->maySignOff(account_.name, counselor);
}

// ---- clients

std::vector<ClientSummary> Workspace::clients(const std::optional<std::string>& counselor)
{
    const auto scope = scopeOf(counselor);
    std::vector<ClientSummary> result;
    if (!scope) {
        result = store_->clients();
    } else {
        for (const std::string& name : *scope) {
            auto some = store_->clients(name);
            result.insert(result.end(), std::make_move_iterator(some.begin()),
                          std::make_move_iterator(some.end()));
        }
        std::sort(result.begin(), result.end(), [](const ClientSummary& a, const ClientSummary& b) {
            return a.client.code < b.client.code;
        });
    }
    const auto readable = textReadableCounselors();
    for (auto& summary : result)
        if (std::find(readable.begin(), readable.end(), summary.client.counselorName) == readable.end())
            summary.client.displayName.reset();
    record({"view-client-list", std::nullopt, std::nullopt, counselor});
    return result;
}

Id Workspace::addClient(const NewClient& client)
{
    // A name that is no one is NotFound for everybody; someone else's caseload is refused.
    try {
        store_->counselor(client.counselorName);
    } catch (const NotFound& e) {
        throw NotFound("counselor", e.problem());
    }
    requireMayAddClientFor(client.counselorName);
    return audited([&] { return store_->addClient(client); },
                   [&](const auto&) {
                       return AuditEvent{"add-client", client.code, std::nullopt, std::nullopt};
                   });
}

void Workspace::updateClient(const std::string& code, const ClientChanges& changes)
{
    const Owner owner = ownerOfClient(code);
    sql::Transaction transaction(store_->connection());
    const Client current = store_->clientDetail(code).client;
    ClientChanges applied = changes;
    const bool moves = identityKey(changes.counselorName) != identityKey(current.counselorName);
    if (owner.counselorId == account_.personId && (!moves || account_.admin)) {
        // the counselor's own client (an admin may also move it)
    } else if (account_.admin) {
        applied.displayName = current.displayName; // an admin changes no name they may not read
    } else {
        require(owner, Need::Write);
        throw AccessDenied(AccessDenied::Refusal::MoveAdminOnly, owner.clientCode,
                           "only an admin moves a client to another counselor");
    }
    store_->updateClient(code, applied);
    record({moves ? "move-client" : "update-client", owner.clientCode, std::nullopt,
            moves ? std::optional<std::string>("to " + changes.counselorName) : std::nullopt});
    transaction.commit();
}

void Workspace::setClientStatus(const std::string& code, ClientStatus status)
{
    const Owner owner = ownerOfClient(code);
    if (!account_.admin)
        require(owner, Need::Write);
    audited(
        [&] { store_->setClientStatus(code, status); },
        [&] {
            return AuditEvent{"set-client-status", owner.clientCode, std::nullopt, std::string(slug(status))};
        });
}

ClientDetail Workspace::clientDetail(const std::string& code)
{
    const Owner owner = ownerOfClient(code);
    if (!account_.admin)
        require(owner, Need::Read);
    ClientDetail detail = store_->clientDetail(code);
    if (!mayReadText(owner))
        removeClinicalText(detail);
    record({"view-client", owner.clientCode, std::nullopt, std::nullopt});
    return detail;
}

void Workspace::forEachClientDetail(const std::optional<std::string>& counselor,
                                    const std::function<void(ClientDetail&)>& visit, DetailDepth depth)
{
    const auto scope = scopeOf(counselor);
    recordCaseloadRead(counselor);
    const auto readable = textReadableCounselors(); // once per pass, not per client
    const auto redacting = [&](ClientDetail& detail) {
        if (std::find(readable.begin(), readable.end(), detail.client.counselorName) == readable.end())
            removeClinicalText(detail);
        visit(detail);
    };
    if (!scope) {
        store_->forEachClientDetail(std::nullopt, redacting, depth);
        return;
    }
    for (const std::string& name : *scope)
        store_->forEachClientDetail(name, redacting, depth);
}

// ---- sessions and ratings

LoggedRating Workspace::logSession(const NewRating& rating, const std::optional<PostSessionReport>& report)
{
    const Owner owner = ownerOfClient(rating.clientCode);
    require(owner, Need::Write);
    return audited(
        [&] { return store_->logSession(rating, report); },
        [&](const auto&) {
            return AuditEvent{"log-session", owner.clientCode, "session " + toIso(rating.date), std::nullopt};
        });
}

void Workspace::recordPostSessionReport(const std::string& code, const SessionRef& session,
                                        const PostSessionReport& report,
                                        const std::optional<std::string>& reason)
{
    const Owner owner = ownerOfClient(code);
    require(owner, Need::Write);
    audited([&] { store_->recordPostSessionReport(code, session, report, reason); },
            [&] {
                return AuditEvent{"record-report", owner.clientCode, std::nullopt, reason};
            });
}

std::vector<ReportRevision> Workspace::postSessionReportHistory(const std::string& code,
                                                                const SessionRef& session)
{
    require(ownerOfClient(code), Need::Read);
    return store_->postSessionReportHistory(code, session);
}

bool Workspace::hasRating(const std::string& code, const Date& date, Instrument instrument, Rater rater)
{
    require(ownerOfClient(code), Need::Read);
    return store_->hasRating(code, date, instrument, rater);
}

Id Workspace::findRating(const std::string& code, const SessionRef& session, Instrument instrument,
                         Rater rater)
{
    require(ownerOfClient(code), Need::Read);
    return store_->findRating(code, session, instrument, rater);
}

void Workspace::amendRating(Id ratingId, const std::vector<int>& itemTenths, const std::string& reason)
{
    const Owner owner = ownerOfQuery(ratingOwner, ratingId, "rating");
    require(owner, Need::Write);
    audited(
        [&] { store_->amendRating(ratingId, itemTenths, reason); },
        [&] {
            return AuditEvent{"amend-rating", owner.clientCode, "rating " + std::to_string(ratingId), reason};
        });
}

void Workspace::voidRating(Id ratingId, const std::string& reason)
{
    const Owner owner = ownerOfQuery(ratingOwner, ratingId, "rating");
    require(owner, Need::Write);
    audited(
        [&] { store_->voidRating(ratingId, reason); },
        [&] {
            return AuditEvent{"void-rating", owner.clientCode, "rating " + std::to_string(ratingId), reason};
        });
}

StoredRating Workspace::storedRating(Id ratingId)
{
    require(ownerOfQuery(ratingOwner, ratingId, "rating"), Need::Read);
    return store_->storedRating(ratingId);
}

std::vector<RatingRevision> Workspace::ratingHistory(Id ratingId)
{
    require(ownerOfQuery(ratingOwner, ratingId, "rating"), Need::Read);
    return store_->ratingHistory(ratingId);
}

// ---- ruptures and plans

Id Workspace::flagRupture(const NewRupture& rupture)
{
    const Owner owner = ownerOfClient(rupture.clientCode);
    require(owner, Need::Write);
    return audited([&] { return store_->flagRupture(rupture); },
                   [&](const auto& id) {
                       return AuditEvent{"flag-rupture", owner.clientCode, "rupture " + std::to_string(id),
                                         std::nullopt};
                   });
}

void Workspace::amendRupture(Id ruptureId, const RuptureChanges& changes, const std::string& reason)
{
    const Owner owner = ownerOfQuery(ruptureOwner, ruptureId, "rupture");
    require(owner, Need::Write);
    audited([&] { store_->amendRupture(ruptureId, changes, reason); },
            [&] {
                return AuditEvent{"amend-rupture", owner.clientCode, "rupture " + std::to_string(ruptureId),
                                  reason};
            });
}

void Workspace::voidRupture(Id ruptureId, const std::string& reason)
{
    const Owner owner = ownerOfQuery(ruptureOwner, ruptureId, "rupture");
    require(owner, Need::Write);
    audited([&] { store_->voidRupture(ruptureId, reason); },
            [&] {
                return AuditEvent{"void-rupture", owner.clientCode, "rupture " + std::to_string(ruptureId),
                                  reason};
            });
}

std::pair<RuptureChanges, bool> Workspace::storedRupture(Id ruptureId)
{
    require(ownerOfQuery(ruptureOwner, ruptureId, "rupture"), Need::Read);
    return store_->storedRupture(ruptureId);
}

std::string Workspace::clientCodeOfRupture(Id ruptureId)
{
    const Owner owner = ownerOfQuery(ruptureOwner, ruptureId, "rupture");
    require(owner, Need::Read);
    return owner.clientCode;
}

std::vector<RuptureRevision> Workspace::ruptureHistory(Id ruptureId)
{
    require(ownerOfQuery(ruptureOwner, ruptureId, "rupture"), Need::Read);
    return store_->ruptureHistory(ruptureId);
}

Id Workspace::planRepair(const NewRepairPlan& plan)
{
    const Owner owner = ownerOfQuery(ruptureOwner, plan.ruptureId, "rupture");
    require(owner, Need::Write);
    return audited(
        [&] { return store_->planRepair(plan); },
        [&](const auto& id) {
            return AuditEvent{"plan-repair", owner.clientCode, "plan " + std::to_string(id), std::nullopt};
        });
}

void Workspace::amendRepairPlan(Id planId, const RepairPlanChanges& changes, const std::string& reason)
{
    const Owner owner = ownerOfQuery(planOwner, planId, "plan");
    require(owner, Need::Write);
    audited([&] { store_->amendRepairPlan(planId, changes, reason); },
            [&] {
                return AuditEvent{"amend-plan", owner.clientCode, "plan " + std::to_string(planId), reason};
            });
}

RepairPlanChanges Workspace::storedRepairPlan(Id planId)
{
    require(ownerOfQuery(planOwner, planId, "plan"), Need::Read);
    return store_->storedRepairPlan(planId);
}

std::vector<RepairPlanRevision> Workspace::repairPlanHistory(Id planId)
{
    require(ownerOfQuery(planOwner, planId, "plan"), Need::Read);
    return store_->repairPlanHistory(planId);
}

void Workspace::closeRepair(Id planId, Outcome outcome, std::optional<SessionRef> followUp,
                            std::optional<Date> closedOn)
{
    const Owner owner = ownerOfQuery(planOwner, planId, "plan");
    require(owner, Need::Write);
    audited([&] { store_->closeRepair(planId, outcome, followUp, closedOn); },
            [&] {
                return AuditEvent{"close-plan", owner.clientCode, "plan " + std::to_string(planId),
                                  std::string(slug(outcome))};
            });
}

Id Workspace::addPlanComment(Id planId, const std::string& text, std::optional<Date> writtenOn, bool signOff)
{
    const Owner owner = ownerOfQuery(planOwner, planId, "plan");
    require(owner, Need::Comment);
    return audited([&] { return store_->addPlanComment(planId, account_.name, text, writtenOn, signOff); },
                   [&](const auto&) {
                       return AuditEvent{signOff ? "sign-off-plan" : "comment-plan", owner.clientCode,
                                         "plan " + std::to_string(planId), std::nullopt};
                   });
}

Id Workspace::addTransitionComment(Id transitionId, const std::string& text, std::optional<Date> writtenOn,
                                   bool signOff)
{
    const Owner owner = ownerOfQuery(transitionOwner, transitionId, "plan");
    require(owner, Need::Comment);
    return audited(
        [&] { return store_->addTransitionComment(transitionId, account_.name, text, writtenOn, signOff); },
        [&](const auto&) {
            return AuditEvent{signOff ? "sign-off-transition" : "comment-transition", owner.clientCode,
                              "transition " + std::to_string(transitionId), std::nullopt};
        });
}

std::vector<PlanComment> Workspace::planComments(Id planId)
{
    const Owner owner = ownerOfQuery(planOwner, planId, "plan");
    require(owner, Need::Read);
    return store_->planComments(planId);
}

std::vector<PlanComment> Workspace::transitionComments(Id transitionId)
{
    require(ownerOfQuery(transitionOwner, transitionId, "plan"), Need::Read);
    return store_->transitionComments(transitionId);
}

Id Workspace::planTransition(const NewTransitionPlan& plan)
{
    const Owner owner = ownerOfClient(plan.clientCode);
    require(owner, Need::Write);
    return audited([&] { return store_->planTransition(plan); },
                   [&](const auto& id) {
                       return AuditEvent{"plan-transition", owner.clientCode,
                                         "transition " + std::to_string(id), std::nullopt};
                   });
}

Id Workspace::addReferralAgency(const ReferralAgency& agency)
{
    return audited([&] { return store_->addReferralAgency(agency); },
                   [&](const auto& id) {
                       return AuditEvent{"add-referral-agency", std::nullopt, "agency " + std::to_string(id),
                                         std::nullopt};
                   });
}

std::vector<ReferralAgency> Workspace::referralAgencies()
{
    return store_->referralAgencies();
}

std::vector<CatalogueEntry> Workspace::catalogue(const std::string& kind)
{
    return store_->catalogue(kind);
}

AnalysisParams Workspace::analysisParams(Instrument instrument, const std::string& dimension)
{
    return store_->analysisParams(instrument, dimension);
}

ParamsLookup Workspace::params()
{
    return rememberedParams(*store_);
}

// ---- analyses

std::vector<Alert> Workspace::activeAlerts(const std::optional<std::string>& counselor, const Date& asOf)
{
    const auto scope = scopeOf(counselor);
    record({"view-alerts", std::nullopt, std::nullopt, counselor});
    if (!scope)
        return alliance::activeAlerts(*store_, std::nullopt, asOf);
    std::vector<Alert> result;
    for (const std::string& name : *scope) {
        auto some = alliance::activeAlerts(*store_, name, asOf);
        result.insert(result.end(), std::make_move_iterator(some.begin()),
                      std::make_move_iterator(some.end()));
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const Alert& a, const Alert& b) { return a.clientCode < b.clientCode; });
    orderBySeverity(result);
    return result;
}

std::vector<Alert> Workspace::clientAlerts(const std::string& code, const Date& asOf)
{
    const Owner owner = ownerOfClient(code);
    if (!account_.admin)
        require(owner, Need::Read);
    return alliance::clientAlerts(*store_, code, asOf, store_->alertAcks());
}

void Workspace::acknowledgeAlert(const std::string& alertId, const std::string& reason,
                                 std::optional<int> snoozeDays, const Date& asOf)
{
    const Owner owner = ownerOfClient(clientCodeOfAlert(alertId));
    require(owner, Need::Write);
    audited([&] { alliance::acknowledgeAlert(*store_, alertId, reason, snoozeDays, asOf); },
            [&] {
                return AuditEvent{"acknowledge-alert", owner.clientCode, "alert " + alertId, reason};
            });
}

std::map<std::string, AlertAck> Workspace::alertAcks()
{
    requireOwnPassword();
    // What hides an alert (its evidence and snooze) for everyone; the reason -- words a counselor
    // wrote about a client -- only for those who may read that client's text.
    std::map<std::string, AlertAck> acks = store_->alertAcks();
    std::map<std::string, bool> readable; // by client code
    for (auto& [id, ack] : acks) {
        std::string code;
        try {
            code = clientCodeOfAlert(id);
        } catch (const ValidationError&) {
            ack.reason.clear();
            continue;
        }
        auto found = readable.find(code);
        if (found == readable.end()) {
            bool mayRead = false;
            try {
                mayRead = mayReadText(ownerOfClient(code));
            } catch (const NotFound&) {
            }
            found = readable.emplace(code, mayRead).first;
        }
        if (!found->second)
            ack.reason.clear();
    }
    return acks;
}

CaseloadReview Workspace::reviewCaseload(const ReviewScope& scope, const ReviewPeriod& period)
{
    noteReviewRead(scope); // checks the scope first
    return alliance::reviewCaseload(*store_, scope, period);
}

std::optional<Date> Workspace::newestRecordDate()
{
    return store_->newestRecordDate();
}

// ---- the audit trail

std::vector<AuditEntry> Workspace::auditEntries(const AuditFilter& filter)
{
    requireAdmin("read the audit trail");
    return security::auditEntries(*store_, filter);
}

AuditCheck Workspace::verifyAudit()
{
    requireAdmin("verify the audit trail");
    return security::verifyAudit(*store_);
}

// ---- import and export

exchange::ImportReport Workspace::importCsv(const std::vector<exchange::ImportSource>& sources,
                                            const exchange::ImportOptions& options)
{
    requireOwnPassword();
    const exchange::ImportAccess access{
        [this] { requireAdmin("import counselors"); },
        [this](const std::string& counselor) { requireMayAddClientFor(counselor); },
        [this](const std::string& code) {
            if (!account_.admin)
                require(ownerOfClient(code), Need::Write);
        }};
    sql::Transaction transaction(store_->connection());
    exchange::ImportReport report = exchange::importCsv(*store_, sources, access, options);
    if (report.written) {
        std::string counts;
        for (const auto& file : report.files)
            if (file.kind)
                counts += (counts.empty() ? "" : "; ") + exchange::columnsOf(*file.kind).name + " " +
                          std::to_string(file.added) + " added, " + std::to_string(file.alreadyRecorded) +
                          " already recorded";
        record({"import", std::nullopt, std::nullopt, counts});
        // And an entry for each client the import added to, so the client's trail shows it.
        for (const auto& [code, added] : report.addedByClient) {
            std::string what = added.client ? "client" : "";
            for (const auto& [n, noun] :
                 {std::pair{added.ratings, "rating"}, {added.ruptures, "rupture"}, {added.plans, "plan"}})
                if (n > 0)
                    what += (what.empty() ? "" : ", ") + std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
            record({"import", code, std::nullopt, what});
        }
        transaction.commit();
    }
    return report;
}

std::uint64_t Workspace::exportCsv(exchange::RecordKind kind, std::ostream& out,
                                   const std::optional<std::string>& counselor)
{
    requireOwnPassword();
    scopeOf(counselor); // refused before anything is recorded or written
    const std::string what = exchange::columnsOf(kind).name;
    audited([] {},
            [&] {
                return AuditEvent{"export", std::nullopt, std::nullopt,
                                  what + (counselor ? " of " + *counselor : "")};
            });
    std::vector<Counselor> people;
    if (kind == exchange::RecordKind::Counselors)
        people = counselors();
    return exchange::writeCsv(
        kind, out, people,
        [&](const std::function<void(ClientDetail&)>& visit) { forEachClientDetail(counselor, visit); },
        params());
}

std::uint64_t Workspace::exportFhir(std::ostream& out, const std::optional<std::string>& counselor,
                                    const std::optional<std::string>& client, bool withNames)
{
    requireOwnPassword();
    if (client && counselor)
        throw ValidationError("client", "give a client or a counselor, not both");
    exchange::ClientPass pass;
    if (client) {
        ClientDetail detail = clientDetail(*client); // checked and recorded as a view
        pass = [detail](const std::function<void(ClientDetail&)>& visit) mutable { visit(detail); };
    } else {
        scopeOf(counselor);
        pass = [this, counselor](const std::function<void(ClientDetail&)>& visit) {
            forEachClientDetail(counselor, visit);
        };
    }
    audited([] {},
            [&] {
                return AuditEvent{"export", client, std::nullopt,
                                  std::string("fhir") + (withNames ? " with names" : "") +
                                      (counselor ? " of " + *counselor : "")};
            });
    return exchange::writeFhirBundle(out, pass, {withNames});
}

void Workspace::backupTo(const std::string& path)
{
    requireAdmin("back up the database");
    audited([] {}, [] { return AuditEvent{"backup", std::nullopt, std::nullopt, std::nullopt}; });
    exchange::backupDatabase(store_->connection(), path);
}

void Workspace::admitRestore()
{
    requireAdmin("restore a backup");
    const AuditCheck check = verifyAudit();
    if (!check.intact)
        throw Tampered("the backup's audit trail does not verify (entry " +
                       std::to_string(check.firstBroken.value_or(0)) + ": " + check.problem +
                       "); it was not restored");
    audited([] {}, [] { return AuditEvent{"restore", std::nullopt, std::nullopt, std::nullopt}; });
}

} // namespace alliance::security
