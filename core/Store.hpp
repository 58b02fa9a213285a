#pragma once
// The store owns the SQLite connection. Every write validates its input first and runs in one
// BEGIN IMMEDIATE transaction: a rejected write leaves the database as it was.
#include "Model.hpp"
#include "Sqlite.hpp"
#include "Trajectory.hpp"
#include "Validation.hpp"
#include "security/Sealing.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace alliance {

// ReadOnly and MustExist open only an existing Alliance Tracker database; CreateIfMissing also
// makes a new file (never takes over an existing file that is not ours).
enum class OpenMode { ReadOnly, MustExist, CreateIfMissing };

// How much of each client a pass reads (Store::forEachClientDetail).
enum class DetailDepth { Whole, ForAnalysis };

struct AlertAck {
    std::string key;
    std::string fingerprint;
    std::string reason;
    Date ackedOn;
    std::optional<Date> snoozeUntil;
};

class Store {
public:
    // Opens the file (":memory:" for a private in-memory database) and migrates it to the latest
    // schema; nothing is written before the file is known to be ours. Throws NotFound (no file and
    // not CreateIfMissing), NotOurDatabase, PermissionDenied, SchemaTooNew, StorageError.
    Store(const std::string& path, OpenMode mode);

    // True when this Store made the file (so a failed first command may remove it again).
    bool createdFile() const { return createdFile_; }
    // The newest session date on record, to notice a system clock that runs behind.
    std::optional<Date> newestRecordDate();

    Id addCounselor(const std::string& name, Role role, const std::optional<std::string>& supervisorName);
    std::vector<Counselor> counselors();
    Counselor counselor(const std::string& name);

    Id addClient(const NewClient& client);
    // Clients of one counselor (or all), ordered by code.
    std::vector<ClientSummary> clients(const std::optional<std::string>& counselorName = {});
    void setClientStatus(const std::string& code, ClientStatus status);
    // Replaces a client's display name, counselor, cadence and status, validated as for a new one.
    void updateClient(const std::string& code, const ClientChanges& changes);

    // Adds the rating to the client's session on that date, creating the session if needed.
    LoggedRating logRating(const NewRating& rating);
    // The rating and, when given, the client's post-session report for the same session: both
    // are stored or neither.
    LoggedRating logSession(const NewRating& rating, const std::optional<PostSessionReport>& report);
    // Records the client's post-session report; replacing a different one needs a reason, and the
    // replaced answers are kept (post_session_report_revision).
    void recordPostSessionReport(const std::string& clientCode, const SessionRef& session,
                                 const PostSessionReport& report,
                                 const std::optional<std::string>& reason = {});
    int postSessionReportRevisions(const std::string& clientCode, const SessionRef& session);
    // The reports the client's current one replaced, oldest first.
    std::vector<ReportRevision> postSessionReportHistory(const std::string& clientCode,
                                                         const SessionRef& session);

    // Corrections (StoreCorrections.cpp). A rating is found by client, session, instrument and
    // rater; amending replaces its items (and restores a voided one), voiding takes it out of the
    // analysis. Both need a reason and keep the replaced version in the rating's history.
    // True when the client's session on `date` has a rating (void or not) by `rater` with
    // `instrument`; false when it has none or there is no session that day. NotFound: no such client.
    bool hasRating(const std::string& clientCode, const Date& date, Instrument instrument, Rater rater);
    Id findRating(const std::string& clientCode, const SessionRef& session, Instrument instrument,
                  Rater rater);
    void amendRating(Id ratingId, const std::vector<int>& itemTenths, const std::string& reason);
    void voidRating(Id ratingId, const std::string& reason);
    StoredRating storedRating(Id ratingId);
    // Oldest first.
    std::vector<RatingRevision> ratingHistory(Id ratingId);

    Id flagRupture(const NewRupture& rupture);
    // The code of the client a rupture belongs to. NotFound when there is none.
    std::string clientCodeOfRupture(Id ruptureId);
    Id planRepair(const NewRepairPlan& plan);
    // Corrections of ruptures and plans (StoreCorrections.cpp), each with a reason; the replaced
    // version is kept. Amending a voided rupture restores it. NotFound: no such rupture or plan.
    void amendRupture(Id ruptureId, const RuptureChanges& changes, const std::string& reason);
    void voidRupture(Id ruptureId, const std::string& reason);
    // The rupture as recorded now (void or not), and whether it is void.
    std::pair<RuptureChanges, bool> storedRupture(Id ruptureId);
    std::vector<RuptureRevision> ruptureHistory(Id ruptureId); // oldest first
    void amendRepairPlan(Id planId, const RepairPlanChanges& changes, const std::string& reason);
    RepairPlanChanges storedRepairPlan(Id planId);
    std::vector<RepairPlanRevision> repairPlanHistory(Id planId); // oldest first
    void closeRepair(Id planId, Outcome outcome, std::optional<SessionRef> followUpSession,
                     std::optional<Date> closedOn = {});
    // A comment on a repair plan (open or closed) by the supervisor of the client's counselor, an
    // admin, or the client's counselor; only a supervisor of that counselor or an admin may sign the
    // plan off with it (ValidationError "author", NotAllowed, otherwise). Text up to 20,000 chars.
    Id addPlanComment(Id planId, const std::string& authorName, const std::string& text,
                      std::optional<Date> writtenOn = {}, bool signOff = false);
    // The same for a transition plan.
    Id addTransitionComment(Id transitionId, const std::string& authorName, const std::string& text,
                            std::optional<Date> writtenOn = {}, bool signOff = false);
    // The sign-off rule, for a front end to offer only what the core will take: true when `person`
    // is an admin or the supervisor of `counselor`; false for an unknown name.
    bool maySignOff(const std::string& person, const std::string& counselor);
    // A repair plan's comments, oldest first. NotFound: no such plan.
    std::vector<PlanComment> planComments(Id planId);
    std::vector<PlanComment> transitionComments(Id transitionId);

