#include "exchange/Export.hpp"

#include "Errors.hpp"
#include "Text.hpp"
#include "exchange/Csv.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

namespace alliance::exchange {

namespace {

// A score as the instrument counts: whole numbers for WAI-SR, one decimal for the 0-10 scales.
std::string tenths(Instrument instrument, int value)
{
    if (spec(instrument).wholeNumberItems)
        return std::to_string(value / 10);
    return std::to_string(value / 10) + "." + std::to_string(value % 10);
}

std::string joined(const std::vector<std::string>& parts, const char* separator)
{
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : separator) + part;
    return text;
}

std::string optionalDate(const std::optional<Date>& date)
{
    return date ? toIso(*date) : std::string();
}

// The phase of each (session, instrument, rater) in the client's series of that instrument and rater.
using PhaseKey = std::tuple<int, Instrument, Rater>;
std::map<PhaseKey, Phase> phasesOf(const ClientDetail& detail, const ParamsLookup& params)
{
    std::map<PhaseKey, Phase> phases;
    if (detail.sessions.empty())
        return phases;
    std::set<std::pair<Instrument, Rater>> series;
    for (const auto& session : detail.sessions)
        for (const auto& rating : session.ratings)
            series.emplace(rating.score.instrument, rating.rater);
    for (const auto& [instrument, rater] : series) {
        TrajectoryRequest request;
        request.instrument = instrument;
        request.rater = rater;
        request.asOf = detail.sessions.back().date;
        request.wholeReport = false;
        const TrajectoryReport report = buildTrajectory(detail, request, params);
        for (std::size_t k = 0; k < report.points.size() && k < report.total.phases.size(); ++k)
            phases[PhaseKey{report.points[k].sessionNumber, instrument, rater}] = report.total.phases[k];
    }
    return phases;
}

// The place (from 1) of each current rupture among the current ruptures of its session.
std::map<Id, int> ruptureOrdinals(const ClientDetail& detail)
{
    std::vector<const Rupture*> ruptures;
    for (const auto& r : detail.ruptures)
        ruptures.push_back(&r);
    std::sort(ruptures.begin(), ruptures.end(), [](const Rupture* a, const Rupture* b) {
        return std::pair(a->sessionDate, a->id) < std::pair(b->sessionDate, b->id);
    });
    std::map<Id, int> ordinal;
    for (std::size_t i = 0; i < ruptures.size(); ++i)
        ordinal[ruptures[i]->id] = i > 0 && ruptures[i - 1]->sessionDate == ruptures[i]->sessionDate
                                       ? ordinal[ruptures[i - 1]->id] + 1
                                       : 1;
    return ordinal;
}

void clientRows(csv::Writer& csv, const ClientDetail& detail)
{
    const Client& c = detail.client;
    csv.row({c.code, c.counselorName, c.displayName.value_or(""), toIso(c.startDate),
             std::to_string(c.cadenceDays), slug(c.status)});
}

std::uint64_t ratingRows(csv::Writer& csv, const ClientDetail& detail, const ParamsLookup& params)
{
    const auto phases = phasesOf(detail, params);
    std::uint64_t rows = 0;
    for (const auto& session : detail.sessions)
        for (const auto& rating : session.ratings) {
            const Score& s = rating.score;
            std::vector<std::string> cells{
                detail.client.code,  detail.client.counselorName, std::to_string(session.number),
                toIso(session.date), spec(s.instrument).slug,     slug(rating.rater)};
            const std::vector<int>& items = s.itemTenths;
            const std::string itemsText = formatItems(s.instrument, items);
            std::size_t from = 0;
            for (int i = 0; i < maxItems; ++i) {
                if (i < static_cast<int>(items.size())) {
                    const std::size_t to = std::min(itemsText.find(',', from), itemsText.size());
                    cells.push_back(itemsText.substr(from, to - from));
                    from = to + 1;
                } else {
                    cells.emplace_back();
                }
            }
            cells.push_back(tenths(s.instrument, s.totalTenths));
            cells.push_back(tenths(s.instrument, s.bondTenths));
            cells.push_back(tenths(s.instrument, s.goalTenths));
            cells.push_back(tenths(s.instrument, s.taskTenths));
            cells.push_back(s.overallTenths ? tenths(s.instrument, *s.overallTenths) : "");
            const auto phase = phases.find(PhaseKey{session.number, s.instrument, rating.rater});
            cells.push_back(phase == phases.end() ? "" : phaseSlug(phase->second));
            csv.row(cells);
            ++rows;
        }
    return rows;
}

std::uint64_t ruptureRows(csv::Writer& csv, const ClientDetail& detail)
{
    const auto ordinal = ruptureOrdinals(detail);
    std::vector<const Rupture*> ruptures;
    for (const auto& r : detail.ruptures)
        ruptures.push_back(&r);
    std::sort(ruptures.begin(), ruptures.end(), [&](const Rupture* a, const Rupture* b) {
        return std::pair(a->sessionDate, ordinal.at(a->id)) < std::pair(b->sessionDate, ordinal.at(b->id));
    });
    for (const Rupture* r : ruptures)
        csv.row({detail.client.code, toIso(r->sessionDate), std::to_string(ordinal.at(r->id)), slug(r->kind),
                 joined(r->markers, ";"), std::to_string(r->salience), slug(r->noticedBy),
                 r->category.value_or(""), r->note.value_or("")});
    return ruptures.size();
}

std::uint64_t planRows(csv::Writer& csv, const ClientDetail& detail)
{
    const auto ordinal = ruptureOrdinals(detail);
    std::map<Id, const Rupture*> rupture;
    for (const auto& r : detail.ruptures)
        rupture[r.id] = &r;
    std::map<int, Date> sessionDate;
    for (const auto& s : detail.sessions)
        sessionDate[s.number] = s.date;
    std::uint64_t rows = 0;
    for (const auto& plan : detail.plans) {
        const auto r = rupture.find(plan.ruptureId);
        if (r == rupture.end())
            continue; // a voided rupture's plan goes with it
        std::vector<std::string> steps;
        for (const auto& step : plan.steps)
            steps.push_back(step.text);
        std::optional<Date> followUp;
        if (plan.followUpSessionNumber)
            followUp = sessionDate.at(*plan.followUpSessionNumber);
        csv.row({detail.client.code, toIso(r->second->sessionDate),
                 std::to_string(ordinal.at(plan.ruptureId)), toIso(plan.createdOn),
                 optionalDate(plan.dueDate), joined(plan.strategies, ";"), joined(steps, "\n"),
                 plan.note.value_or(""), plan.status == PlanStatus::Closed ? "closed" : "planned",
                 plan.outcome ? slug(*plan.outcome) : "", optionalDate(followUp),
                 optionalDate(plan.closedOn)});
        ++rows;
    }
    return rows;
}

} // namespace

