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
    REQUIRE(contains(alerts, "C-001/breach-pending/2026-01-12"));
    REQUIRE(contains(alerts, "C-001/unflagged-breach/2026-01-12"));

    const std::string before = test::dumpAll(store);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-001/breach-pending/2026-01-12", "", std::nullopt, asOf),
                    ValidationError);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-001/breach-pending/2026-01-12", "ok", 0, asOf),
                    ValidationError);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-001/drift/last", "ok", std::nullopt, asOf), NotFound);
    CHECK_THROWS_AS(acknowledgeAlert(store, "C-404/drift/last", "ok", std::nullopt, asOf), NotFound);
    CHECK_THROWS_AS(acknowledgeAlert(store, "nonsense", "ok", std::nullopt, asOf), ValidationError);
    CHECK(test::dumpAll(store) == before);

    acknowledgeAlert(store, "C-001/breach-pending/2026-01-12", "Talked it through; watching next session",
                     std::nullopt, asOf);
    alerts = ids(activeAlerts(store, std::nullopt, asOf));
    CHECK_FALSE(contains(alerts, "C-001/breach-pending/2026-01-12"));
    CHECK(contains(alerts, "C-001/unflagged-breach/2026-01-12"));
    // Still hidden much later while the evidence is the same.
    CHECK_FALSE(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 1, 16))),
                         "C-001/breach-pending/2026-01-12"));

    // Something new: the breach deepens.
    logBgt(store, Date(2026, 1, 19), 40, 50, 50);
    CHECK(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 1, 20))),
                   "C-001/breach-pending/2026-01-12"));
}

TEST_CASE("Alerts: a snooze ends on its date")
{
    const test::PinnedToday pinned(Date(2026, 2, 1));
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
    store.addCounselor("Sam Okafor", Role::Counselor, std::nullopt);
    logBgt(store, Date(2026, 1, 5), 80, 80, 80);
    const Date asOf(2026, 3, 1);
    CHECK_FALSE(activeAlerts(store, std::string("Alex Rivera"), asOf).empty());
    CHECK(activeAlerts(store, std::string("Sam Okafor"), asOf).empty());
    CHECK_THROWS_AS(activeAlerts(store, std::string("Nobody"), asOf), NotFound);
    store.setClientStatus("C-001", ClientStatus::Transferred);
    CHECK(activeAlerts(store, std::nullopt, asOf).empty());
}

TEST_CASE("Alerts: a snooze counts from the day it was really given, not from --as-of")
{
    const test::PinnedToday pinned(Date(2026, 3, 1));
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 5), 80, 80, 80);
    // Acknowledged on March 1st about the alert as it stood on February 1st: 7 days from March 1st.
    acknowledgeAlert(store, "C-001/drift/last", "Left a message", 7, Date(2026, 2, 1));
    const auto ack = store.alertAcks().at("C-001/drift/last");
    CHECK(ack.ackedOn == Date(2026, 3, 1));
    CHECK(ack.snoozeUntil == Date(2026, 3, 8));
    CHECK_FALSE(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 3, 7))), "C-001/drift/last"));
    CHECK(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 3, 8))), "C-001/drift/last"));
}

TEST_CASE("Alerts: a back-dated session neither revives an acknowledged alert nor retargets it")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 12), 90, 90, 90);
    logBgt(store, Date(2026, 1, 19), 60, 60, 60); // session 2: a reliable drop
    const Date asOf(2026, 1, 20);
    REQUIRE(contains(ids(activeAlerts(store, std::nullopt, asOf)), "C-001/breach-pending/2026-01-19"));
    acknowledgeAlert(store, "C-001/breach-pending/2026-01-19", "Discussed", std::nullopt, asOf);
    // A session logged later for an earlier date makes the drop session 3 ...
    logBgt(store, Date(2026, 1, 5), 90, 90, 90);
    const auto alerts = activeAlerts(store, std::nullopt, asOf);
    // ... but the alert keeps its id and stays acknowledged.
    CHECK_FALSE(contains(ids(alerts), "C-001/breach-pending/2026-01-19"));
    for (const auto& alert : alerts)
        CHECK(alert.flag.kind != "breach-pending");
}

TEST_CASE("Alerts as of a past day see only what was on record that day")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 5), 90, 90, 90);
    logBgt(store, Date(2026, 1, 12), 90, 90, 90);
    logBgt(store, Date(2026, 1, 19), 60, 60, 60); // a drop that happened after Jan 13th
    CHECK(contains(ids(activeAlerts(store, std::nullopt, Date(2026, 1, 20))),
                   "C-001/breach-pending/2026-01-19"));
    const auto before = activeAlerts(store, std::nullopt, Date(2026, 1, 13));
    for (const auto& alert : before)
        CHECK(alert.flag.kind != "breach-pending");
    CHECK_THROWS_AS(activeAlerts(store, std::nullopt, Date(1899, 12, 31)), ValidationError);
}
