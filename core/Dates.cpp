#include "Dates.hpp"

#include "Errors.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>

namespace alliance {

Date parseIsoDate(const std::string& text, const std::string& field)
{
    const auto bad = [&](const std::string& why) {
        return ValidationError(field, "invalid date " + quoteForError(text) + ": " + why, Reason::NotADate);
    };
    if (text.empty())
        throw ValidationError(field, "a date is required (YYYY-MM-DD)", Reason::Required);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        throw bad("expected YYYY-MM-DD");
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            throw bad("expected YYYY-MM-DD");
    const auto number = [&text](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (year < 1900 || year > 9999)
        throw bad("year out of range 1900..9999");
    if (month < 1 || month > 12)
        throw bad("month must be 01..12");
    const int lastDay = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    if (day < 1 || day > lastDay)
        throw bad("day must be 01.." + std::to_string(lastDay) + " in that month");
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

std::string toIso(const Date& date)
{
    return boost::gregorian::to_iso_extended_string(date);
}

namespace {
std::optional<Date> pinnedToday;
} // namespace

Date today()
{
    return pinnedToday.value_or(boost::gregorian::day_clock::local_day());
}

void pinTodayForTests(std::optional<Date> date)
{
    pinnedToday = date;
}

namespace {
const Date firstDate(1900, 1, 1);
const Date lastDate(9999, 12, 31);
} // namespace

void requireReferenceDate(const std::string& field, const Date& date)
{
    if (date.is_special() || date < firstDate || date > lastDate)
        throw ValidationError(field, "date out of range 1900-01-01..9999-12-31", Reason::DateOutOfRange,
                              {toIso(firstDate), toIso(lastDate)});
}

void requireRecordDate(const std::string& field, const Date& date)
{
    requireReferenceDate(field, date);
    if (date > today() + boost::gregorian::days(1))
        throw ValidationError(field, toIso(date) + " is in the future", Reason::InFuture, {toIso(date)});
}

Date addDaysSaturating(const Date& date, int days)
{
    const long room = (lastDate - date).days();
    return days >= room ? lastDate : date + boost::gregorian::days(days);
}

long daysBetween(const Date& from, const Date& to)
{
    return (to - from).days();
}

} // namespace alliance
