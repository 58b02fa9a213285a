#include "exchange/Csv.hpp"

#include <utf8proc.h>

namespace alliance::csv {

namespace {

bool validUtf8(const std::string& text)
{
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t at = 0;
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    while (at < size) {
        if (bytes[at] < 0x80) { // the common case, without a call
            ++at;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(bytes + at, size - at, &cp);
        if (n < 0)
            return false;
        at += n;
    }
    return true;
}

bool isTrigger(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

} // namespace

Reader::Reader(std::istream& in) : in_(in) {}

int Reader::get()
{
    if (!ahead_.empty()) {
        const int c = ahead_.back();
        ahead_.pop_back();
        return c;
    }
    if (at_ == end_) {
        in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        end_ = static_cast<std::size_t>(in_.gcount());
        at_ = 0;
        if (end_ == 0)
            return -1;
    }
    ++bytes_;
    return static_cast<unsigned char>(buffer_[at_++]);
}

void Reader::pushField(Record& record, std::string& field)
{
    if (record.fields.size() == maxFields) {
        if (record.problems.empty() || record.problems.back().what.rfind("more than", 0) != 0)
            record.problems.push_back({"more than " + std::to_string(maxFields) + " fields", 0});
        field.clear();
        return;
    }
    const int column = static_cast<int>(record.fields.size()) + 1;
    if (!validUtf8(field)) {
        record.problems.push_back({"not UTF-8 text (is this a spreadsheet saved as CSV UTF-8?)", column});
        field.clear();
    }
    record.fields.push_back(std::move(field));
    field.clear();
}

bool Reader::next(Record& record)
{
    record.fields.clear();
    record.problems.clear();
    if (!started_) {
        started_ = true;
        // A byte-order mark, which Excel's "CSV UTF-8" writes first.
        const int a = get();
        const int b = a == 0xEF ? get() : -1;
        const int c = b == 0xBB ? get() : -1;
        if (!(a == 0xEF && b == 0xBB && c == 0xBF))
            for (const int byte : {c, b, a})
                if (byte != -1)
                    unget(byte);
    }
    for (;;) { // skip blank lines
        int c = get();
        if (c == -1)
            return false;
        if (c == '\n' || c == '\r') {
            if (c == '\r') {
                const int d = get();
                if (d != '\n' && d != -1)
                    unget(d);
            }
            ++line_;
            continue;
        }
        unget(c);
        break;
    }

    record.line = line_;
    std::string field;
    bool quoted = false;   // the field began with a quote
    bool inQuotes = false; // inside the quotes now
    bool tooLong = false;
    for (;;) {
        const int c = get();
        if (c == -1) {
            if (inQuotes)
                record.problems.push_back({"a quoted field is not closed before the end of the file",
                                           static_cast<int>(record.fields.size()) + 1});
            pushField(record, field);
            return true;
        }
        if (inQuotes) {
            if (c == '"') {
                const int d = get();
                if (d == '"') {
                    if (!tooLong)
                        field.push_back('"');
                    continue;
                }
                inQuotes = false;
                if (d != -1)
                    unget(d);
                continue;
            }
            if (c == '\n' || (c == '\r')) {
                if (c == '\r') {
                    const int d = get();
                    if (d != '\n' && d != -1)
                        unget(d);
                }
                ++line_;
                if (!tooLong)
                    field.push_back('\n');
            } else if (!tooLong) {
                field.push_back(static_cast<char>(c));
            }
        } else if (c == ',') {
            pushField(record, field);
            quoted = tooLong = false;
            continue;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r') {
                const int d = get();
                if (d != '\n' && d != -1)
                    unget(d);
            }
            ++line_;
            pushField(record, field);
            return true;
        } else if (c == '"') {
            if (field.empty() && !quoted) {
                quoted = inQuotes = true;
                continue;
            }
            record.problems.push_back(
                {quoted ? "text after a closing quote" : "a quote inside an unquoted field",
                 static_cast<int>(record.fields.size()) + 1});
            if (!tooLong)
                field.push_back('"');
        } else if (quoted) {
            // Text after the closing quote: "abc"def
            if (record.problems.empty() ||
                record.problems.back().column != static_cast<int>(record.fields.size()) + 1)
                record.problems.push_back(
                    {"text after a closing quote", static_cast<int>(record.fields.size()) + 1});
            if (!tooLong)
                field.push_back(static_cast<char>(c));
        } else if (!tooLong) {
            field.push_back(static_cast<char>(c));
        }
        if (!tooLong && field.size() > maxFieldBytes) {
            tooLong = true;
            field.clear();
            record.problems.push_back({"a field longer than " + std::to_string(maxFieldBytes) + " bytes",
                                       static_cast<int>(record.fields.size()) + 1});
        }
    }
}

bool startsLikeFormula(const std::string& cell)
{
    return !cell.empty() && isTrigger(cell.front());
}

std::string neutralised(const std::string& cell)
{
    const std::size_t first = cell.find_first_not_of('\'');
    if (first != std::string::npos && isTrigger(cell[first]))
        return "'" + cell;
    return cell;
}

std::string restored(const std::string& cell)
{
    if (cell.empty() || cell.front() != '\'')
        return cell;
    const std::size_t first = cell.find_first_not_of('\'');
    if (first != std::string::npos && isTrigger(cell[first]))
        return cell.substr(1);
    return cell;
}

void Writer::row(const std::vector<std::string>& cells)
{
    bool firstCell = true;
    for (const std::string& raw : cells) {
        if (!firstCell)
            out_ << ',';
        firstCell = false;
        const std::string text = neutralised(raw);
        if (text.find_first_of(",\"\r\n") == std::string::npos) {
            out_ << text;
            continue;
        }
        out_ << '"';
        for (const char c : text) {
            if (c == '"')
                out_ << '"';
            out_ << c;
        }
        out_ << '"';
    }
    out_ << "\r\n";
}

} // namespace alliance::csv
