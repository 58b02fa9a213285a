#include "Dates.hpp"
#include "Errors.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

TEST_CASE("ISO dates parse and format")
{
    CHECK(toIso(parseIsoDate("2026-02-28", "date")) == "2026-02-28");
    CHECK(toIso(parseIsoDate("2024-02-29", "date")) == "2024-02-29");
    CHECK(daysBetween(parseIsoDate("2026-01-01", "a"), parseIsoDate("2026-03-01", "b")) == 59);
}

TEST_CASE("Impossible and malformed dates are rejected naming the field")
{
    for (const std::string bad : {"2026-02-30", "2026-13-01", "yesterday", "", "2026-1-01", "2026-00-10",
                                  "2025-02-29", "20260101", "2026-01-01T00:00", "0000-01-01"}) {
        try {
            parseIsoDate(bad, "date");
            FAIL("accepted " << bad);
        } catch (const ValidationError& e) {
            CHECK(e.field() == "date");
            CHECK(std::string(e.what()).find("date") == 0);
        }
    }
}
