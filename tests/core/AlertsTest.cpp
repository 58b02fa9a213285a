#include "Alerts.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace alliance;

namespace {

void logBgt(Store& store, const Date& date, int bond, int goal, int task)
{
    NewRating r;
    r.clientCode = "C-001";
    r.date = date;
    r.instrument = Instrument::Bgt;
    r.itemTenths = {bond, goal, task};
    store.logRating(r);
}

std::vector<std::string> ids(const std::vector<Alert>& alerts)
{
    std::vector<std::string> out;
    for (const auto& a : alerts)
        out.push_back(a.id);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& id)
{
    return std::find(list.begin(), list.end(), id) != list.end();
}

} // namespace

TEST_CASE("Alerts: acknowledged stays hidden until something new happens")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    // Quick rating, default SD 4, r .85: RC 4.29. 27 -> 18 is a reliable drop at session 2.
    logBgt(store, Date(2026, 1, 5), 90, 90, 90);
    logBgt(store, Date(2026, 1, 12), 60, 60, 60);
    const Date asOf(2026, 1, 14);
    auto alerts = ids(activeAlerts(store, std::nullopt, asOf));
    REQUIRE(contains(alerts, "C-001/breach-pending/s2"));
    REQUIRE(contains(alerts, "C-001/unflagged-breach/s2"));

    const std::string before = test::dumpAll(store);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-001/breach-pending/s2", "", std::nullopt, asOf),
                    ValidationError);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-001/breach-pending/s2", "ok", 0, asOf), ValidationError);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-001/drift/last", "ok", std::nullopt, asOf), NotFound);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-404/drift/last", "ok", std::nullopt, asOf), NotFound);
    CHECK_THROWS_AS(acknowledgeAlert(store, "nonsense", "ok", std::nullopt, asOf), ValidationError);
    CHECK(test::dumpAll(store) == before);

    acknowledgeAlert(store, "C-001/breach-pending/s2", "Talked it through; watching next session",
                     std::nullopt, asOf);
    alerts = ids(activeAlerts(store, std::nullopt, asOf));
    CHECK_FALSE(contains(alerts, "C-001/breach-pending/s2"));
    CHECK(contains(alerts, "C-001/unflagged-breach/s2"));
    // Still hidden much later while the evidence is the same.
    CHECK_FALSE(
        contains(ids(activeAlerts(store, std::nullopt, Date(2026, 1, 16))), "C-001/breach-pending/s2"));

    // Something new: the breach deepens.
    logBgt(store, Date(2026, 1, 19), 40, 50, 50);
    CHECK(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 1, 20))), "C-001/breach-pending/s2"));
}

TEST_CASE("Alerts: a snooze ends on its date")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 5), 80, 80, 80);
    const Date asOf(2026, 2, 1); // 27 days, cadence 7: drifting
    REQUIRE(contains(ids(activeAlerts(store, std::nullopt, asOf)), "C-001/drift/last"));
    acknowledgeAlert(store, "C-001/drift/last", "Left a message; client on holiday", 7, asOf);
    CHECK_FALSE(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 2, 7))), "C-001/drift/last"));
    CHECK(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 2, 8))), "C-001/drift/last"));
    const auto acks = store.alertAcks();
    REQUIRE(acks.count("C-001/drift/last") == 1);
    CHECK(acks.at("C-001/drift/last").reason == "Left a message; client on holiday");
}

TEST_CASE("Alerts are limited to a counselor's active clients")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    store.addCounselor("Sam Okafor", "counselor", std::nullopt);
    logBgt(store, Date(2026, 1, 5), 80, 80, 80);
    const Date asOf(2026, 3, 1);
    CHECK_FALSE(activeAlerts(store, std::string("Alex Rivera"), asOf).empty());
    CHECK(activeAlerts(store, std::string("Sam Okafor"), asOf).empty());
    CHECK_THROWS_AS(activeAlerts(store, std::string("Nobody"), asOf), NotFound);
    store.setClientStatus("C-001", "transferred");
    CHECK(activeAlerts(store, std::nullopt, asOf).empty());
}
