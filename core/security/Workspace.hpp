#pragma once
// What one signed-in account may do. Every front door (the CLI, the app) reaches the records only
// through a Workspace, and every operation here checks the account first, refusing with
// AccessDenied before anything is read or written:
//   - a counselor reads and writes their own clients only;
//   - a supervisor also reads their supervisees' clients and the team's review, comments on and
//     signs off their plans -- and changes no rating, rupture or plan of a supervisee's client;
//   - an admin manages accounts, adds people and clients, moves clients between counselors and
//     reads every figure, but no clinical text (names, notes, steps, comments) of a client who is
//     not their own: it comes back empty;
//   - an account whose password an admin reset does nothing but change it.
// Views, writes, corrections and account changes are put in the audit trail (AuditTrail.hpp) in
// the same transaction as the write.
#include "Alerts.hpp"
#include "Review.hpp"
#include "Store.hpp"
#include "exchange/Import.hpp"
#include "exchange/Records.hpp"
#include "security/Accounts.hpp"
#include "security/AuditTrail.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace alliance::security {

class Workspace {
public:
    // Signs in (Accounts.hpp signIn) and returns what that account may do.
    static Workspace signIn(Store& store, const std::string& name, const std::string& password,
                            UnixSeconds now = nowSeconds());
    // For a second connection to the same database (a worker thread's read): the same account,
    // whose sign-in already unlocked `store` with a copy of the key.
    Workspace(Store& store, Account account);

    const Account& account() const { return account_; }
    bool isAdmin() const { return account_.admin; }
    // True when the account has a clinical role that may see other counselors' clients (a
    // supervisor's team) or is an admin (figures of everyone).
    bool seesOthers() const;
    // The people whose clients this account may see, by name; empty for everyone (admin).
    std::vector<std::string> visibleCounselors();
    // Forgets the data key (the app's lock, sign-out).
    void lock();
    // A copy of the data key for a read-only Store of the same file on another thread.
    SecretKey keyCopy() const { return store_->sealing().key().copy(); }
    const std::string& databasePath() const { return path_; }

    // ---- people and accounts (admin, except where said)
    std::vector<Counselor> counselors(); // everyone signed in
    Id addCounselor(const std::string& name, Role role, const std::optional<std::string>& supervisor);
    std::vector<Account> accounts();
    Account createAccount(const NewAccount& account, const std::string& password);
    void setDisabled(const std::string& name, bool disabled);
    void resetPassword(const std::string& name, const std::string& password);
    // The account's own password (anyone, for themself).
    void changePassword(const std::string& oldPassword, const std::string& newPassword);
    bool maySignOff(const std::string& counselor);

    // ---- clients
    // Clients the account may see (of one counselor, or all it may see); names only where it may
    // read them.
    std::vector<ClientSummary> clients(const std::optional<std::string>& counselor = {});
    Id addClient(const NewClient& client); // the counselor for themself, or an admin
    void updateClient(const std::string& code, const ClientChanges& changes);
    void setClientStatus(const std::string& code, ClientStatus status);
    ClientDetail clientDetail(const std::string& code); // audited as a view
    void forEachClientDetail(const std::optional<std::string>& counselor,
                             const std::function<void(ClientDetail&)>& visit,
                             DetailDepth depth = DetailDepth::Whole);

    // ---- sessions, ratings, reports (the client's counselor)
    LoggedRating logSession(const NewRating& rating, const std::optional<PostSessionReport>& report);
    void recordPostSessionReport(const std::string& code, const SessionRef& session,
                                 const PostSessionReport& report,
                                 const std::optional<std::string>& reason = {});
    std::vector<ReportRevision> postSessionReportHistory(const std::string& code, const SessionRef& session);
    bool hasRating(const std::string& code, const Date& date, Instrument instrument, Rater rater);
    Id findRating(const std::string& code, const SessionRef& session, Instrument instrument, Rater rater);
    void amendRating(Id ratingId, const std::vector<int>& itemTenths, const std::string& reason);
    void voidRating(Id ratingId, const std::string& reason);
    std::vector<RatingRevision> ratingHistory(Id ratingId);
    StoredRating storedRating(Id ratingId);

    // ---- ruptures and plans (the client's counselor; comments also their supervisor or an admin)
    Id flagRupture(const NewRupture& rupture);
    void amendRupture(Id ruptureId, const RuptureChanges& changes, const std::string& reason);
    void voidRupture(Id ruptureId, const std::string& reason);
    std::pair<RuptureChanges, bool> storedRupture(Id ruptureId);
    std::string clientCodeOfRupture(Id ruptureId);
    std::vector<RuptureRevision> ruptureHistory(Id ruptureId);
    Id planRepair(const NewRepairPlan& plan);
    void amendRepairPlan(Id planId, const RepairPlanChanges& changes, const std::string& reason);
    RepairPlanChanges storedRepairPlan(Id planId);
    std::vector<RepairPlanRevision> repairPlanHistory(Id planId);
    void closeRepair(Id planId, Outcome outcome, std::optional<SessionRef> followUp,
                     std::optional<Date> closedOn = {});
    Id addPlanComment(Id planId, const std::string& text, std::optional<Date> writtenOn = {},
                      bool signOff = false);
    Id addTransitionComment(Id transitionId, const std::string& text, std::optional<Date> writtenOn = {},
                            bool signOff = false);
    std::vector<PlanComment> planComments(Id planId);
    std::vector<PlanComment> transitionComments(Id transitionId);
    Id planTransition(const NewTransitionPlan& plan);
    Id addReferralAgency(const ReferralAgency& agency);
    std::vector<ReferralAgency> referralAgencies();
    std::vector<CatalogueEntry> catalogue(const std::string& kind);
    AnalysisParams analysisParams(Instrument instrument, const std::string& dimension);
    // The stored analysis parameters, each read once (Alerts.hpp rememberedParams).
    ParamsLookup params();