    Id addReferralAgency(const ReferralAgency& agency);
    std::vector<ReferralAgency> referralAgencies();
    // Plans the transition for a client (and rupture); a second save for the same client and
    // rupture updates the plan instead of adding another. Returns the plan's id.
    Id planTransition(const NewTransitionPlan& plan);

    // kind: strategy | marker | category
    std::vector<CatalogueEntry> catalogue(const std::string& kind);

    // The client's id by code (exactly as written, else by identity key). NotFound: no such client.
    Id clientId(const std::string& code);

    ClientDetail clientDetail(const std::string& code);
    // Every client of one counselor (or all), whole, ordered by code: read in one pass (a few
    // set-based queries), the same as clientDetail() gives for each (StoreDetails.cpp).
    std::vector<ClientDetail> clientDetails(const std::optional<std::string>& counselorName = {});
    // The same clients, handed to `visit` one at a time in code order as they are read: a batch of
    // clients is read at a time (one snapshot for all), so memory holds one batch, not the agency.
    // ForAnalysis leaves out what no analysis reads -- each session's duration, note and
    // post-session report -- and reads ~20% faster; everything else is as Whole gives it.
    void forEachClientDetail(const std::optional<std::string>& counselorName,
                             const std::function<void(ClientDetail&)>& visit,
                             DetailDepth depth = DetailDepth::Whole);
    // Clients read together by forEachClientDetail: enough to keep the number of queries small, few
    // enough that memory holds a batch, not the caseload.
    static constexpr std::size_t detailBatchSize = 250;

    // Stored analysis parameters for an instrument and dimension ("total", "bond", ...).
    AnalysisParams analysisParams(Instrument instrument, const std::string& dimension);

    void acknowledgeAlert(const AlertAck& ack);
    std::map<std::string, AlertAck> alertAcks();

    sql::Connection& connection() { return *connection_; }

    // The data key and whether text is sealed (security/Sealing.hpp). A database this Store made
    // (a new file, ":memory:") is sealed from the start under a fresh key held here until
    // `alliance init` wraps it for the first admin; an existing sealed one is locked until an
    // account's sign-in (security/Accounts.hpp) unlocks it; one without accounts (from before
    // them, or whose first command died before making one) is Plain until initialised.
    security::Sealing& sealing() { return *sealing_; }
    const security::Sealing& sealing() const { return *sealing_; }

private:
    // The columns a Client is read from, in readClient's order (client c JOIN counselor k).
    static constexpr const char* clientColumns =
        "c.id, c.code, unseal('client.display_name', c.display_name), k.name, c.start_date, c.cadence_days, "
        "c.status";
    static Client readClient(const sql::Statement& row);
    // Whom readSessions reads: one client, or a counselor's (or everyone's) clients whose codes lie
    // in [fromCode, toCode]; it reads them with their sessions and ratings.
    struct DetailScope {
        std::optional<Id> client, counselor;
        std::optional<std::string> fromCode, toCode;
        DetailDepth depth = DetailDepth::Whole;
    };
    std::vector<ClientDetail> readSessions(const DetailScope& scope);
    // A client's ruptures, plans and transition plans, read for one client, one counselor's or
    // everyone's clients, by client id.
    struct RuptureSide {
        std::vector<Rupture> ruptures, voidedRuptures;
        std::vector<RepairPlan> plans;
        std::vector<TransitionPlan> transitions;
    };
    std::unordered_map<Id, RuptureSide> readRuptureSide(const std::optional<Id>& client,
                                                        const std::optional<Id>& counselor);
    static void attachRuptureSide(ClientDetail& detail, std::unordered_map<Id, RuptureSide>& sides);
    Id counselorId(const std::string& name, const std::string& field);
    // Adds a comment to the plan in `column` (repair_plan_id | transition_plan_id) whose client's
    // counselor and supervisor `owner` finds (one row: counselor_id, supervisor_id).
    std::vector<PlanComment> comments(const char* table, const char* column, Id planId);
    // The sign-off rule on ids: `author` is an admin or the supervisor of counselor `counselor`.
    bool signsOff(Id author, Id counselor);
    Id addComment(const char* column, Id planId, const std::string& ownerQuery, const std::string& authorName,
                  const std::string& text, std::optional<Date> writtenOn, bool signOff);
    Id sessionId(Id clientId, const SessionRef& session, const std::string& field);
    void requireCatalogue(const std::string& kind, const std::string& slug, const std::string& field,
                          std::string* group = nullptr);
    // Validates a rupture's details inside the write's transaction; returns the cleaned note.
    std::optional<std::string> checkRupture(const RuptureChanges& details);
    // Validates a plan's strategies, steps, note and due date (against `created`), cleaning them.
    void checkRepairPlan(std::vector<std::string>& strategies, std::vector<std::string>& steps,
                         std::optional<std::string>& note, const std::optional<Date>& due,
                         const Date& created);
    // Inserts a plan's strategies and numbered steps (none of which may be on record yet).
    void writePlanLists(Id planId, const std::vector<std::string>& strategies,
                        const std::vector<std::string>& steps);

    void openFile(const std::string& path, OpenMode mode);
    // Defines the sealing functions on the new connection and finds the database's sealing mode.
    void setUpSealing();
    void openReadOnly(const std::string& path);

    std::unique_ptr<security::Sealing> sealing_ = std::make_unique<security::Sealing>();
    std::unique_ptr<sql::Connection> connection_;
    bool createdFile_ = false;
};

} // namespace alliance
