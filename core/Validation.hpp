#pragma once
// Input checks shared by the store, the analysis and the front doors; each throws
// ValidationError naming the field.
#include <string>
#include <vector>

namespace alliance {

void requireOneOf(const std::string& field, const std::string& value,
                  const std::vector<std::string>& allowed);
// Non-empty, at most maxLength bytes, no NUL.
void requireText(const std::string& field, const std::string& value, std::size_t maxLength);
int parseWholeNumber(const std::string& field, const std::string& text, int min, int max);

} // namespace alliance