    // ---- analyses (scoped to what the account may see)
    std::vector<Alert> activeAlerts(const std::optional<std::string>& counselor, const Date& asOf);
    std::vector<Alert> clientAlerts(const std::string& code, const Date& asOf);
    void acknowledgeAlert(const std::string& alertId, const std::string& reason,
                          std::optional<int> snoozeDays, const Date& asOf);
    // Every acknowledgement (alerts are hidden by them for everyone), with the reason only for
    // clients whose text the account may read.
    std::map<std::string, AlertAck> alertAcks();
    CaseloadReview reviewCaseload(const ReviewScope& scope, const ReviewPeriod& period);
    std::optional<Date> newestRecordDate();

    // ---- import and export (exchange/)
    // Imports CSV files in one transaction (exchange/Import.hpp): counselors by an admin; clients by
    // their own counselor or an admin; ratings, ruptures and plans for clients whose records the
    // account may change -- their own counselor's -- or, by an admin, for anyone's (how an agency
    // moves its records in). A written import is an audit entry with its counts, and one for each
    // client it added to.
    exchange::ImportReport importCsv(const std::vector<exchange::ImportSource>& sources,
                                     const exchange::ImportOptions& options);
    // Writes one kind of record of the clients the account may see (of one counselor, or all), as
    // forEachClientDetail reads them (an admin's has no text of others' clients); recorded in the
    // audit trail before a row is written. Returns the number of rows.
    std::uint64_t exportCsv(exchange::RecordKind kind, std::ostream& out,
                            const std::optional<std::string>& counselor = {});

    // Writes an HL7 FHIR R4 Bundle (exchange/Fhir.hpp) of one client or of the clients the account
    // may see (of one counselor, or all); names only when asked for and readable. Audited first.
    std::uint64_t exportFhir(std::ostream& out, const std::optional<std::string>& counselor,
                             const std::optional<std::string>& client, bool withNames);
    // A backup of the database (exchange/Backup.hpp) by an admin, its audit entry in the copy.
    void backupTo(const std::string& path);
    // Accepts this database, a restored backup being checked, for a restore (exchange::
    // restoreDatabase): the account is an admin of it and its audit trail verifies (Tampered
    // otherwise); the restore is recorded in it.
    void admitRestore();

    // ---- the audit trail (admin)
    std::vector<AuditEntry> auditEntries(const AuditFilter& filter);
    AuditCheck verifyAudit();
    // Records an event (an export, a page shown) by this account.
    void audit(const AuditEvent& event);
    // Checks and records a read of a caseload or of the review, as forEachClientDetail and
    // reviewCaseload do: for a read made through a read-only copy on a worker (which records
    // nothing itself). AccessDenied when the account may not read it.
    void noteCaseloadRead(const std::optional<std::string>& counselor);
    void noteReviewRead(const ReviewScope& scope);

private:
    enum class Need { Read, Write, Comment };
    struct Owner {
        Id counselorId = 0;
        std::optional<Id> supervisorId;
        std::string clientCode;
    };
    // Throws AccessDenied unless the account may do `need` to the client `owner` describes.
    void require(const Owner& owner, Need need) const;
    bool mayReadText(const Owner& owner) const;
    Owner ownerOfClient(const std::string& code);
    Owner ownerOfQuery(const std::string& sql, Id id, const char* what);
    void requireAdmin(const char* doing) const;
    // A counselor adds clients to their own caseload; an admin to anyone's.
    void requireMayAddClientFor(const std::string& counselor) const;
    // After an admin's reset the account reads and changes nothing until it chose its own password.
    void requireOwnPassword() const;
    // The counselors a scoped read covers: one named (checked) or every visible one; nullopt: all.
    std::optional<std::vector<std::string>> scopeOf(const std::optional<std::string>& counselor);
    // Empties every clinical text of a client (names, notes, steps, comments).
    static void removeClinicalText(ClientDetail& detail);
    // The counselors whose clients' text the account reads: itself and, for a supervisor, its team.
    std::vector<std::string> textReadableCounselors();
    // Records a caseload read whose scope was checked already.
    void recordCaseloadRead(const std::optional<std::string>& counselor);
    // Appends an audit entry by this account (inside the caller's transaction); nothing on a
    // read-only copy, whose reads the account's own workspace records.
    void record(const AuditEvent& event);
    // Runs a write and its audit entry in one transaction (Workspace.cpp).
    template <class Write, class Describe> auto audited(Write&& write, Describe&& describe);

    Store* store_;
    Account account_;
    std::optional<AuditEvent> lastView_; // the last view recorded, while nothing else was
    std::string path_;
};

} // namespace alliance::security
