#pragma once
// The supervisor's review of a caseload over a period: per counselor and for the scope as a whole,
// from the same default trajectories the client page and the alerts use (RR-1, the client as rater,
// each client's most-rated instrument), never a second definition. Honest about uncertainty: rates
// carry their denominators and Wilson intervals, means their t-intervals and a small-n mark, and
// counselors are compared on a funnel plot, never ranked.
#include "Store.hpp"
#include "TrajectoryReport.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace alliance {

struct Interval {
    double low = 0;
    double high = 0;
};

// Wilson score interval of successes / trials at z (1.96: 95%). Requires 0 <= successes <= trials,
// trials > 0.
Interval wilsonInterval(int successes, int trials, double z = 1.96);
// The two-sided 95% Student t quantile for `degrees` of freedom (>= 1): 12.706 for 1, 1.96 as
// degrees grow.
double tQuantile95(int degrees);
// Mean +- t * s / sqrt(n); nullopt for fewer than two values.
std::optional<Interval> meanInterval(const std::vector<double>& values);

// Spiegelhalter's funnel (normal approximation): limits around `centre` for a unit of n cases,
// z 1.96 (95%) and 3.09 (99.8%), clipped to 0..1.
struct FunnelLimits {
    int n = 0;
    double low95 = 0, high95 = 0, low998 = 0, high998 = 0;
};
FunnelLimits funnelLimits(double centre, int n);
enum class FunnelBand { Inside, Above95, Below95, Above998, Below998 };
std::string slugOf(FunnelBand band); // inside | above-95 | below-95 | above-99.8 | below-99.8
// Where successes / trials falls against the limits (trials > 0).
FunnelBand funnelBand(double centre, int successes, int trials);

// Whose caseload: one counselor, a supervisor's team (their supervisees and themself), everyone.
struct ReviewScope {
    enum class Kind { Counselor, Supervisor, Everyone };
    Kind kind = Kind::Everyone;
    std::string name; // the counselor or supervisor; empty for everyone
};
std::string slugOf(ReviewScope::Kind kind); // counselor | supervisor | everyone

// Events dated from..to (inclusive) count; what was on record on asOf is used (see knownOn).
struct ReviewPeriod {
    Date from, to, asOf;
};
// The longest period a review covers (ten years less a day): each week is a row per counselor.
constexpr long reviewLongestPeriodDays = 3652;
// Defaults: to = asOf, from = 12 weeks (84 days) before to. Throws ValidationError (from, to)
// when from is after to, to after asOf, or the period longer than ten years.
ReviewPeriod reviewPeriod(const Date& asOf, std::optional<Date> from = {}, std::optional<Date> to = {});

enum class Direction { Improved, Same, Worsened };

// One client's part in every figure; the drill-down lists these.
struct ClientReview {
    std::string code;
    std::string counselor;
    bool active = false;   // status active and started by asOf
    int sessions = 0;      // dated in the period
    int ratedSessions = 0; // ... with at least one current client rating
    int opened = 0;        // breach episodes with onset in the period
    int repaired = 0, unrepaired = 0, pending = 0;
    bool drifting = false;                             // active clients, as the drift alert says
    bool belowCutoff = false, atCeiling = false;       // active clients, latest ratings, as the alerts say
    int rupturesFlagged = 0;                           // current ruptures at sessions in the period
    int plansOpen = 0, plansOverdue = 0;               // as of asOf
    std::optional<Direction> direction;                // first vs last default-series rating in the period
    std::vector<std::pair<Instrument, double>> latest; // active: latest client total per instrument
    // What happened in each week of the period that had something (index into the review's weeks).
    struct Week {
        std::size_t index = 0;
        int ratings = 0, breachesOpened = 0, breachesRepaired = 0, rupturesFlagged = 0, plansClosed = 0;
    };
    std::vector<Week> weeks; // by index
};

struct BreachCounts {
    int opened = 0, repaired = 0, unrepaired = 0, pending = 0;
};
struct RepairRate {
    int repaired = 0;
    int closed = 0;                   // repaired + unrepaired
    std::optional<double> value;      // none when closed is 0
    std::optional<Interval> interval; // Wilson 95%
};
struct LatestMean {
    Instrument instrument = Instrument::WaiSr;
    int n = 0;
    double mean = 0;
    std::optional<Interval> interval; // t 95%, n >= 2
    bool smallN = true;               // n < reviewMinimumCases
};
// ACORN's minimum of cases before a clinician's figure is shown as dependable.
constexpr int reviewMinimumCases = 15;

