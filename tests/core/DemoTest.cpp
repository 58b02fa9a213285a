#include "Demo.hpp"
#include "Alerts.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

using namespace alliance;

TEST_CASE("The demo caseload has every story a screen needs to show")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    const Date today(2026, 11, 27);
    const DemoSummary summary = fillDemo(store, {24, 1, today});
    CHECK(summary.clients == 24);
    CHECK(summary.counselors == 8); // two supervisors, an admin, five counselors
    const auto counselors = store.counselors();
    CHECK(std::count_if(counselors.begin(), counselors.end(),
                        [](const Counselor& c) { return c.role == Role::Supervisor; }) == 2);

    std::set<std::string> kinds;
    std::set<std::string> statuses;
    int minSessions = 1000;
    int maxSessions = 0;
    for (const auto& c : store.clients()) {
        minSessions = std::min(minSessions, c.sessionCount);
        maxSessions = std::max(maxSessions, c.sessionCount);
        const ClientDetail detail = store.clientDetail(c.client.code);
        const TrajectoryReport report = defaultTrajectory(store, detail, today);
        for (const auto& f : report.flags)
            kinds.insert(f.kind);
        for (const auto& e : report.total.episodes)
            statuses.insert(statusSlug(e.status));
    }
    CHECK(minSessions >= 5);
    CHECK(maxSessions <= 40);
    for (const char* kind :
         {"unrepaired", "breach-pending", "drift", "ceiling", "plan-overdue", "unflagged-breach"})
        CHECK(kinds.count(kind) == 1);
    CHECK(statuses.count("repaired") == 1);
    CHECK(statuses.count("unrepaired") == 1);
}

TEST_CASE("The demo is reproducible from its seed and refuses a database with clients")
{
    Store a(":memory:", OpenMode::CreateIfMissing);
    Store b(":memory:", OpenMode::CreateIfMissing);
    fillDemo(a, {10, 42, Date(2026, 6, 1)});
    fillDemo(b, {10, 42, Date(2026, 6, 1)});
    CHECK(test::dumpContent(a) == test::dumpContent(b));
    const std::string before = test::dumpAll(a);
    CHECK_THROWS_AS(fillDemo(a, {10, 42, Date(2026, 6, 1)}), ValidationError);
    CHECK_THROWS_AS(fillDemo(b, {0, 1, std::nullopt}), ValidationError);
    CHECK(test::dumpAll(a) == before);
}
