#include "Alerts.hpp"
#include "Errors.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

namespace {

Id logBgt(Store& store, const Date& date, std::vector<int> tenths, Rater rater = Rater::Client)
{
    NewRating r;
    r.clientCode = "C-001";
    r.date = date;
    r.instrument = Instrument::Bgt;
    r.itemTenths = std::move(tenths);
    r.rater = rater;
    return store.logRating(r).ratingId;
}

} // namespace

TEST_CASE("Amending a rating keeps the version it replaced, and the analysis uses the new one")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 5), {90, 90, 90});
    const Id typo = logBgt(store, Date(2026, 1, 12), {20, 20, 20}); // a typing slip: a "breach"
    REQUIRE(store.findRating("c-001", Date(2026, 1, 12), Instrument::Bgt, Rater::Client) == typo);
    CHECK_FALSE(activeAlerts(store, std::nullopt, Date(2026, 1, 13)).empty());

    store.amendRating(typo, {80, 90, 90}, "typed the wrong row");
    const ClientDetail detail = store.clientDetail("C-001");
    REQUIRE(detail.sessions.at(1).ratings.size() == 1);
    CHECK(detail.sessions[1].ratings[0].score.totalTenths == 260);
    CHECK(detail.sessions[1].ratings[0].revisions == 1);
    CHECK(activeAlerts(store, std::nullopt, Date(2026, 1, 13)).empty()); // the breach was a typo

    const auto history = store.ratingHistory(typo);
    REQUIRE(history.size() == 1);
    CHECK(history[0].action == "amend");
    CHECK(history[0].reason == "typed the wrong row");
    CHECK(history[0].previous.totalTenths == 60);
    CHECK(history[0].revisedOn == today());
}

TEST_CASE("Corrections name what is wrong: the items, the reason, the rating")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    const Id rating = logBgt(store, Date(2026, 1, 5), {70, 80, 90});
    CHECK(test::rejectedField([&] { store.amendRating(rating, {70, 80, 90}, "same"); }) == "items");
    CHECK(test::rejectedField([&] { store.amendRating(rating, {70, 110, 90}, "out of range"); }) == "item 2");
    CHECK(test::rejectedField([&] { store.amendRating(rating, {70, 80}, "too few"); }) == "items");
    CHECK(test::rejectedField([&] { store.amendRating(rating, {70, 80, 80}, ""); }) == "reason");
    CHECK(test::rejectedField([&] { store.amendRating(rating, {70, 80, 80}, "   "); }) == "reason");
    CHECK(test::rejectedField([&] { store.amendRating(rating, {70, 80, 80}, "bell\a"); }) == "reason");
    CHECK(test::rejectedField([&] { store.voidRating(rating, " \t "); }) == "reason");
    CHECK_THROWS_AS(store.amendRating(9999, {70, 80, 90}, "x"), NotFound);
    CHECK_THROWS_AS(store.voidRating(9999, "x"), NotFound);
    CHECK_THROWS_AS(store.findRating("C-001", Date(2026, 1, 5), Instrument::Srs, Rater::Client), NotFound);
    CHECK_THROWS_AS(store.findRating("C-001", Date(2026, 1, 6), Instrument::Bgt, Rater::Client), NotFound);
    CHECK(test::rejectedField([&] { parseSlug<Rater>("boss"); }) == "rater");
    CHECK(store.ratingHistory(rating).empty());
}

TEST_CASE("A rejected amendment leaves the database exactly as it was")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    const Id rating = logBgt(store, Date(2026, 1, 5), {70, 80, 90});
    const std::string before = test::dumpAll(store);
    CHECK_THROWS_AS(store.amendRating(rating, {70, 80, 90}, "same"), ValidationError);
    CHECK_THROWS_AS(store.amendRating(rating, {70, 110, 90}, "out of range"), ValidationError);
    CHECK_THROWS_AS(store.amendRating(rating, {70, 80, 80}, ""), ValidationError);
    CHECK_THROWS_AS(store.voidRating(rating, ""), ValidationError);
    CHECK(test::dumpAll(store) == before);
}

