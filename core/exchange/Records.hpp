#pragma once
// The CSV files the program reads and writes (README "Import and export"): one kind of record per
// file, named by its header row. Import needs the kind's required columns, takes its optional
// ones and recomputes the derived ones (an export's scores and phase), which it reads past.
#include <string>
#include <vector>

namespace alliance::exchange {

enum class RecordKind { Counselors, Clients, Ratings, Ruptures, Plans };

struct RecordColumns {
    RecordKind kind;
    std::string name;                  // "ratings"
    std::vector<std::string> columns;  // every column, in the order export writes them
    std::vector<std::string> required; // what import needs
    std::vector<std::string> derived;  // written by export, recomputed by import
};

const std::vector<RecordColumns>& recordKinds();
const RecordColumns& columnsOf(RecordKind kind);

// The most items an instrument has (WAI-SR's 12): ratings have columns item1..item12.
constexpr int maxItems = 12;

} // namespace alliance::exchange
