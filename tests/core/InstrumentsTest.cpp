#include "Instruments.hpp"
#include "Errors.hpp"

#include <catch2/catch.hpp>

using namespace alliance;

namespace {
std::vector<int> whole(std::initializer_list<int> values)
{
    std::vector<int> tenths;
    for (int v : values)
        tenths.push_back(v * 10);
    return tenths;
}
} // namespace

TEST_CASE("WAI-SR worked example scores task 14, bond 19, goal 15, total 48")
{
    const Score s = score(Instrument::WaiSr, whole({4, 3, 5, 4, 5, 3, 4, 4, 5, 3, 4, 4}));
    CHECK(s.taskTenths == 140);
    CHECK(s.bondTenths == 190);
    CHECK(s.goalTenths == 150);
    CHECK(s.totalTenths == 480);
    CHECK(s.mean(Dimension::Task) == Approx(3.50));
    CHECK(s.mean(Dimension::Bond) == Approx(4.75));
    CHECK(s.mean(Dimension::Goal) == Approx(3.75));
    CHECK(s.mean(std::nullopt) == Approx(4.00));
    CHECK_FALSE(s.belowCutoff().has_value());
}

TEST_CASE("WAI-SR extremes: all 1s and all 5s")
{
    const Score low = score(Instrument::WaiSr, std::vector<int>(12, 10));
    CHECK(low.taskTenths == 40);
    CHECK(low.bondTenths == 40);
    CHECK(low.goalTenths == 40);
    CHECK(low.totalTenths == 120);
    const Score high = score(Instrument::WaiSr, std::vector<int>(12, 50));
    CHECK(high.taskTenths == 200);
    CHECK(high.bondTenths == 200);
    CHECK(high.goalTenths == 200);
    CHECK(high.totalTenths == 600);
}

TEST_CASE("WAI-SR rejects out-of-range, fractional, missing and miscounted items, naming the item")
{
    const auto rejects = [](const std::string& items, const std::string& field) {
        try {
            parseItems(Instrument::WaiSr, items);
            FAIL("accepted " << items);
        } catch (const ValidationError& e) {
            CHECK(e.field() == field);
        }
    };
    rejects("0,3,5,4,5,3,4,4,5,3,4,4", "item 1");
    rejects("4,3,5,4,5,3,4,4,5,3,4,6", "item 12");
    rejects("4,3,3.5,4,5,3,4,4,5,3,4,4", "item 3");
    rejects("4,3,5,4,,3,4,4,5,3,4,4", "item 5");
    rejects("4,3,5,4,5,3,4,4,5,3,4", "items");
    rejects("4,3,5,4,5,3,4,4,5,3,4,4,4", "items");
    rejects("4,3,x,4,5,3,4,4,5,3,4,4", "item 3");
    rejects("4,3,-1,4,5,3,4,4,5,3,4,4", "item 3");
    rejects("", "items");
}

TEST_CASE("SRS worked example: 33.0, below the cutoff, lowest item goals and topics")
{
    const auto items = parseItems(Instrument::Srs, "8.5,7.0,9.5,8.0");
    const Score s = score(Instrument::Srs, items);
    CHECK(s.totalTenths == 330);
    CHECK(s.belowCutoff(Comparator::Less) == true);
    CHECK(spec(Instrument::Srs).itemLabels[static_cast<std::size_t>(s.lowestItem)] == "Goals and topics");
    CHECK(s.overallTenths == 80);
    CHECK(s.bondTenths == 85);
    CHECK(s.goalTenths == 70);
    CHECK(s.taskTenths == 95);
}

TEST_CASE("SRS 9.2+8.7+9.0+9.1 is exactly 36.0: not flagged with <, flagged with <=")
{
    const Score s = score(Instrument::Srs, parseItems(Instrument::Srs, "9.2,8.7,9.0,9.1"));
    CHECK(s.totalTenths == 360);
    CHECK(s.belowCutoff(Comparator::Less) == false);
    CHECK(s.belowCutoff(Comparator::LessOrEqual) == true);
}

TEST_CASE("SRS and quick rating reject values outside 0..10 and more than one decimal")
{
    CHECK_THROWS_AS(parseItems(Instrument::Srs, "10.1,7.0,9.5,8.0"), ValidationError);
    CHECK_THROWS_AS(parseItems(Instrument::Srs, "8.55,7.0,9.5,8.0"), ValidationError);
    CHECK_THROWS_AS(parseItems(Instrument::Bgt, "5,5"), ValidationError);
    CHECK_THROWS_WITH(parseItems(Instrument::Bgt, "5,11,5"),
                      Catch::Contains("item 2") && Catch::Contains("0.0..10.0"));
    const Score s = score(Instrument::Bgt, parseItems(Instrument::Bgt, "10, 0.0 ,7.5"));
    CHECK(s.totalTenths == 175);
    CHECK(formatItems(Instrument::Bgt, s.itemTenths) == "10.0,0.0,7.5");
}

TEST_CASE("Instrument slugs round-trip and unknown ones are rejected")
{
    for (Instrument i : allInstruments())
        CHECK(instrumentFromSlug(spec(i).slug) == i);
    CHECK_THROWS_AS(instrumentFromSlug("phq-9"), ValidationError);
}

TEST_CASE("Stored items are read fast as written, and anything else gets the full check")
{
    for (Instrument instrument : allInstruments()) {
        const InstrumentSpec& s = spec(instrument);
        std::vector<int> items;
        for (int i = 0; i < s.itemCount(); ++i)
            items.push_back(s.wholeNumberItems ? 10 * (1 + i % 5) : 10 * i + 5);
        const std::string stored = formatItems(instrument, items);
        CHECK(readStoredItems(instrument, stored) == parseItems(instrument, stored));
        CHECK(readStoredItems(instrument, stored) == items);
        CHECK_THROWS_AS(readStoredItems(instrument, stored + ","), ValidationError);
        CHECK_THROWS_AS(readStoredItems(instrument, stored + ",1"), ValidationError);
        CHECK_THROWS_AS(readStoredItems(instrument, "x" + stored), ValidationError);
    }
    CHECK(readStoredItems(Instrument::Bgt, " 8.5, 7 ,9") == std::vector<int>{85, 70, 90}); // via parseItems
}