struct ReviewFigures {
    int activeClients = 0, sessions = 0, ratedSessions = 0;
    BreachCounts breaches;
    RepairRate repairRate;
    int drifting = 0, belowCutoff = 0, atCeiling = 0, rupturesFlagged = 0, plansOpen = 0, plansOverdue = 0;
    int improved = 0, same = 0, worsened = 0;
    std::vector<LatestMean> latest; // instruments with at least one client, in instrument order
};
// The figures of a set of clients.
ReviewFigures figuresOf(const std::vector<const ClientReview*>& clients);

// One ISO 8601 week (Monday start) of the trends. Only events dated within the period count; a
// week the period only partly covers is marked partial.
struct WeekFigures {
    int isoYear = 0, isoWeek = 0;
    Date start; // its Monday
    bool partial = false;
    int ratings = 0;                     // current client ratings, any instrument
    std::array<int, 3> ratingsOf{};      // per instrument (Instrument's order)
    std::array<long, 3> totalTenthsOf{}; // their summed totals, for the mean
    int breachesOpened = 0, breachesRepaired = 0, rupturesFlagged = 0, plansClosed = 0;
    // The mean total of that instrument's ratings this week; none when there were none.
    std::optional<double> mean(Instrument instrument) const;
    std::string label() const; // "2026-W47"
};
// The ISO year and week of a date ("2026-12-31" -> 2026, 53; "2027-01-01" -> 2026, 53).
std::pair<int, int> isoWeekOf(const Date& date);
// The Monday of the date's ISO week.
Date mondayOf(const Date& date);

struct CounselorReview {
    std::string name;
    Role role = Role::Counselor;
    std::optional<std::string> supervisor;
    ReviewFigures figures;
    std::optional<FunnelBand> band; // none when no episode has closed
    std::vector<WeekFigures> weeks;
};

struct CaseloadReview {
    ReviewScope scope;
    ReviewPeriod period;
    std::vector<CounselorReview> counselors; // by name: never by a score
    ReviewFigures team;
    std::vector<WeekFigures> weeks;     // the scope's
    std::optional<double> funnelCentre; // the scope's repair rate; none when nothing closed
    std::vector<FunnelLimits> funnel;   // n = 1 .. a little past the largest counselor's
    std::vector<ClientReview> clients;  // by code
};

// The clients behind a figure (of one counselor, or the whole scope when counselor is empty), by
// code. Figures are named as in the JSON: active_clients, sessions, rated_sessions,
// unrated_sessions, opened, repaired, unrepaired, pending, closed (behind a repair rate: repaired
// or unrepaired), drifting, below_cutoff, at_ceiling, ruptures_flagged, plans_open, plans_overdue,
// improved, same, worsened, latest. Throws ValidationError (figure) for an unknown name.
std::vector<const ClientReview*> clientsBehind(const CaseloadReview& review, const std::string& counselor,
                                               const std::string& figure);

// The clients behind one week of the trends (of one counselor, or the scope for ""): those with a
// rating, a breach opened or repaired, a rupture or a plan closed that week, by code.
std::vector<const ClientReview*> clientsOfWeek(const CaseloadReview& review, const std::string& counselor,
                                               std::size_t weekIndex);

// Reads the scope's clients in one pass (Store::forEachClientDetail) and builds every figure.
// Throws NotFound (counselor, supervisor) for a name that is no such person.
CaseloadReview reviewCaseload(Store& store, const ReviewScope& scope, const ReviewPeriod& period);

// The pure part, for tests and for callers that read the clients themselves: the scope's people
// (as Store::counselors gives them) and a function that hands over each client's detail.
class CaseloadReviewBuilder {
public:
    CaseloadReviewBuilder(const ReviewScope& scope, const ReviewPeriod& period,
                          const std::vector<Counselor>& people, ParamsLookup params);
    // The scope's people, by name (a supervisor's team: them and their supervisees).
    std::vector<std::string> memberNames() const;
    // Adds a client of one of the scope's people (others are ignored).
    void add(const ClientDetail& detail);
    CaseloadReview finish();

private:
    std::size_t weekIndex(const Date& date) const;
    CaseloadReview review_;
    ParamsLookup params_;
    Date firstMonday_;
};

} // namespace alliance
