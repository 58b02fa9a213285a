#pragma once
// JSON documents of the CLI's public contract.
#include "Alerts.hpp"
#include "Model.hpp"
#include "ReviewJson.hpp"
#include "TrajectoryReport.hpp"

#include <nlohmann/json.hpp>

namespace alliance::cli {

using nlohmann::json;

// A score in the instrument's own units: whole numbers for WAI-SR, one decimal otherwise.
json scoreValue(Instrument instrument, int tenths);
json scoreJson(const Score& score, Comparator comparator = Comparator::Less);
json clientJson(const ClientSummary& summary);
json clientDetailJson(const ClientDetail& detail);
json trajectoryJson(const TrajectoryReport& report);
// A rating's corrections, oldest first: each with the version it replaced.
json ratingHistoryJson(const std::vector<RatingRevision>& history);
json ruptureHistoryJson(const std::vector<RuptureRevision>& history);
json repairPlanHistoryJson(const std::vector<RepairPlanRevision>& history);
json alertJson(const Alert& alert);
// A plan's comments, oldest first.
json planCommentsJson(const std::vector<PlanComment>& comments);

} // namespace alliance::cli
