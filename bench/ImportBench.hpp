#pragma once
// The CSV import benchmark (issue 12): `alliance import` of N SRS ratings (100 counselors, 5,000
// clients) into an empty database, against the sqlite3 shell doing the same in the same run.
#include <string>

namespace alliance::bench {

struct ImportTimes {
    double product = 0;      // ms: the whole `alliance import` process (sign-in included)
    double shellImport = 0;  // ms: the shell's `.import` of the same CSV into a table of its own
    double shellSchema = 0;  // ms: `.import`, then INSERT ... SELECT into the schema's session and rating
    double peakMiB = 0;      // the import process's peak resident memory
    long csvMiB = 0;         // the file's size
    bool rightCount = false; // every rating stored, each once
};

// Files are made once in `dir` and kept. `cli` is the alliance binary.
ImportTimes measureImport(const std::string& dir, const std::string& cli, long ratings);

} // namespace alliance::bench
