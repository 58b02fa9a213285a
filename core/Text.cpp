#include "Text.hpp"

#include "Errors.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utf8proc.h>

namespace alliance {
namespace {

using CodePoint = utf8proc_int32_t;

std::string codePointName(CodePoint c)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

// utf8proc_map with an owned result; nullopt when utf8proc refuses the input.
std::optional<std::string> mapped(const std::string& value, int options)
{
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t size = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(value.data()),
                                               static_cast<utf8proc_ssize_t>(value.size()), &out,
                                               static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (size < 0)
        return std::nullopt;
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
}

std::string nfc(const std::string& value)
{
    return mapped(value, UTF8PROC_STABLE | UTF8PROC_COMPOSE).value_or(value);
}

std::string encode(CodePoint c)
{
    utf8proc_uint8_t buffer[4];
    const auto size = utf8proc_encode_char(c, buffer);
    return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(size));
}

bool isBidiOverride(CodePoint c)
{
    return c >= 0x202A && c <= 0x202E; // LRE, RLE, PDF, LRO, RLO: they reorder what follows
}

bool isControl(CodePoint c)
{
    return utf8proc_category(c) == UTF8PROC_CATEGORY_CC;
}

// Letters that render as nothing yet are not in the format category.
bool isInvisibleLetter(CodePoint c)
{
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F;
}

template <class Visit> void forEachCodePoint(const std::string& field, const std::string& value, Visit visit)
{
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(value.data());
    const auto size = static_cast<utf8proc_ssize_t>(value.size());
    int position = 0;
    for (utf8proc_ssize_t at = 0; at < size;) {
        CodePoint c = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(bytes + at, size - at, &c);
        ++position;
        if (used < 0 || c < 0)
            throw ValidationError(
                field, "is not valid UTF-8 text (bad byte at character " + std::to_string(position) + ")",
                Reason::BadCharacters);
        visit(c, position);
        at += used;
    }
}

bool isUnicodeSpace(CodePoint c)
{
    return c == ' ' || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

// Removes Unicode spaces (Zs) from both ends; invalid UTF-8 is left for the caller to refuse.
std::string trimSpaces(const std::string& value)
{
    std::size_t begin = 0;
    std::size_t end = value.size();
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(value.data());
    while (begin < end) {
        CodePoint c = 0;
        const auto used = utf8proc_iterate(bytes + begin, static_cast<utf8proc_ssize_t>(end - begin), &c);
        if (used < 0 || !isUnicodeSpace(c))
            break;
        begin += static_cast<std::size_t>(used);
    }
    while (end > begin) {
        // Step back to the start of the last code point.
        std::size_t start = end - 1;
        while (start > begin && (value[start] & 0xC0) == 0x80)
            --start;
        CodePoint c = 0;
        const auto used = utf8proc_iterate(bytes + start, static_cast<utf8proc_ssize_t>(end - start), &c);
        if (used < 0 || !isUnicodeSpace(c))
            break;
        end = start;
    }
    return value.substr(begin, end - begin);
}

} // namespace

std::optional<std::string> nfkc(const std::string& value)
{
    return mapped(value, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
}

std::string quoteForError(const std::string& value)
{
    constexpr std::size_t maxShown = 40;
    if (value.size() <= maxShown)
        return "'" + printable(value) + "'";
    std::size_t cut = maxShown;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80)
        --cut; // never split a character
    return "'" + printable(value.substr(0, cut)) + "...' (" + std::to_string(value.size()) + " bytes)";
}

std::string trimmed(const std::string& value)
{
    const auto begin = value.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    return value.substr(begin, value.find_last_not_of(" \t") - begin + 1);
}

std::string cleanText(const std::string& field, const std::string& value, std::size_t maxBytes,
                      TextShape shape)
{
    if (value.empty())
        throw ValidationError(field, "must not be empty", Reason::Required);
    std::string unified;
    unified.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\r' && shape == TextShape::MultiLine) {
            unified += '\n';
            if (i + 1 < value.size() && value[i + 1] == '\n')
                ++i;
        } else {
            unified += value[i];
        }
    }
    forEachCodePoint(field, unified, [&](CodePoint c, int position) {
        const bool allowedControl = shape == TextShape::MultiLine && (c == '\n' || c == '\t');
        const std::string where = " at character " + std::to_string(position);
        if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
            if (!allowedControl)
                throw ValidationError(field, "must be a single line (line break" + where + ")",
                                      Reason::SingleLine);
        } else if (isControl(c) && !allowedControl) {
            throw ValidationError(field,
                                  "must not contain control characters (" + codePointName(c) + where + ")",
                                  Reason::BadCharacters);
        } else if (isBidiOverride(c)) {
            throw ValidationError(
                field, "must not contain bidi override characters (" + codePointName(c) + where + ")",
                Reason::BadCharacters);
        }
    });
    std::string normal = nfc(unified);
    if (normal.size() > maxBytes)
        throw ValidationError(field,
                              "too long: " + std::to_string(normal.size()) + " bytes (at most " +
                                  std::to_string(maxBytes) + ")",
                              Reason::TooLong, {std::to_string(normal.size()), std::to_string(maxBytes)});
    return normal;
}