TEST_CASE("A voided rating is kept but not analysed: it cannot be voided twice or logged again")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 5), {90, 90, 90});
    const Id wrong = logBgt(store, Date(2026, 1, 12), {20, 20, 20});
    store.voidRating(wrong, "rated the wrong client");
    const ClientDetail detail = store.clientDetail("C-001");
    CHECK(detail.sessions.at(1).ratings.empty());
    REQUIRE(detail.sessions[1].voidedRatings.size() == 1);
    CHECK(detail.sessions[1].voidedRatings[0].score.totalTenths == 60);
    CHECK(activeAlerts(store, std::nullopt, Date(2026, 1, 13)).empty());
    CHECK(test::rejectedField([&] { store.voidRating(wrong, "again"); }) == "rating");
    CHECK(test::rejectedField([&] { logBgt(store, Date(2026, 1, 12), {80, 80, 80}); }) == "rater");

    store.amendRating(wrong, {80, 80, 80}, "the client's real answers");
    const auto history = store.ratingHistory(wrong);
    REQUIRE(history.size() == 2);
    CHECK(history[0].action == "void");
    CHECK_FALSE(history[0].previousVoided);
    CHECK(history[1].action == "amend");
    CHECK(history[1].previousVoided);
    CHECK(store.clientDetail("C-001").sessions.at(1).ratings.at(0).score.totalTenths == 240);
}

TEST_CASE("A client's post-session report is replaced only with a reason, and the old one is kept")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    logBgt(store, Date(2026, 1, 5), {70, 80, 90});
    store.recordPostSessionReport("C-001", 1, {true, 4, 2});
    store.recordPostSessionReport("C-001", 1, {true, 4, 2}); // the same answers: nothing to do
    CHECK(store.postSessionReportRevisions("C-001", 1) == 0);

    const std::string before = test::dumpAll(store);
    CHECK(test::rejectedField([&] {
              store.recordPostSessionReport("C-001", 1, {false, std::nullopt, std::nullopt});
          }) == "reason");
    CHECK(
        test::rejectedField([&] {
            store.recordPostSessionReport("C-001", 1, {false, std::nullopt, std::nullopt}, std::string("  "));
        }) == "reason");
    CHECK(test::dumpAll(store) == before);

    store.recordPostSessionReport("C-001", Date(2026, 1, 5), {false, std::nullopt, std::nullopt},
                                  std::string("entered for the wrong session"));
    CHECK(store.postSessionReportRevisions("C-001", 1) == 1);
    const auto report = store.clientDetail("C-001").sessions.at(0).report;
    REQUIRE(report);
    CHECK_FALSE(report->tension);
}

TEST_CASE("hasRating: by date, instrument and rater, void or not: an unknown client is not found")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    test::addCounselorAndClient(store);
    const Id rating = logBgt(store, Date(2026, 1, 5), {70, 80, 90});
    CHECK(store.hasRating("c-001", Date(2026, 1, 5), Instrument::Bgt, Rater::Client));
    CHECK_FALSE(store.hasRating("C-001", Date(2026, 1, 5), Instrument::Bgt, Rater::Counselor));
    CHECK_FALSE(store.hasRating("C-001", Date(2026, 1, 5), Instrument::Srs, Rater::Client));
    CHECK_FALSE(store.hasRating("C-001", Date(2026, 1, 6), Instrument::Bgt, Rater::Client)); // no session
    store.voidRating(rating, "entered for the wrong client");
    CHECK(store.hasRating("C-001", Date(2026, 1, 5), Instrument::Bgt, Rater::Client));
    CHECK_THROWS_AS(store.hasRating("C-404", Date(2026, 1, 5), Instrument::Bgt, Rater::Client), NotFound);
}
