#pragma once
// Input checks shared by the store, the analysis and the front doors; each throws
// ValidationError naming the field.
#include <string>
#include <vector>

namespace alliance {

void requireOneOf(const std::string& field, const std::string& value,
                  const std::vector<std::string>& allowed);
// Digits only (leading zeros allowed, spaces at the ends ignored; no sign), within min..max.
int parseWholeNumber(const std::string& field, const std::string& text, int min, int max);
// Digits with an optional decimal point: no sign, exponent, hex, inf or nan; finite.
double parseDecimal(const std::string& field, const std::string& text);

} // namespace alliance
