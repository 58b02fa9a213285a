#pragma once
// ISO 8601 calendar dates (YYYY-MM-DD) in and out; the only date type in core is
// boost::gregorian::date.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <string>

namespace alliance {

using Date = boost::gregorian::date;

// Parses exactly YYYY-MM-DD as a real calendar date; throws ValidationError naming `field`.
Date parseIsoDate(const std::string& text, const std::string& field);

// Formats as YYYY-MM-DD.
std::string toIso(const Date& date);

// Today's date in local time.
Date today();

// Whole days from `from` to `to` (negative when `to` is earlier).
long daysBetween(const Date& from, const Date& to);

} // namespace alliance
