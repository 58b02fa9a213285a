#pragma once
// The counselor's alerts worklist: the flags of each client's default trajectory (RR-1, client
// as rater, most-rated instrument), less those acknowledged or snoozed whose evidence is unchanged.
#include "Store.hpp"
#include "TrajectoryReport.hpp"

namespace alliance {

struct Alert {
    std::string id; // "<client code>/<kind>/<anchor>": stable while the evidence stands
    std::string clientCode;
    std::string counselorName;
    Flag flag;
};

std::string alertId(const std::string& clientCode, const Flag& flag);
// The client an alert id is about ("C-001/drift/last" -> "C-001"); ValidationError (alert_id) for
// text that is no alert id.
std::string clientCodeOfAlert(const std::string& id);
// The active alerts of one client (none unless the client is active), in flag order.
std::vector<Alert> clientAlerts(Store& store, const std::string& code, const Date& asOf,
                                const std::map<std::string, AlertAck>& acks);
// The same from a client's records already read (see Store::clientDetails).
std::vector<Alert> clientAlerts(const ClientDetail& detail, const Date& asOf,
                                const std::map<std::string, AlertAck>& acks, const ParamsLookup& paramsFor);

// True when an acknowledgement hides this alert on `asOf`: same evidence (fingerprint) and, for
// a snooze, before its end.
bool isSuppressed(const std::string& id, const Flag& flag, const std::map<std::string, AlertAck>& acks,
                  const Date& asOf);

// Alerts of active clients of one counselor (or all), most severe first, then by client code,
// from what was on record on asOf (see knownOn).
std::vector<Alert> activeAlerts(Store& store, const std::optional<std::string>& counselorName,
                                const Date& asOf);

// Most severe first; alerts of equal severity keep their order (by client code, as read).
void orderBySeverity(std::vector<Alert>& alerts);

// Acknowledges an active alert with a reason, optionally snoozed for `snoozeDays` (1..365).
// Throws NotFound when no such alert is active, ValidationError for a bad reason or snooze.
void acknowledgeAlert(Store& store, const std::string& id, const std::string& reason,
                      std::optional<int> snoozeDays, const Date& asOf);

// The default trajectory request and the store-backed parameters, shared by every front door.
TrajectoryReport defaultTrajectory(Store& store, const ClientDetail& detail, const Date& asOf);
TrajectoryReport defaultTrajectory(const ClientDetail& detail, const Date& asOf,
                                   const ParamsLookup& paramsFor);
// The same trajectory, its total and flags only (TrajectoryRequest::wholeReport false): what a pass
// over a caseload needs -- the alerts, the caseload page, the supervisor's review.
TrajectoryReport caseloadTrajectory(const ClientDetail& detail, const Date& asOf,
                                    const ParamsLookup& paramsFor);
// The store's analysis parameters, each read once for as long as the lookup lives: for one pass
// over a caseload (the parameters do not change within it).
ParamsLookup rememberedParams(Store& store);

} // namespace alliance
