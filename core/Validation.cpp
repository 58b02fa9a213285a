#include "Validation.hpp"

#include "Errors.hpp"
#include "Text.hpp"

#include <cmath>

#include <algorithm>

namespace alliance {

void requireOneOf(const std::string& field, const std::string& value, const std::vector<std::string>& allowed)
{
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end())
        return;
    std::string list;
    for (const auto& a : allowed)
        list += (list.empty() ? "" : ", ") + a;
    throw ValidationError(field, "invalid value " + quoteForError(value) + " (expected one of: " + list + ")",
                          Reason::NotAllowed);
}

namespace {

// The one number syntax of every input: ASCII digits (leading zeros allowed), optionally "." and
// more digits; no sign, no exponent, no hex, no inf or nan; spaces only at the ends.
struct NumberText {
    std::string whole; // without leading zeros ("0" for zero)
    std::string fraction;
    bool hasDot = false;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

NumberText splitNumber(const std::string& field, const std::string& raw, bool allowFraction)
{
    const std::string text = trimmed(raw);
    const auto refuse = [&](const std::string& why) {
        return ValidationError(field, why + ": " + quoteForError(raw), Reason::NotANumber);
    };
    if (text.empty())
        throw ValidationError(field, "a number is required", Reason::Required);
    if (text.front() == '+' || text.front() == '-')
        throw refuse("a number without a sign is expected");
    NumberText number;
    const auto dot = text.find('.');
    number.hasDot = dot != std::string::npos;
    number.whole = text.substr(0, dot);
    number.fraction = number.hasDot ? text.substr(dot + 1) : "";
    const bool digits = !number.whole.empty() &&
                        std::all_of(number.whole.begin(), number.whole.end(), isDigit) &&
                        std::all_of(number.fraction.begin(), number.fraction.end(), isDigit) &&
                        (!number.hasDot || !number.fraction.empty());
    if (!digits)
        throw refuse(allowFraction ? "not a number (digits with an optional decimal point)"
                                   : "not a whole number");
    if (number.hasDot && !allowFraction)
        throw refuse("not a whole number");
    const auto firstSignificant = number.whole.find_first_not_of('0');
    number.whole = firstSignificant == std::string::npos ? "0" : number.whole.substr(firstSignificant);
    return number;
}

} // namespace

int parseWholeNumber(const std::string& field, const std::string& text, int min, int max)
{
    const NumberText number = splitNumber(field, text, false);
    if (number.whole.size() > 9)
        throw ValidationError(field,
                              "value " + quoteForError(trimmed(text)) + " out of range " +
                                  std::to_string(min) + ".." + std::to_string(max),
                              Reason::OutOfRange, {std::to_string(min), std::to_string(max)});
    const int value = std::stoi(number.whole);
    if (value < min || value > max)
        throw ValidationError(field,
                              "value " + std::to_string(value) + " out of range " + std::to_string(min) +
                                  ".." + std::to_string(max),
                              Reason::OutOfRange, {std::to_string(min), std::to_string(max)});
    return value;
}

double parseDecimal(const std::string& field, const std::string& text)
{
    const NumberText number = splitNumber(field, text, true);
    if (number.whole.size() > 15 || number.fraction.size() > 15)
        throw ValidationError(field, "too many digits: " + quoteForError(trimmed(text)), Reason::NotANumber);
    const double value = std::stod(number.whole + (number.hasDot ? "." + number.fraction : ""));
    if (!std::isfinite(value))
        throw ValidationError(field, "not a finite number: " + quoteForError(trimmed(text)),
                              Reason::NotANumber);
    return value;
}

} // namespace alliance
