#pragma once
// Generated agencies for the benchmark: S (1 counselor, 40 clients, ~1,000 sessions), M (20
// counselors, 800 clients, ~25,000 sessions), L (100 counselors, 5,000 clients, ~200,000 sessions).
// Deterministic for a seed; written through the store's own validated calls in one transaction.
#include "Store.hpp"

#include <cstdint>
#include <string>

namespace alliance::bench {

struct AgencySize {
    std::string name; // S, M, L
    int counselors = 1;
    int clients = 40;
    int sessionsPerClient = 25; // on average; each client has 60..140% of it
};

AgencySize agencySize(const std::string& name); // S, M or L; throws std::invalid_argument

// Every counselor has an account with this password, and "Bench Admin" (an admin, no caseload)
// signs in for the measurements that read the whole agency.
constexpr const char* benchPassword = "bench password 1";
constexpr const char* benchAdmin = "Bench Admin";

struct AgencySummary {
    int counselors = 0;
    int clients = 0;
    int sessions = 0;
    int ruptures = 0; // each with a repair plan
};

// Fills an empty store: counselors "Counselor 001".. (a supervisor for every ten), clients
// "A-00001".., weekly sessions ending up to three weeks before `asOf`, one client rating each on
// the client's instrument (WAI-SR, SRS or the quick rating), the client's post-session report on
// every third; a quarter of the clients drop reliably once, and the counselor flags a rupture there
// with a repair plan; half of those recover and the plan is closed, the rest carry a supervisor's
// comment.
AgencySummary fillAgency(Store& store, const AgencySize& size, const Date& asOf, std::uint32_t seed = 7);

} // namespace alliance::bench