std::optional<std::string> cleanOptionalText(const std::string& field,
                                             const std::optional<std::string>& value, std::size_t maxBytes,
                                             TextShape shape)
{
    if (!value)
        return std::nullopt;
    return cleanText(field, *value, maxBytes, shape);
}

std::string cleanIdentifier(const std::string& field, const std::string& value, std::size_t maxBytes)
{
    const std::string text = cleanText(field, trimSpaces(value), maxBytes, TextShape::SingleLine);
    forEachCodePoint(field, text, [&](CodePoint c, int position) {
        const std::string where = " (" + codePointName(c) + " at character " + std::to_string(position) + ")";
        const auto category = utf8proc_category(c);
        if (category == UTF8PROC_CATEGORY_CF || isInvisibleLetter(c))
            throw ValidationError(field, "must not contain invisible or direction-control characters" + where,
                                  Reason::BadCharacters);
        if (category == UTF8PROC_CATEGORY_CO || category == UTF8PROC_CATEGORY_CN)
            throw ValidationError(field, "must not contain private-use or unassigned characters" + where,
                                  Reason::BadCharacters);
        if (isUnicodeSpace(c) && c != ' ')
            throw ValidationError(field, "must use plain spaces only" + where, Reason::BadCharacters);
        const std::string one = encode(c);
        if (mapped(one, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT) != nfc(one))
            throw ValidationError(
                field,
                "must not contain look-alike compatibility characters such as full-width letters" + where,
                Reason::BadCharacters);
    });
    return text;
}

std::string identityKey(const std::string& value)
{
    return mapped(value,
                  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)
        .value_or(value);
}

std::string printable(const std::string& value, bool keepNewlines)
{
    static const std::string replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(value.size());
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(value.data());
    const auto size = static_cast<utf8proc_ssize_t>(value.size());
    for (utf8proc_ssize_t at = 0; at < size;) {
        CodePoint c = 0;
        const utf8proc_ssize_t used = utf8proc_iterate(bytes + at, size - at, &c);
        if (used < 0) {
            out += replacement;
            ++at; // resynchronise on the next byte
            continue;
        }
        const bool keep = keepNewlines && (c == '\n' || c == '\t');
        const bool hostile = isControl(c) || isBidiOverride(c) || (c >= 0x2066 && c <= 0x2069) ||
                             c == 0x200E || c == 0x200F || c == 0x061C;
        if (hostile && !keep)
            out += replacement;
        else
            out.append(value, static_cast<std::size_t>(at), static_cast<std::size_t>(used));
        at += used;
    }
    return out;
}

std::string number(double value, int decimals)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.')
            text.pop_back();
    }
    return text;
}

std::size_t codePoints(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace alliance
