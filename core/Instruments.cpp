#include "Instruments.hpp"

#include "Errors.hpp"
#include "Text.hpp"
#include "Validation.hpp"

#include <cmath>

#include <algorithm>
#include <cctype>

namespace alliance {
namespace {

using D = Dimension;

const std::vector<InstrumentSpec>& registry()
{
    static const std::vector<InstrumentSpec> specs = {
        // WAI-SR (Hatcher & Gillaspy 2006): Task 1,2,10,12; Bond 3,5,7,9; Goal 4,6,8,11.
        {Instrument::WaiSr,
         "wai-sr",
         "Working Alliance Inventory - Short Revised",
         "WAI-SR",
         true,
         10,
         50,
         {D::Task, D::Task, D::Bond, D::Goal, D::Bond, D::Goal, D::Bond, D::Goal, D::Bond, D::Task, D::Goal,
          D::Task},
         {"item 1", "item 2", "item 3", "item 4", "item 5", "item 6", "item 7", "item 8", "item 9", "item 10",
          "item 11", "item 12"},
         std::nullopt},
        // SRS v3 (Duncan, Miller et al. 2003): four 0..10 lines; cutoff 36.
        {Instrument::Srs,
         "srs",
         "Session Rating Scale v3",
         "SRS",
         false,
         0,
         100,
         {D::Bond, D::Goal, D::Task, D::Overall},
         {"Relationship", "Goals and topics", "Approach or method", "Overall"},
         360},
        // The product's own licence-free quick rating.
        {Instrument::Bgt,
         "bgt",
         "Quick bond / goal / task rating",
         "Quick rating",
         false,
         0,
         100,
         {D::Bond, D::Goal, D::Task},
         {"Bond", "Goal", "Task"},
         std::nullopt},
    };
    return specs;
}

std::string formatTenths(int tenths)
{
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

} // namespace

int InstrumentSpec::dimensionItemCount(Dimension d) const
{
    return static_cast<int>(std::count(itemDimension.begin(), itemDimension.end(), d));
}

const std::vector<Instrument>& allInstruments()
{
    static const std::vector<Instrument> all = {Instrument::WaiSr, Instrument::Srs, Instrument::Bgt};
    return all;
}

const InstrumentSpec& spec(Instrument instrument)
{
    return registry().at(static_cast<std::size_t>(instrument));
}

Instrument instrumentFromSlug(const std::string& slug)
{
    for (const auto& s : registry())
        if (s.slug == slug)
            return s.id;
    throw ValidationError("instrument",
                          "unknown instrument " + quoteForError(slug) + " (expected wai-sr, srs or bgt)");
}

std::string dimensionSlug(Dimension d)
{
    switch (d) {
    case D::Bond: return "bond";
    case D::Goal: return "goal";
    case D::Task: return "task";
    case D::Overall: return "overall";
    }
    return "?";
}

double tenthsToDouble(int tenths)
{
    return tenths / 10.0;
}

namespace {

// An item's allowed range as a person reads it: "1", "5" (WAI-SR) or "0.0", "10.0".
std::vector<std::string> itemRange(const InstrumentSpec& s)
{
    if (s.wholeNumberItems)
        return {std::to_string(s.itemMinTenths / 10), std::to_string(s.itemMaxTenths / 10)};
    return {formatTenths(s.itemMinTenths), formatTenths(s.itemMaxTenths)};
}

} // namespace

int parseItem(Instrument instrument, int index, const std::string& text)
{
    const InstrumentSpec& s = spec(instrument);
    const std::string field = "item " + std::to_string(index + 1);
    const std::string tok = trimmed(text);
    if (tok.empty())
        throw ValidationError(field, "missing value (no prorating: every item is required)",
                              Reason::Required);
    const double value = parseDecimal(field, tok);
    const auto dot = tok.find('.');
    if (dot != std::string::npos && tok.size() - dot - 1 > 1)
        throw ValidationError(field, "not a number with at most one decimal: " + quoteForError(tok),
                              Reason::NotANumber);
    if (value > 1000)
        throw ValidationError(field, "value " + quoteForError(tok) + " out of range", Reason::OutOfRange,
                              itemRange(s));
    const int valueTenths = static_cast<int>(std::lround(value * 10));
    if (s.wholeNumberItems && valueTenths % 10 != 0)
        throw ValidationError(field,
                              "must be a whole number from " + std::to_string(s.itemMinTenths / 10) + " to " +
                                  std::to_string(s.itemMaxTenths / 10) + ", got " + quoteForError(tok),
                              Reason::WholeNumber, itemRange(s));
    if (valueTenths < s.itemMinTenths || valueTenths > s.itemMaxTenths)
        throw ValidationError(field,
                              "value " + tok + " out of range " + itemRange(s)[0] + ".." + itemRange(s)[1],
                              Reason::OutOfRange, itemRange(s));
    return valueTenths;
}

std::vector<int> parseItems(Instrument instrument, const std::string& text)
{
    const InstrumentSpec& s = spec(instrument);
    // Split on commas; each value is trimmed at its ends only, so "1 0" is refused, not read as 10.
    std::vector<std::string> tokens;
    std::size_t from = 0;
    for (std::size_t comma = text.find(',');; comma = text.find(',', from)) {
        tokens.push_back(
            trimmed(text.substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
        if (comma == std::string::npos)
            break;
        from = comma + 1;
    }
    if (static_cast<int>(tokens.size()) != s.itemCount())
        throw ValidationError("items", s.slug + " needs exactly " + std::to_string(s.itemCount()) +
                                           " items, got " + std::to_string(tokens.size()));
    std::vector<int> tenths;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        tenths.push_back(parseItem(instrument, static_cast<int>(i), tokens[i]));
    score(instrument, tenths); // range checks, same messages as for any caller
    return tenths;
}

std::vector<int> readStoredItems(Instrument instrument, std::string_view text)
{
    const InstrumentSpec& s = spec(instrument);
    std::vector<int> tenths;
    tenths.reserve(static_cast<std::size_t>(s.itemCount()));
    const char* p = text.data();
    const char* const end = p + text.size();
    while (static_cast<int>(tenths.size()) < s.itemCount()) {
        int whole = 0;
        const char* digits = p;
        while (p < end && *p >= '0' && *p <= '9' && p - digits < 4)
            whole = whole * 10 + (*p++ - '0');
        if (p == digits)
            break;
        int tenth = 0;
        if (p + 1 < end && *p == '.' && p[1] >= '0' && p[1] <= '9') {
            tenth = p[1] - '0';
            p += 2;
        }
        tenths.push_back(whole * 10 + tenth);
        if (static_cast<int>(tenths.size()) == s.itemCount())
            break;
        if (p < end && *p == ',')
            ++p;
        else
            break;
    }
    if (p != end || static_cast<int>(tenths.size()) != s.itemCount())
        return parseItems(instrument,
                          std::string(text)); // not as the store writes it: the full check says why
    return tenths;
}

Score score(Instrument instrument, const std::vector<int>& itemTenths)
{
    const InstrumentSpec& s = spec(instrument);
    if (static_cast<int>(itemTenths.size()) != s.itemCount())
        throw ValidationError("items", s.slug + " needs exactly " + std::to_string(s.itemCount()) +
                                           " items, got " + std::to_string(itemTenths.size()));
    Score result{instrument, itemTenths, 0, 0, 0, 0, std::nullopt, 0};
    for (std::size_t i = 0; i < itemTenths.size(); ++i) {
        const int v = itemTenths[i];
        const bool wholeOk = !s.wholeNumberItems || v % 10 == 0;
        if (v < s.itemMinTenths || v > s.itemMaxTenths || !wholeOk) {
            const std::string shown =
                s.wholeNumberItems && v % 10 == 0 ? std::to_string(v / 10) : formatTenths(v);
            throw ValidationError("item " + std::to_string(i + 1),
                                  "value " + shown + " out of range " + itemRange(s)[0] + ".." +
                                      itemRange(s)[1],
                                  Reason::OutOfRange, itemRange(s));
        }
        result.totalTenths += v;
        switch (s.itemDimension[i]) {
        case D::Bond: result.bondTenths += v; break;
        case D::Goal: result.goalTenths += v; break;
        case D::Task: result.taskTenths += v; break;
        case D::Overall: result.overallTenths = result.overallTenths.value_or(0) + v; break;
        }
        if (v < itemTenths[static_cast<std::size_t>(result.lowestItem)])
            result.lowestItem = static_cast<int>(i);
    }
    return result;
}

int Score::dimensionTenths(Dimension d) const
{
    switch (d) {
    case D::Bond: return bondTenths;
    case D::Goal: return goalTenths;
    case D::Task: return taskTenths;
    case D::Overall: return overallTenths.value_or(0);
    }
    return 0;
}

double Score::mean(std::optional<Dimension> d) const
{
    const InstrumentSpec& s = spec(instrument);
    if (!d)
        return totalTenths / 10.0 / s.itemCount();
    return dimensionTenths(*d) / 10.0 / s.dimensionItemCount(*d);
}

std::optional<bool> Score::belowCutoff(Comparator comparator) const
{
    const auto cutoff = spec(instrument).cutoffTenths;
    if (!cutoff)
        return std::nullopt;
    return comparator == Comparator::Less ? totalTenths < *cutoff : totalTenths <= *cutoff;
}

std::string formatItems(Instrument instrument, const std::vector<int>& itemTenths)
{
    const bool whole = spec(instrument).wholeNumberItems;
    std::string out;
    for (std::size_t i = 0; i < itemTenths.size(); ++i) {
        if (i)
            out += ',';
        out += whole ? std::to_string(itemTenths[i] / 10) : formatTenths(itemTenths[i]);
    }
    return out;
}

} // namespace alliance