std::uint64_t writeCsv(RecordKind kind, std::ostream& out, const std::vector<Counselor>& counselors,
                       const ClientPass& clients, const ParamsLookup& params)
{
    csv::Writer csv(out);
    csv.row(columnsOf(kind).columns);
    std::uint64_t rows = 0;
    if (kind == RecordKind::Counselors) {
        // Supervisors before the people they supervise, so the file imports in order.
        std::vector<const Counselor*> ordered;
        for (const auto& c : counselors)
            if (!c.supervisorName)
                ordered.push_back(&c);
        for (std::size_t i = 0; i < ordered.size(); ++i)
            for (const auto& c : counselors)
                if (c.supervisorName && *c.supervisorName == ordered[i]->name)
                    ordered.push_back(&c);
        for (const Counselor* c : ordered)
            csv.row({c->name, slug(c->role), c->supervisorName.value_or("")});
        return ordered.size();
    }
    clients([&](ClientDetail& detail) {
        switch (kind) {
        case RecordKind::Clients:
            clientRows(csv, detail);
            ++rows;
            break;
        case RecordKind::Ratings: rows += ratingRows(csv, detail, params); break;
        case RecordKind::Ruptures: rows += ruptureRows(csv, detail); break;
        case RecordKind::Plans: rows += planRows(csv, detail); break;
        case RecordKind::Counselors: break;
        }
    });
    return rows;
}

void writePrivateFile(const std::string& out, const std::function<void(std::ostream&)>& write)
{
    std::string aside = out + ".partial-XXXXXX";
    const int fd = ::mkstemp(aside.data());
    if (fd < 0)
        throw PermissionDenied("cannot write " + printable(out) + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    ::close(fd);
    try {
        {
            std::ofstream file(aside, std::ios::binary | std::ios::trunc);
            write(file);
            file.flush();
            if (!file)
                throw PermissionDenied("cannot write " + printable(out));
        }
        if (::rename(aside.c_str(), out.c_str()) != 0)
            throw PermissionDenied("cannot write " + printable(out) + ": " + std::strerror(errno));
    } catch (...) {
        ::unlink(aside.c_str());
        throw;
    }
}

} // namespace alliance::exchange
