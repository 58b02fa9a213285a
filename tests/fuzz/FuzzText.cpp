// libFuzzer: text validation. Clean text is valid UTF-8 without control characters and is a
// fixed point (cleaning it again changes nothing); identifiers are clean text whose identity key
// is stable; printable output never holds a C0 control, DEL or ESC.
#include "Errors.hpp"
#include "Text.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void requireNoControls(const std::string& text, bool newlinesAllowed)
{
    for (unsigned char c : text)
        if ((c < 0x20 && !(newlinesAllowed && (c == '\n' || c == '\t'))) || c == 0x7f)
            std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    requireNoControls(alliance::printable(text), false);
    requireNoControls(alliance::printable(text, true), true);
    requireNoControls(alliance::quoteForError(text), false);
    (void)alliance::identityKey(text);
    for (auto shape : {alliance::TextShape::SingleLine, alliance::TextShape::MultiLine}) {
        try {
            const std::string clean = alliance::cleanText("--note", text, 4096, shape);
            requireNoControls(clean, shape == alliance::TextShape::MultiLine);
            if (alliance::cleanText("--note", clean, 4096, shape) != clean)
                std::abort();
        } catch (const alliance::ValidationError&) {
        }
    }
    try {
        const std::string id = alliance::cleanIdentifier("CODE", text, 64);
        if (alliance::cleanIdentifier("CODE", id, 64) != id)
            std::abort();
        if (alliance::identityKey(alliance::identityKey(id)) != alliance::identityKey(id))
            std::abort();
    } catch (const alliance::ValidationError&) {
    }
    return 0;
}
