// libFuzzer: ISO date parsing. An accepted date is a real calendar day in 1900..9999 and prints
// back as exactly the text given; anything else is a ValidationError naming the field.
#include "Dates.hpp"
#include "Errors.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const alliance::Date date = alliance::parseIsoDate(text, "--date");
        if (alliance::toIso(date) != text || date.year() < 1900 || date.year() > 9999)
            std::abort();
        alliance::requireReferenceDate("--as-of", date);
        (void)alliance::addDaysSaturating(date, 365);
    } catch (const alliance::ValidationError& e) {
        if (e.field() != "--date")
            std::abort();
    }
    return 0;
}
