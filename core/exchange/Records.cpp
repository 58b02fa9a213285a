#include "exchange/Records.hpp"

#include <stdexcept>

namespace alliance::exchange {

namespace {

std::vector<std::string> ratingColumns()
{
    std::vector<std::string> columns{"client", "counselor", "session", "date", "instrument", "rater"};
    for (int i = 1; i <= maxItems; ++i)
        columns.push_back("item" + std::to_string(i));
    for (const char* derived : {"total", "bond", "goal", "task", "overall", "phase"})
        columns.emplace_back(derived);
    return columns;
}

} // namespace

const std::vector<RecordColumns>& recordKinds()
{
    static const std::vector<RecordColumns> kinds{
        {RecordKind::Counselors,
         "counselors",
         {"counselor", "role", "supervisor"},
         {"counselor", "role"},
         {}},
        {RecordKind::Clients,
         "clients",
         {"client", "counselor", "display_name", "start_date", "cadence_days", "status"},
         {"client", "counselor"},
         {}},
        {RecordKind::Ratings,
         "ratings",
         ratingColumns(),
         {"client", "date", "instrument"},
         {"counselor", "session", "total", "bond", "goal", "task", "overall", "phase"}},
        {RecordKind::Ruptures,
         "ruptures",
         {"client", "session_date", "rupture", "kind", "markers", "salience", "noticed_by", "category",
          "note"},
         {"client", "session_date", "kind"},
         {"rupture"}},
        {RecordKind::Plans,
         "plans",
         {"client", "session_date", "rupture", "created_on", "due_date", "strategies", "steps", "note",
          "status", "outcome", "follow_up_date", "closed_on"},
         {"client", "session_date", "created_on", "strategies"},
         {}},
    };
    return kinds;
}

const RecordColumns& columnsOf(RecordKind kind)
{
    for (const auto& k : recordKinds())
        if (k.kind == kind)
            return k;
    throw std::logic_error("unknown record kind");
}

} // namespace alliance::exchange
