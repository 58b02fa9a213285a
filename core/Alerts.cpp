#include "Alerts.hpp"

#include "Errors.hpp"
#include "Text.hpp"

#include <algorithm>
#include <memory>

namespace alliance {

std::string alertId(const std::string& clientCode, const Flag& flag)
{
    return clientCode + "/" + flag.kind + "/" + flag.anchor;
}

bool isSuppressed(const std::string& id, const Flag& flag, const std::map<std::string, AlertAck>& acks,
                  const Date& asOf)
{
    const auto found = acks.find(id);
    if (found == acks.end() || found->second.fingerprint != flag.fingerprint)
        return false;
    return !found->second.snoozeUntil || asOf < *found->second.snoozeUntil;
}

TrajectoryReport defaultTrajectory(Store& store, const ClientDetail& detail, const Date& asOf)
{
    return defaultTrajectory(detail, asOf, [&store](Instrument i, const std::string& dimension) {
        return store.analysisParams(i, dimension);
    });
}

TrajectoryReport defaultTrajectory(const ClientDetail& detail, const Date& asOf,
                                   const ParamsLookup& paramsFor)
{
    TrajectoryRequest request;
    request.asOf = asOf;
    return buildTrajectory(detail, request, paramsFor);
}

TrajectoryReport caseloadTrajectory(const ClientDetail& detail, const Date& asOf,
                                    const ParamsLookup& paramsFor)
{
    TrajectoryRequest request;
    request.asOf = asOf;
    request.wholeReport = false;
    return buildTrajectory(detail, request, paramsFor);
}

ParamsLookup rememberedParams(Store& store)
{
    auto known = std::make_shared<std::map<std::pair<Instrument, std::string>, AnalysisParams>>();
    return [&store, known](Instrument instrument, const std::string& dimension) {
        const auto key = std::make_pair(instrument, dimension);
        auto found = known->find(key);
        if (found == known->end())
            found = known->emplace(key, store.analysisParams(instrument, dimension)).first;
        return found->second;
    };
}

std::string clientCodeOfAlert(const std::string& id)
{
    // The id ends in "/<kind>/<anchor>"; the client code before it may itself hold a '/'.
    const auto anchorSlash = id.rfind('/');
    const auto kindSlash = anchorSlash == std::string::npos || anchorSlash == 0
                               ? std::string::npos
                               : id.rfind('/', anchorSlash - 1);
    if (kindSlash == std::string::npos)
        throw ValidationError("alert_id",
                              "not an alert id " + quoteForError(id) + " (expected CLIENT/KIND/ANCHOR)");
    return id.substr(0, kindSlash);
}

std::vector<Alert> clientAlerts(Store& store, const std::string& code, const Date& asOf,
                                const std::map<std::string, AlertAck>& acks)
{
    return clientAlerts(store.clientDetail(code), asOf, acks, rememberedParams(store));
}

std::vector<Alert> clientAlerts(const ClientDetail& record, const Date& asOf,
                                const std::map<std::string, AlertAck>& acks, const ParamsLookup& paramsFor)
{
    // An alert as of a day is what a counselor would have seen that day: later records are not used.
    std::optional<ClientDetail> copy;
    const ClientDetail& detail = knownOn(record, asOf, copy);
    const std::string& code = detail.client.code;
    std::vector<Alert> result;
    if (detail.client.status != ClientStatus::Active)
        return result;
    for (Flag& flag : caseloadTrajectory(detail, asOf, paramsFor).flags) {
        const std::string id = alertId(code, flag);
        if (!isSuppressed(id, flag, acks, asOf))
            result.push_back({id, code, detail.client.counselorName, std::move(flag)});
    }
    return result;
}

std::vector<Alert> activeAlerts(Store& store, const std::optional<std::string>& counselorName,
                                const Date& asOf)
{
    const auto acks = store.alertAcks();
    std::vector<Alert> result;
    const ParamsLookup params = rememberedParams(store);
    store.forEachClientDetail(
        counselorName,
        [&](const ClientDetail& detail) { // one pass
            auto more = clientAlerts(detail, asOf, acks, params);
            result.insert(result.end(), std::make_move_iterator(more.begin()),
                          std::make_move_iterator(more.end()));
        },
        DetailDepth::ForAnalysis);
    orderBySeverity(result);
    return result;
}

void orderBySeverity(std::vector<Alert>& alerts)
{
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const Alert& a, const Alert& b) { return a.flag.severity > b.flag.severity; });
}

void acknowledgeAlert(Store& store, const std::string& id, const std::string& reason,
                      std::optional<int> snoozeDays, const Date& asOf)
{
    cleanText("reason", reason, 2000, TextShape::MultiLine);
    if (snoozeDays && (*snoozeDays < 1 || *snoozeDays > 365))
        throw ValidationError("snooze_days", "value " + std::to_string(*snoozeDays) + " out of range 1..365",
                              Reason::OutOfRange, {"1", "365"});
    const std::string code = clientCodeOfAlert(id);
    std::vector<Alert> current;
    try {
        current = clientAlerts(store, code, asOf, {});
    } catch (const NotFound&) {
        throw NotFound("alert_id", "no active alert " + quoteForError(id));
    }
    const auto alert =
        std::find_if(current.begin(), current.end(), [&](const Alert& a) { return a.id == id; });
    if (alert == current.end())
        throw NotFound("alert_id", "no active alert " + quoteForError(id));
    // The alert is found as it stood on asOf; the acknowledgement and its snooze date from the
    // day it was really made, so acknowledging "as of" a past day cannot expire a snooze at once.
    const Date acknowledgedOn = today();
    AlertAck ack{id, alert->flag.fingerprint, reason, acknowledgedOn, std::nullopt};
    if (snoozeDays)
        ack.snoozeUntil = addDaysSaturating(acknowledgedOn, *snoozeDays);
    store.acknowledgeAlert(ack);
}

} // namespace alliance
