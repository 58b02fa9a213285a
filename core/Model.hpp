#pragma once
// Plain value types of the domain. Closed vocabularies are typed (Vocabulary.hpp); free text is
// validated by the Store before anything is written; these types carry what was stored.
#include "Dates.hpp"
#include "Instruments.hpp"
#include "Vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace alliance {

using Id = std::int64_t;

struct Counselor {
    Id id = 0;
    std::string name;
    Role role = Role::Counselor;
    std::optional<std::string> supervisorName;
};

struct Client {
    Id id = 0;
    std::string code; // pseudonymous, unique
    std::optional<std::string> displayName;
    std::string counselorName;
    Date startDate;
    int cadenceDays = 7;
    ClientStatus status = ClientStatus::Active;
};

struct ClientSummary {
    Client client;
    int sessionCount = 0;
    std::optional<Date> lastSessionDate;
};

struct Rating {
    Id id = 0;
    Rater rater = Rater::Client;
    Score score;
    int revisions = 0; // amendments and voids on record (the history keeps each earlier version)
};

// A rating as it stands now, void or not.
struct StoredRating {
    Rating rating;
    bool voided = false;
};

// One correction of a rating, rupture or repair plan: what it replaced, when and why.
template <class Version> struct Revision {
    Id id = 0;
    Date revisedOn;
    std::string action; // amend | void
    std::string reason;
    Version previous; // the version before this revision
    bool previousVoided = false;
};
using RatingRevision = Revision<Score>;

struct PostSessionReport {
    bool tension = false;
    std::optional<int> intensity;  // 1..5 when tension
    std::optional<int> resolution; // 1..5 when tension
};

struct SessionRecord {
    Id id = 0;
    int number = 0; // place in the client's date order, from 1
    Date date;
    std::optional<int> durationMinutes;
    std::optional<std::string> note;
    std::vector<Rating> ratings;       // current, the ones the analysis uses
    std::vector<Rating> voidedRatings; // kept for the record, never analysed
    std::optional<PostSessionReport> report;
};

struct Rupture {
    Id id = 0;
    int sessionNumber = 0;
    Date sessionDate;
    RuptureKind kind = RuptureKind::Withdrawal;
    std::vector<std::string> markers;
    int salience = 3;
    NoticedBy noticedBy = NoticedBy::Counselor;
    std::optional<std::string> category;
    std::optional<std::string> note;
    int revisions = 0; // amendments and voids on record
};

struct RepairStep {
    int position = 0;
    std::string text;
    bool done = false;
};

// What a supervisor (or the plan's own counselor) wrote about a repair or transition plan, and
// whether a supervisor signed the plan off with it.
struct PlanComment {
    Id id = 0;
    std::string author;
    Date writtenOn;
    std::string text;
    bool signedOff = false;
};

struct RepairPlan {
    Id id = 0;
    Id ruptureId = 0;
    Date createdOn;
    std::optional<Date> dueDate;
    PlanStatus status = PlanStatus::Planned;
    std::optional<Outcome> outcome; // when closed
    std::optional<int> followUpSessionNumber;
    std::optional<Date> closedOn;
    std::optional<std::string> note;
    std::vector<std::string> strategies;
    std::vector<RepairStep> steps;
    int revisions = 0;                 // amendments on record
    std::vector<PlanComment> comments; // oldest first
};

struct ReferralAgency {
    Id id = 0;
    std::string name;
    std::optional<std::string> services;
    std::optional<std::string> contact;
};

struct TransitionPlan {
    Id id = 0;
    std::optional<Id> ruptureId;
    Date createdOn;
    bool policyReviewed = false;
    bool dialogueHeld = false;
    bool supervisorInvited = false;
    std::optional<std::string> referralAgency;
    std::optional<std::string> nextSteps;
    std::vector<PlanComment> comments; // oldest first
};

struct ClientDetail {
    Client client;
    std::vector<SessionRecord> sessions; // in date order
    std::vector<Rupture> ruptures;       // current, the ones the analysis uses
    std::vector<Rupture> voidedRuptures; // kept for the record, never analysed
    std::vector<RepairPlan> plans;       // of current ruptures (a voided rupture's plans go with it)
    std::vector<TransitionPlan> transitions;
};

struct CatalogueEntry {
    std::string slug;
    std::string label;
    std::string group;
};

// A session named after the fact: by its date, which never changes, or by its number, which is
// its place in date order and shifts when an earlier session is logged later.
struct SessionRef {
    std::optional<int> number;
    std::optional<Date> date;
    SessionRef() = default;
    SessionRef(int sessionNumber) : number(sessionNumber) {}   // NOLINT: a number is a reference
    SessionRef(const Date& sessionDate) : date(sessionDate) {} // NOLINT: so is a date
};

// What a write needs.
struct NewClient {
    std::string code;
    std::string counselorName;
    std::optional<std::string> displayName;
    std::optional<Date> startDate; // default: today
    int cadenceDays = 7;
};

// The editable parts of a client (the code and start date are fixed once records refer to them).
struct ClientChanges {
    std::optional<std::string> displayName;
    std::string counselorName;
    int cadenceDays = 7;
    ClientStatus status = ClientStatus::Active;
};

struct NewRating {
    std::string clientCode;
    Date date;
    Instrument instrument = Instrument::Bgt;
    std::vector<int> itemTenths;
    Rater rater = Rater::Client;
    std::optional<std::string> note;
    std::optional<int> durationMinutes;
};

struct LoggedRating {
    int sessionNumber = 0;
    Id ratingId = 0;
    bool newSession = false;
};

// A rupture's details: what a new one records, and what a correction replaces (the session stays).
struct RuptureChanges {
    RuptureKind kind = RuptureKind::Withdrawal;
    std::vector<std::string> markers;
    int salience = 3;
    NoticedBy noticedBy = NoticedBy::Counselor;
    std::optional<std::string> category;
    std::optional<std::string> note;
};

struct NewRupture : RuptureChanges {
    std::string clientCode;
    SessionRef session;
};

using RuptureRevision = Revision<RuptureChanges>;
using ReportRevision = Revision<PostSessionReport>; // action is always "amend"

// A repair plan as corrected: strategies, steps, due date and note replace the recorded ones; a
// closed plan's outcome may be corrected too (and must be given for one, never for an open one).
struct RepairPlanChanges {
    std::vector<std::string> strategies;
    std::vector<std::string> steps;
    std::optional<Date> dueDate;
    std::optional<std::string> note;
    std::optional<Outcome> outcome;
};

using RepairPlanRevision = Revision<RepairPlanChanges>; // action is always "amend"

struct NewRepairPlan {
    Id ruptureId = 0;
    std::vector<std::string> strategies;
    std::vector<std::string> steps;
    std::optional<Date> dueDate;
    std::optional<std::string> note;
    std::optional<Date> createdOn; // default: today
};

struct NewTransitionPlan {
    std::string clientCode;
    std::optional<Id> ruptureId;
    bool policyReviewed = false;
    bool dialogueHeld = false;
    bool supervisorInvited = false;
    std::optional<std::string> referralAgency;
    std::optional<std::string> nextSteps;
    std::optional<Date> createdOn;
};

} // namespace alliance
