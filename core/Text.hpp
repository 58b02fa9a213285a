#pragma once
// Text that enters or leaves the store. Everything stored is valid UTF-8 in NFC, free of control
// characters; identifiers (client codes, counselor names) are also free of invisible, bidi-control
// and compatibility characters, so two codes that look alike are one code. utf8proc does the
// Unicode work. Errors name the field and the character's position, never the text itself.
#include <cstddef>
#include <optional>
#include <string>

namespace alliance {

enum class TextShape { SingleLine, MultiLine };

// Valid UTF-8, not empty, at most maxBytes, no control characters (multi-line text may hold
// newlines and tabs; CRLF and CR become LF), no bidi overrides; returned in NFC.
std::string cleanText(const std::string& field, const std::string& value, std::size_t maxBytes,
                      TextShape shape = TextShape::SingleLine);
std::optional<std::string> cleanOptionalText(const std::string& field,
                                             const std::optional<std::string>& value, std::size_t maxBytes,
                                             TextShape shape = TextShape::SingleLine);

// A name people tell apart by eye: trimmed at both ends, then cleanText, and refused when it holds
// an invisible or format character (zero-width, LRM/RLM, bidi embeddings, overrides and isolates),
// a private-use or unassigned code point, or a compatibility look-alike (full-width forms, ligatures).
std::string cleanIdentifier(const std::string& field, const std::string& value, std::size_t maxBytes);

// The key two identifiers are compared by: NFKC, case-folded, default-ignorables dropped.
// Works on any bytes (invalid UTF-8 is returned as it is), so legacy rows get a key too.
std::string identityKey(const std::string& value);

// For a terminal: invalid UTF-8, control characters (newline and tab too, unless keepNewlines)
// and bidi controls become U+FFFD, so stored text can never move a cursor or recolour a screen.
std::string printable(const std::string& value, bool keepNewlines = false);

// ASCII spaces and tabs removed from both ends.
std::string trimmed(const std::string& value);

// A number with at most `decimals` decimals and no trailing zeros: 4.38, 5, 0.9.
std::string number(double value, int decimals = 2);

// Unicode code points in valid UTF-8 text.
std::size_t codePoints(const std::string& text);
// The NFKC form (so a password typed with another keyboard or input method matches); nullopt when
// `value` is not valid UTF-8.
std::optional<std::string> nfkc(const std::string& value);

} // namespace alliance
