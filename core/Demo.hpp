#pragma once
// A realistic synthetic caseload for demos and tests: several counselors and a supervisor, and
// clients who are steady, growing, ruptured and repaired, unrepaired, drifting or at the ceiling.
#include "Store.hpp"

#include <cstdint>

namespace alliance {

struct DemoOptions {
    int clients = 96; // 1..2000
    std::uint32_t seed = 1;
    std::optional<Date> today; // the caseload's "now"; default: today
};

// Every person of the demo signs in with this password (README): Robin Admin (admin), Morgan Ellis
// and Priya Shah (supervisors), Alex Rivera, Sam Okafor, Jordan Lee, Casey Nguyen, Taylor Brooks.
constexpr const char* demoPassword = "alliance-demo";

struct DemoSummary {
    // The recovery key initialisation made; empty when the database had accounts already.
    std::string recoveryKey;
    int counselors = 0;
    int clients = 0;
    int sessions = 0;
    int ruptures = 0;
};

// Throws ValidationError naming the option: clients 1..2000; today not in the future and late
// enough for two years of history after 1900.
void validateDemoOptions(const DemoOptions& options);

// Validates, then writes the whole caseload in one transaction, with an account for each person
// (demoPassword) on a database that has none. Refuses (ValidationError) a
// database that already holds clients: demo data never mixes with a real caseload.
DemoSummary fillDemo(Store& store, const DemoOptions& options);

} // namespace alliance
