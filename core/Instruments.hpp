#pragma once
// The instrument registry (ALLIANCE.md section 2): item ranges, subscale maps, scoring and
// cutoffs for WAI-SR, SRS v3 and the product's quick bond/goal/task rating.
// All arithmetic is on integer tenths so that 9.2+8.7+9.0+9.1 is exactly 36.0.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alliance {

enum class Instrument { WaiSr, Srs, Bgt };
enum class Dimension { Bond, Goal, Task, Overall };
enum class Comparator { Less, LessOrEqual };

struct InstrumentSpec {
    Instrument id;
    std::string slug;      // "wai-sr", "srs", "bgt"
    std::string name;      // for people
    std::string shortName; // for people, where room is short: "WAI-SR", "SRS", "Quick rating"
    bool wholeNumberItems; // WAI-SR: integers only
    int itemMinTenths;
    int itemMaxTenths;
    std::vector<Dimension> itemDimension; // one per item, in item order
    std::vector<std::string> itemLabels;  // item numbers or licence-free domain names
    std::optional<int> cutoffTenths;      // total below (or at) this signals trouble
    int itemCount() const { return static_cast<int>(itemDimension.size()); }
    int totalMinTenths() const { return itemMinTenths * itemCount(); }
    int totalMaxTenths() const { return itemMaxTenths * itemCount(); }
    int dimensionItemCount(Dimension d) const;
};

// Throws ValidationError("instrument") for an unknown slug.
Instrument instrumentFromSlug(const std::string& slug);
const InstrumentSpec& spec(Instrument instrument);
const std::vector<Instrument>& allInstruments();
std::string dimensionSlug(Dimension d);

struct Score {
    Instrument instrument;
    std::vector<int> itemTenths;
    int totalTenths = 0;
    int bondTenths = 0;
    int goalTenths = 0;
    int taskTenths = 0;
    std::optional<int> overallTenths; // SRS only
    int lowestItem = 0;               // 0-based index of the first lowest item

    int dimensionTenths(Dimension d) const;
    // Sum / number of items, in item units (WAI-SR: 1..5).
    double mean(std::optional<Dimension> d) const;
    // Only for instruments with a cutoff.
    std::optional<bool> belowCutoff(Comparator comparator = Comparator::Less) const;
};

// Parses one item's value (0-based `index`) to tenths: the syntax of parseItems, and in range.
// Throws ValidationError naming the item ("item 3").
int parseItem(Instrument instrument, int index, const std::string& text);

// Parses "4,3,5,..." for the instrument: every item present, in range, with the right precision.
// Throws ValidationError naming the item ("item 3") and its value.
// Items as the store wrote them (formatItems: "4,3,5" or "8.5,7.0"), read without the input
// checks; anything else is read by parseItems, which names what is wrong.
std::vector<int> readStoredItems(Instrument instrument, std::string_view text);
std::vector<int> parseItems(Instrument instrument, const std::string& text);

// Validates item values (in tenths) and scores them. Throws ValidationError.
Score score(Instrument instrument, const std::vector<int>& itemTenths);

// Canonical text of item values as entered: "4,3,5" for WAI-SR, "8.5,7.0" for 0..10 scales.
std::string formatItems(Instrument instrument, const std::vector<int>& itemTenths);

// "36.0", "48" -- tenths as a decimal for people and JSON.
double tenthsToDouble(int tenths);

} // namespace alliance
