#pragma once
// Writing the CSV files Import reads back (Records.hpp): one row per counselor, client, rating
// (with its scores and its phase in the client's series for that instrument and rater), rupture
// and repair plan. Import of an export into an empty database, exported again, gives the same bytes.
#include "Model.hpp"
#include "TrajectoryReport.hpp"
#include "exchange/Records.hpp"

#include <functional>
#include <ostream>
#include <vector>

namespace alliance::exchange {

// Hands each client to the visitor, in code order (Workspace::forEachClientDetail).
using ClientPass = std::function<void(const std::function<void(ClientDetail&)>&)>;

// Writes the header and every row of `kind`; returns the number of rows.
std::uint64_t writeCsv(RecordKind kind, std::ostream& out, const std::vector<Counselor>& counselors,
                       const ClientPass& clients, const ParamsLookup& params);

// Writes the file `out` for its owner only (0600) from what `write` puts in a stream: made aside
// and moved into place, so `out` never holds half an export (removed again on a failure).
void writePrivateFile(const std::string& out, const std::function<void(std::ostream&)>& write);

} // namespace alliance::exchange
