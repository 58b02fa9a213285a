#include "Agency.hpp"

#include "Instruments.hpp"
#include "Sqlite.hpp"
#include "security/Accounts.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace alliance::bench {

AgencySize agencySize(const std::string& name)
{
    if (name == "S")
        return {"S", 1, 40, 25};
    if (name == "M")
        return {"M", 20, 800, 31};
    if (name == "L")
        return {"L", 100, 5000, 40};
    throw std::invalid_argument("agency size must be S, M or L");
}

namespace {

std::string numbered(const char* pattern, int n)
{
    char text[32];
    std::snprintf(text, sizeof text, pattern, n);
    return text;
}

} // namespace

AgencySummary fillAgency(Store& store, const AgencySize& size, const Date& asOf, std::uint32_t seed)
{
    sql::Transaction everything(store.connection());
    std::mt19937 random(seed);
    const auto between = [&random](int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(random);
    };
    AgencySummary summary;
    for (int k = 0; k < size.counselors; ++k) {
        const bool supervisor = k % 10 == 0;
        const std::string name = numbered("Counselor %03d", k + 1);
        store.addCounselor(name, supervisor ? Role::Supervisor : Role::Counselor,
                           supervisor || k < 10
                               ? std::nullopt
                               : std::optional<std::string>(numbered("Counselor %03d", k / 10 * 10 + 1)));
        ++summary.counselors;
    }
    // The accounts before any client, as an agency starts (and so every text is sealed as written).
    security::initialize(store, {benchAdmin, Role::Admin, std::nullopt, true}, benchPassword);
    for (const Counselor& person : store.counselors())
        if (person.name != benchAdmin)
            security::createAccount(store, {person.name, person.role, person.supervisorName, false},
                                    benchPassword);
    for (int c = 0; c < size.clients; ++c) {
        const std::string code = numbered("A-%05d", c + 1);
        const int sessions = std::max(3, size.sessionsPerClient * between(60, 140) / 100);
        const Date last = asOf - boost::gregorian::days(between(0, 21));
        const Date first = last - boost::gregorian::days(7L * (sessions - 1));
        NewClient client;
        client.code = code;
        client.counselorName = numbered("Counselor %03d", c % size.counselors + 1);
        client.startDate = first;
        store.addClient(client);
        ++summary.clients;

        const int pick = between(0, 9);
        const Instrument instrument = pick < 6   ? Instrument::WaiSr
                                      : pick < 9 ? Instrument::Srs
                                                 : Instrument::Bgt;
        const InstrumentSpec& s = spec(instrument);
        const int step = s.wholeNumberItems ? 10 : 1;
        const int span = s.itemMaxTenths - s.itemMinTenths;
        const int base = s.itemMinTenths + span * between(55, 85) / 100; // the client's usual answer
        const bool drops = between(0, 3) == 0;
        const int dropAt = drops ? between(2, sessions - 1) : sessions;
        const bool recovers = between(0, 1) == 0;
        for (int n = 0; n < sessions; ++n) {
            int level = base;
            if (n >= dropAt && (!recovers || n < dropAt + 2))
                level -= span * 40 / 100; // a drop larger than the reliable change
            NewRating rating;
            rating.clientCode = code;
            rating.date = first + boost::gregorian::days(7L * n);
            rating.instrument = instrument;
            for (int i = 0; i < s.itemCount(); ++i) {
                const int noisy = level + between(-span / 10, span / 10);
                const int clamped = std::clamp(noisy, s.itemMinTenths, s.itemMaxTenths);
                rating.itemTenths.push_back(clamped / step * step);
            }
            if (n % 3 == 1) // the client's post-session report on every third session
                store.logSession(
                    rating, PostSessionReport{n == dropAt, n == dropAt ? std::optional<int>(3) : std::nullopt,
                                              n == dropAt ? std::optional<int>(2) : std::nullopt});
            else
                store.logRating(rating);
            ++summary.sessions;
        }
        if (drops) { // the counselor flags the rupture at the drop and plans its repair
            NewRupture rupture;
            rupture.clientCode = code;
            rupture.session = dropAt + 1;
            rupture.kind = between(0, 1) == 0 ? RuptureKind::Withdrawal : RuptureKind::Confrontation;
            rupture.markers = rupture.kind == RuptureKind::Withdrawal
                                  ? std::vector<std::string>{"minimal-response", "avoidant-storytelling"}
                                  : std::vector<std::string>{"complaint-progress", "rejecting-intervention"};
            rupture.category = "broken-trust";
            rupture.note = "Generated rupture note";
            NewRepairPlan plan;
            plan.ruptureId = store.flagRupture(rupture);
            plan.strategies = {"listen", "validate", "co-create-plan"};
            plan.steps = {"Ask what felt unhelpful", "Agree on one change"};
            plan.createdOn = first + boost::gregorian::days(7L * dropAt);
            plan.dueDate = *plan.createdOn + boost::gregorian::days(14);
            const Id planId = store.planRepair(plan);
            ++summary.ruptures;
            if (recovers && dropAt + 3 <= sessions)
                store.closeRepair(planId, Outcome::Resolved, dropAt + 3,
                                  *plan.createdOn + boost::gregorian::days(14));
            else
                store.addPlanComment(planId, client.counselorName, "Generated comment", *plan.createdOn);
        }
    }
    everything.commit();
    return summary;
}

} // namespace alliance::bench
