#pragma once
// Importing CSV files of counselors, clients, ratings, ruptures and repair plans (Records.hpp).
// Every file of one import is read as a stream in one transaction: a record is checked by the same
// rules as every other write (the Store's own, or for ratings the same checks on a bulk path), a
// bad record is reported by file, line, column and reason, and unless every record of every file
// is good nothing is written. A record already on record exactly so is counted and left; a
// different one on record under the same key is a problem, never overwritten.
#include "Store.hpp"
#include "exchange/Records.hpp"

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <vector>

namespace alliance::exchange {

struct ImportSource {
    std::string name; // for messages (a file's name as the person gave it)
    std::istream* in = nullptr;
    std::uint64_t size = 0; // bytes, for progress; 0 when unknown
};

struct ImportProblem {
    std::string file;
    std::uint64_t line = 0;
    std::string column; // "" for the whole line
    std::string problem;
};

struct ImportedFile {
    std::string name;
    std::optional<RecordKind> kind; // none when the header named no kind
    std::uint64_t records = 0;
    std::uint64_t added = 0;
    std::uint64_t alreadyRecorded = 0;
};

struct ImportReport {
    std::vector<ImportedFile> files;
    std::vector<ImportProblem> problems; // the first maxProblems
    std::uint64_t problemCount = 0;      // all of them
    bool written = false;                // committed: no problem and not a dry run
    // For a written import: what it added to each client, by code (its client record, ratings,
    // ruptures, plans), for the audit trail's entry per client.
    struct ClientCounts {
        bool client = false;
        std::uint64_t ratings = 0, ruptures = 0, plans = 0;
    };
    std::map<std::string, ClientCounts> addedByClient;
    static constexpr std::size_t maxProblems = 200;
};

// Who may import what: each throws AccessDenied (reported on the line) when the account may not.
struct ImportAccess {
    std::function<void()> addCounselors;
    std::function<void(const std::string& counselor)> addClientFor;
    std::function<void(const std::string& clientCode)> changeClient; // ratings, ruptures, plans
};

struct ImportOptions {
    bool dryRun = false;
    // Called now and then with the bytes read of all files and their total size.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

ImportReport importCsv(Store& store, const std::vector<ImportSource>& sources, const ImportAccess& access,
                       const ImportOptions& options);

} // namespace alliance::exchange
