#include "Demo.hpp"

#include "Errors.hpp"
#include "security/Accounts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>

namespace alliance {
namespace {

enum class Story { Steady, Growing, Repaired, Unrepaired, Pending, Drifting, Ceiling, HighLowHigh };
constexpr std::array<Story, 8> stories = {Story::Repaired, Story::Steady,     Story::Unrepaired,
                                          Story::Growing,  Story::Ceiling,    Story::Pending,
                                          Story::Drifting, Story::HighLowHigh};

class Random {
public:
    explicit Random(std::uint32_t seed) : engine_(seed) {}
    // Uniform integer in [low, high]; mapped by hand so every platform gives the same caseload.
    int between(int low, int high)
    {
        return low + static_cast<int>(engine_() % static_cast<std::uint32_t>(high - low + 1));
    }
    double unit() { return static_cast<double>(engine_()) / 4294967296.0; }
    double noise(double spread) { return (unit() + unit() + unit() - 1.5) * spread; }

private:
    std::mt19937 engine_;
};

// The story's level (0..1 of the scale) at session i of n.
double level(Story story, int i, int n, int breakAt)
{
    const double progress = n > 1 ? static_cast<double>(i) / (n - 1) : 0.0;
    switch (story) {
    case Story::Steady: return 0.72;
    case Story::Growing: return 0.50 + 0.35 * progress;
    case Story::Ceiling: return i >= n - 4 ? 1.0 : 0.88;
    case Story::Drifting: return 0.66 - 0.10 * progress;
    case Story::HighLowHigh: return 0.80 - 0.30 * std::sin(3.14159 * progress);
    case Story::Repaired:
        if (i == breakAt || i == breakAt + 1)
            return 0.48;
        return i > breakAt + 1 ? 0.82 : 0.76;
    case Story::Unrepaired: return i >= breakAt ? 0.45 : 0.78;
    case Story::Pending: return i >= breakAt ? 0.50 : 0.80;
    }
    return 0.7;
}

std::vector<int> itemsAt(Instrument instrument, double fraction, Random& random, bool exact)
{
    const InstrumentSpec& s = spec(instrument);
    std::vector<int> items;
    for (int k = 0; k < s.itemCount(); ++k) {
        const double jitter = exact ? 0.0 : random.noise(s.wholeNumberItems ? 0.30 : 0.08);
        const double f = std::clamp(fraction + jitter, 0.0, 1.0);
        const double tenths = s.itemMinTenths + f * (s.itemMaxTenths - s.itemMinTenths);
        const int step = s.wholeNumberItems ? 10 : 1;
        items.push_back(static_cast<int>(std::lround(tenths / step)) * step);
    }
    return items;
}

} // namespace

void validateDemoOptions(const DemoOptions& options)
{
    if (options.clients < 1 || options.clients > 2000)
        throw ValidationError("clients",
                              "value " + std::to_string(options.clients) + " out of range 1..2000");
    const Date now = options.today.value_or(today());
    requireRecordDate("today", now);
    if (now < Date(1902, 1, 1))
        throw ValidationError("today",
                              "the demo's history needs two years after 1900: give 1902-01-01 or later");
}

DemoSummary fillDemo(Store& store, const DemoOptions& options)
{
    validateDemoOptions(options);
    // All or nothing, and one sync to disk instead of one per session.
    sql::Transaction everything(store.connection());
    if (!store.clients().empty())
        throw ValidationError("db", "the database already holds clients; the demo needs a new, empty file");

    const Date now = options.today.value_or(today());
    Random random(options.seed);
    DemoSummary summary;

    const auto existing = store.counselors();
    const auto addOnce = [&](const std::string& name, Role role,
                             const std::optional<std::string>& supervisor) {
        const bool known =
            std::any_of(existing.begin(), existing.end(), [&](const Counselor& k) { return k.name == name; });
        if (!known) {
            store.addCounselor(name, role, supervisor);
            ++summary.counselors;
        }
    };
    // Two teams. Taylor Brooks started recently and carries too few clients for a dependable figure.
    addOnce("Morgan Ellis", Role::Supervisor, std::nullopt);
    addOnce("Priya Shah", Role::Supervisor, std::nullopt);
    addOnce("Robin Admin", Role::Admin, std::nullopt);
    const std::map<std::string, std::string> supervisorOf = {{"Alex Rivera", "Morgan Ellis"},
                                                             {"Sam Okafor", "Morgan Ellis"},
                                                             {"Jordan Lee", "Morgan Ellis"},
                                                             {"Casey Nguyen", "Priya Shah"},
                                                             {"Taylor Brooks", "Priya Shah"}};
    for (const auto& [name, supervisor] : supervisorOf)
        addOnce(name, Role::Counselor, supervisor);
    // The accounts before any client, so every text the demo writes is sealed as it is written.
    if (!security::hasAccounts(store)) {
        summary.recoveryKey =
            security::initialize(store, {"Robin Admin", Role::Admin, std::nullopt, true}, demoPassword);
        for (const auto& person : store.counselors())
            if (person.name != "Robin Admin")
                security::createAccount(store, {person.name, person.role, person.supervisorName, false},
                                        demoPassword);
    }
    // Who sees client c: a cycle of 11 (prime to the 8 stories, so everyone meets every story).
    const std::array<const char*, 11> counselors = {
        "Alex Rivera", "Sam Okafor",   "Jordan Lee",  "Casey Nguyen", "Alex Rivera",  "Sam Okafor",
        "Jordan Lee",  "Casey Nguyen", "Alex Rivera", "Sam Okafor",   "Taylor Brooks"};
    if (store.referralAgencies().empty()) {
        store.addReferralAgency({0, "Northside Family Counseling",
                                 std::string("individual and family counseling"),
                                 std::string("intake line, weekdays")});
        store.addReferralAgency({0, "Harbor Community Mental Health",
                                 std::string("trauma-informed care, sliding scale"),
                                 std::string("front desk")});
    }

    for (int c = 0; c < options.clients; ++c) {
        const Story story = stories[static_cast<std::size_t>(c) % stories.size()];
        char code[16];
        std::snprintf(code, sizeof code, "C-%03d", c + 1);
        const int cadence = random.between(0, 3) == 0 ? 14 : 7;
        const bool ruptured = story == Story::Repaired || story == Story::Unrepaired;
        const int sessions = story == Story::Ceiling ? random.between(8, 20)
                             : ruptured              ? random.between(9, 40)
                                                     : random.between(5, 40);
        // Where the alliance breaks: early enough for an unrepaired breach to close (window 3)
        // and a repaired one to recover; at the very end for a breach still pending.
        const int breakAt = story == Story::Pending ? sessions - 1
                            : ruptured              ? sessions - 5 - random.between(0, 3)
                                                    : sessions / 2;
        const Instrument instrument = c % 5 == 3   ? Instrument::Srs
                                      : c % 5 == 4 ? Instrument::Bgt
                                                   : Instrument::WaiSr;
        const long quietDays = story == Story::Drifting ? cadence * 5L : random.between(0, cadence);
        const Date last = now - boost::gregorian::days(quietDays);
        const Date first = last - boost::gregorian::days(static_cast<long>(cadence) * (sessions - 1));

        NewClient client;
        client.code = code;
        client.counselorName = counselors[static_cast<std::size_t>(c) % counselors.size()];
        const std::string& supervisor = supervisorOf.at(client.counselorName);
        client.startDate = first;
        client.cadenceDays = cadence;
        store.addClient(client);
        ++summary.clients;

        for (int i = 0; i < sessions; ++i) {
            NewRating rating;
            rating.clientCode = code;
            rating.date = first + boost::gregorian::days(static_cast<long>(cadence) * i);
            rating.instrument = instrument;
            const double wobble = story == Story::Ceiling ? 0.0 : random.noise(0.05);
            const double target = std::min(1.0, level(story, i, sessions, breakAt) + wobble);
            rating.itemTenths = itemsAt(instrument, target, random, target >= 1.0);
            rating.durationMinutes = 50;
            // Some sessions go without the client's rating (only the counselor's own view): Jordan
            // Lee skips one in three, Casey Nguyen one in six -- what a supervisor audits first.
            const bool unrated = (client.counselorName == "Jordan Lee" && i % 3 == 1) ||
                                 (client.counselorName == "Casey Nguyen" && i % 6 == 2);
            if (unrated && i > 0 && i + 1 < sessions) {
                rating.rater = Rater::Counselor;
                store.logRating(rating);
                ++summary.sessions;
                continue;
            }
            store.logRating(rating);
            ++summary.sessions;
            if (c % 3 == 0 && i % 2 == 0) { // the counselor's own view, for side-by-side
                rating.rater = Rater::Counselor;
                rating.itemTenths = itemsAt(instrument, std::min(1.0, target + 0.02), random, false);
                rating.durationMinutes.reset();
                store.logRating(rating);
            }
        }

        if (story == Story::Repaired || story == Story::Unrepaired) {
            NewRupture rupture;
            rupture.clientCode = code;
            rupture.session = breakAt + 1;
            rupture.kind = story == Story::Repaired ? RuptureKind::Confrontation : RuptureKind::Withdrawal;
            rupture.markers = story == Story::Repaired
                                  ? std::vector<std::string>{"complaint-progress", "rejecting-intervention"}
                                  : std::vector<std::string>{"minimal-response", "avoidant-storytelling"};
            rupture.salience = story == Story::Repaired ? 3 : 4;
            rupture.category = story == Story::Repaired ? "managing-expectations" : "broken-trust";
            const Id ruptureId = store.flagRupture(rupture);
            ++summary.ruptures;
            const Date ruptureDate = first + boost::gregorian::days(static_cast<long>(cadence) * breakAt);
            NewRepairPlan plan;
            plan.ruptureId = ruptureId;
            plan.strategies = {"listen", "validate", "co-create-plan"};
            plan.steps = {"Ask what felt unhelpful last time", "Agree on one change to the session plan"};
            plan.createdOn = ruptureDate;
            plan.dueDate = ruptureDate + boost::gregorian::days(cadence * 2L);
            const Id planId = store.planRepair(plan);
            if (story == Story::Unrepaired) // supervision looked at the plans still open
                store.addPlanComment(planId, supervisor,
                                     "Talk about the rupture itself before changing the plan; bring it to "
                                     "supervision next week.",
                                     ruptureDate + boost::gregorian::days(cadence));
            if (story == Story::Unrepaired && c % 16 == 10) { // "when repair is not possible"
                NewTransitionPlan transition;
                transition.clientCode = code;
                transition.ruptureId = ruptureId;
                transition.policyReviewed = true;
                transition.dialogueHeld = true;
                transition.supervisorInvited = true;
                transition.referralAgency = "Northside Family Counseling";
                transition.nextSteps = "Two joint sessions, then the hand-over; the client chose the agency";
                transition.createdOn = std::min(now, ruptureDate + boost::gregorian::days(cadence * 3L));
                const Id transitionId = store.planTransition(transition);
                store.addTransitionComment(transitionId, client.counselorName,
                                           "Asked the client what would make the hand-over easier.",
                                           transition.createdOn);
            }
            if (story == Story::Repaired && breakAt + 3 <= sessions) {
                const Date closed = ruptureDate + boost::gregorian::days(cadence * 2L);
                store.closeRepair(planId, Outcome::Resolved, breakAt + 3, closed);
                if (c % 2 == 0) // half the repaired plans are already signed off
                    store.addPlanComment(
                        planId, supervisor,
                        "Followed through: the client named what felt unhelpful and the plan "
                        "changed with them. Signed off.",
                        std::min(now, closed + boost::gregorian::days(3)), true);
            }
        }
    }
    everything.commit();
    return summary;
}

} // namespace alliance
