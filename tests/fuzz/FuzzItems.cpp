// libFuzzer: item parsing for every instrument. Anything parseItems accepts is in range, scores
// without error and survives formatItems -> parseItems unchanged; anything else is a
// ValidationError, never another exception or a crash.
#include "Errors.hpp"
#include "Instruments.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (alliance::Instrument instrument : alliance::allInstruments()) {
        std::vector<int> tenths;
        try {
            tenths = alliance::parseItems(instrument, text);
        } catch (const alliance::ValidationError&) {
            continue;
        }
        const alliance::Score score = alliance::score(instrument, tenths);
        if (score.totalTenths < 0 || score.totalTenths > alliance::spec(instrument).totalMaxTenths())
            std::abort();
        if (alliance::parseItems(instrument, alliance::formatItems(instrument, tenths)) != tenths)
            std::abort();
    }
    return 0;
}
