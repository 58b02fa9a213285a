#pragma once
// ISO 8601 calendar dates (YYYY-MM-DD) in and out; the only date type in core is
// boost::gregorian::date.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>

namespace alliance {

using Date = boost::gregorian::date;

// Parses exactly YYYY-MM-DD as a real calendar date; throws ValidationError naming `field`.
Date parseIsoDate(const std::string& text, const std::string& field);

// Formats as YYYY-MM-DD.
std::string toIso(const Date& date);

// Today's date in local time (or the date a test pinned).
Date today();

// Tests pin "today" with this; nullopt returns to the system clock. Not used by the programs.
void pinTodayForTests(std::optional<Date> date);

// A date a record may carry: 1900..9999 and not after tomorrow (records are kept after the fact;
// one day of slack covers time zones). Throws ValidationError naming `field`.
void requireRecordDate(const std::string& field, const Date& date);

// A date an analysis is run as of (--as-of, --today): 1900-01-01..9999-12-31.
void requireReferenceDate(const std::string& field, const Date& date);

// Adds days, stopping at the last representable day instead of overflowing.
Date addDaysSaturating(const Date& date, int days);

// Whole days from `from` to `to` (negative when `to` is earlier).
long daysBetween(const Date& from, const Date& to);

} // namespace alliance
