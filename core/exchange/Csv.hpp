#pragma once
// CSV as spreadsheets write it (RFC 4180): comma-separated, fields optionally in double quotes, a
// quote inside a quoted field doubled, quoted fields may hold commas, quotes and line breaks. Read
// as a stream -- one record in memory at a time -- from UTF-8 with or without a byte-order mark,
// with CRLF, LF or CR line ends. Written with CRLF and every cell a spreadsheet would run as a
// formula neutralised (see neutralised()).
#include <cstddef>
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace alliance::csv {

// What is wrong with one record's bytes (not its meaning): the reader goes on with the next record.
struct SyntaxProblem {
    std::string what; // "a quote inside an unquoted field", "not UTF-8 text", ...
    int column = 0;   // 1-based; 0 for the whole record
};

struct Record {
    std::vector<std::string> fields;
    std::uint64_t line = 0;              // the line the record starts on, from 1
    std::vector<SyntaxProblem> problems; // empty when the record was read cleanly
};

class Reader {
public:
    // Limits that keep a hostile file from filling memory: a longer field or a record with more
    // fields is reported as a problem (and its excess skipped), never held.
    static constexpr std::size_t maxFieldBytes = 65536;
    static constexpr std::size_t maxFields = 64;

    explicit Reader(std::istream& in);
    // The next record; false at the end of the input. A blank line is skipped.
    bool next(Record& record);
    // Bytes consumed so far (for a progress bar).
    std::uint64_t bytesRead() const { return bytes_; }

private:
    int get();
    void pushField(Record& record, std::string& field);

    void unget(int c) { ahead_.push_back(c); }

    std::istream& in_;
    std::vector<char> buffer_ = std::vector<char>(1 << 16);
    std::size_t at_ = 0, end_ = 0;
    std::vector<int> ahead_; // bytes read ahead and given back, last first
    std::uint64_t line_ = 1;
    std::uint64_t bytes_ = 0;
    bool started_ = false;
};

// Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a formula
// (CSV injection). neutralised() puts an apostrophe before such a cell -- and before a cell that
// already starts with apostrophes followed by one of them, so that restored() gives back exactly
// what was written. Every cell the program writes goes through it; none of its numbers is negative.
bool startsLikeFormula(const std::string& cell);
std::string neutralised(const std::string& cell);
// The text a neutralised cell stands for (one apostrophe taken off); any other cell as it is.
std::string restored(const std::string& cell);

class Writer {
public:
    explicit Writer(std::ostream& out) : out_(out) {}
    // One record, each cell neutralised, quoted when it holds a comma, quote or line break.
    void row(const std::vector<std::string>& cells);

private:
    std::ostream& out_;
};

} // namespace alliance::csv
