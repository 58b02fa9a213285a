#include "Validation.hpp"

#include "Errors.hpp"

#include <algorithm>

namespace alliance {

void requireOneOf(const std::string& field, const std::string& value, const std::vector<std::string>& allowed)
{
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end())
        return;
    std::string list;
    for (const auto& a : allowed)
        list += (list.empty() ? "" : ", ") + a;
    throw ValidationError(field,
                          "invalid value " + quoteForError(value) + " (expected one of: " + list + ")");
}

void requireText(const std::string& field, const std::string& value, std::size_t maxLength)
{
    if (value.empty())
        throw ValidationError(field, "must not be empty");
    if (value.size() > maxLength)
        throw ValidationError(field, "too long: " + std::to_string(value.size()) + " bytes (at most " +
                                         std::to_string(maxLength) + ")");
    for (unsigned char c : value)
        if (c == 0)
            throw ValidationError(field, "must not contain NUL characters");
}

int parseWholeNumber(const std::string& field, const std::string& text, int min, int max)
{
    const bool digits = !text.empty() && text.size() <= 9 &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits)
        throw ValidationError(field, "not a whole number: " + quoteForError(text));
    const int value = std::stoi(text);
    if (value < min || value > max)
        throw ValidationError(field, "value " + text + " out of range " + std::to_string(min) + ".." +
                                         std::to_string(max));
    return value;
}

} // namespace alliance
