// The typed vocabularies and the schema's CHECK constraints list the same words: every slug is
// accepted by the database and a word outside the table is refused by both.
#include "Vocabulary.hpp"
#include "Store.hpp"
#include "TestSupport.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

namespace {

// The values a CHECK (column IN (...)) of `table` allows, read from the schema SQLite holds.
std::vector<std::string> allowedBySchema(Store& store, const std::string& table, const std::string& column)
{
    sql::Statement query(store.connection(),
                         "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
    query.bind(1, table);
    REQUIRE(query.step());
    const std::string sql = query.text(0);
    const std::string marker = column + " IN (";
    const auto start = sql.find(marker);
    REQUIRE(start != std::string::npos);
    const auto end = sql.find(')', start);
    std::vector<std::string> values;
    for (auto quote = sql.find('\'', start); quote != std::string::npos && quote < end;) {
        const auto close = sql.find('\'', quote + 1);
        values.push_back(sql.substr(quote + 1, close - quote - 1));
        quote = sql.find('\'', close + 1);
    }
    return values;
}

template <class E> std::vector<std::string> slugs()
{
    std::vector<std::string> out;
    for (E value : allValues<E>())
        out.push_back(slug(value));
    return out;
}

} // namespace

TEST_CASE("Each vocabulary lists exactly the words its CHECK constraint allows")
{
    Store store(":memory:", OpenMode::CreateIfMissing);
    CHECK(allowedBySchema(store, "counselor", "role") == slugs<Role>());
    CHECK(allowedBySchema(store, "client", "status") == slugs<ClientStatus>());
    CHECK(allowedBySchema(store, "rating", "rater") == slugs<Rater>());
    CHECK(allowedBySchema(store, "rupture", "kind") == slugs<RuptureKind>());
    auto noticed = allowedBySchema(store, "rupture", "noticed_by");
    auto expected = slugs<NoticedBy>();
    std::sort(noticed.begin(), noticed.end());
    std::sort(expected.begin(), expected.end());
    CHECK(noticed == expected);
    CHECK(allowedBySchema(store, "repair_plan", "status") == slugs<PlanStatus>());
    auto outcomes = allowedBySchema(store, "repair_plan", "outcome");
    CHECK(outcomes == slugs<Outcome>());
}

TEST_CASE("Slugs round-trip and an unknown word names its field and what is allowed")
{
    for (Rater r : allValues<Rater>())
        CHECK(parseSlug<Rater>(slug(r)) == r);
    for (Outcome o : allValues<Outcome>())
        CHECK(parseSlug<Outcome>(slug(o)) == o);
    CHECK(test::rejectedField([] { parseSlug<PlanStatus>("done"); }) == "plan_status");
    CHECK(test::rejectedField([] { parseSlug<Rater>("Client"); }) == "rater"); // exact words only
    CHECK(test::rejectedField([] { parseSlug<Rater>("aunt", "rater_of_record"); }) == "rater_of_record");
    CHECK_THROWS_WITH(parseSlug<RuptureKind>("sulking"), Catch::Contains("withdrawal, confrontation"));
}
