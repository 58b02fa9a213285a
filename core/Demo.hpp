#pragma once
// A realistic synthetic caseload for demos and tests: several counselors and a supervisor, and
// clients who are steady, growing, ruptured and repaired, unrepaired, drifting or at the ceiling.
#include "Store.hpp"

#include <cstdint>

namespace alliance {

struct DemoOptions {
    int clients = 24; // 1..2000
    std::uint32_t seed = 1;
    std::optional<Date> today; // the caseload's "now"; default: today
};

struct DemoSummary {
    int counselors = 0;
    int clients = 0;
    int sessions = 0;
    int ruptures = 0;
};

// Refuses (ValidationError) a database that already holds clients: demo data never mixes with a
// real caseload.
DemoSummary fillDemo(Store& store, const DemoOptions& options);

} // namespace alliance
