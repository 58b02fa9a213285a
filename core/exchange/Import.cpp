#include "exchange/Import.hpp"

#include "Errors.hpp"
#include "Text.hpp"
#include "Validation.hpp"
#include "exchange/Csv.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace alliance::exchange {

namespace {

// The kind whose columns the header names: every required one, nothing that is not its own.
std::optional<RecordKind> kindOfHeader(const std::vector<std::string>& header)
{
    for (const auto& kind : recordKinds()) {
        const auto known = [&](const std::string& name) {
            return std::find(kind.columns.begin(), kind.columns.end(), name) != kind.columns.end();
        };
        const auto present = [&](const std::string& name) {
            return std::find(header.begin(), header.end(), name) != header.end();
        };
        if (std::all_of(header.begin(), header.end(), known) &&
            std::all_of(kind.required.begin(), kind.required.end(), present))
            return kind.kind;
    }
    return std::nullopt;
}

std::string lowered(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t to = std::min(text.find(separator, from), text.size());
        std::string part = trimmed(text.substr(from, to - from));
        if (!part.empty())
            parts.push_back(std::move(part));
        from = to + 1;
    }
    return parts;
}

// One record of a file, its cells by column name.
class Row {
public:
    Row(const csv::Record& record, const std::unordered_map<std::string, std::size_t>& columns)
        : record_(record), columns_(columns)
    {
    }
    // The cell as written (a neutralised one restored), spaces trimmed; "" when absent or empty.
    std::string operator[](const std::string& column) const
    {
        const auto at = columns_.find(column);
        if (at == columns_.end())
            return {};
        return csv::restored(trimmed(record_.fields[at->second]));
    }
    std::optional<std::string> optional(const std::string& column) const
    {
        std::string value = (*this)[column];
        return value.empty() ? std::nullopt : std::optional<std::string>(std::move(value));
    }
    // Multi-line text keeps its inner line breaks; only a neutralised cell loses its apostrophe.
    std::optional<std::string> text(const std::string& column) const
    {
        const auto at = columns_.find(column);
        if (at == columns_.end() || trimmed(record_.fields[at->second]).empty())
            return std::nullopt;
        return csv::restored(record_.fields[at->second]);
    }
    std::uint64_t line() const { return record_.line; }
    std::string required(const std::string& column) const
    {
        std::string value = (*this)[column];
        if (value.empty())
            throw ValidationError(column, "is empty; it is needed", Reason::Required);
        return value;
    }

private:
    const csv::Record& record_;
    const std::unordered_map<std::string, std::size_t>& columns_;
};

// The column a core error's field names, in this kind of file.
std::string columnOfField(const std::string& field, RecordKind kind)
{
    if (field.rfind("item ", 0) == 0)
        return "item" + field.substr(5);
    if (field.rfind("step ", 0) == 0)
        return "steps";
    static const std::unordered_map<std::string, std::string> names{
        {"strategy", "strategies"},  {"marker", "markers"},
        {"due", "due_date"},         {"created on", "created_on"},
        {"closed on", "closed_on"},  {"code", "client"},
        {"name", "counselor"},       {"display name", "display_name"},
        {"start", "start_date"},     {"cadence", "cadence_days"},
        {"noticed by", "noticed_by"}};
    if (const auto at = names.find(field); at != names.end())
        return at->second;
    if ((field == "date" || field == "session") && kind != RecordKind::Ratings)
        return "session_date";
    return field;
}

class Importer {
public:
    Importer(Store& store, const ImportAccess& access, const ImportOptions& options)
        : store_(store), db_(store.connection()), access_(access), options_(options)
    {
    }

    ImportReport run(const std::vector<ImportSource>& sources);

private:
    void readFile(const ImportSource& source, ImportedFile& file);
    void problem(std::uint64_t line, std::string column, std::string what);
    void importRow(RecordKind kind, const Row& row, ImportedFile& file);
    void counselorRow(const Row& row, ImportedFile& file);
    void clientRow(const Row& row, ImportedFile& file);
    void ratingRow(const Row& row, ImportedFile& file);
    void ruptureRow(const Row& row, ImportedFile& file);
    void planRow(const Row& row, ImportedFile& file);
    void startRatings();
    void finishRatings(ImportedFile& file);
    void countByClient();
    // The client's id once its records may be changed by the account (checked once per client).
    Id changeableClient(const std::string& code);
    Id newestId(const char* table);
    void progress(bool force = false);

    Store& store_;
    sql::Connection& db_;
    const ImportAccess& access_;
    const ImportOptions& options_;
    ImportReport report_;
    std::string fileName_;

    // Rows made before this import began have ids up to these: a match above one repeats an
    // earlier line of the same import.
    Id counselorsBefore_ = 0, clientsBefore_ = 0, ratingsBefore_ = 0, rupturesBefore_ = 0, plansBefore_ = 0;
    std::optional<std::string> counselorRefusal_;
    bool counselorsChecked_ = false;
    struct ClientEntry {
        Id id = 0;
        Date start;
        std::optional<std::string> refusal;
        std::optional<std::string> missing;
    };
    std::unordered_map<std::string, ClientEntry> clients_;
    // A ratings file's good lines, staged in a temporary table until its end.
    std::optional<sql::Statement> stage_;
    std::uint64_t staged_ = 0;
    std::uint64_t bytesBefore_ = 0, totalBytes_ = 0, recordsSinceProgress_ = 0;
    const csv::Reader* reader_ = nullptr;
};

Id Importer::newestId(const char* table)
{
    sql::Statement query(db_, std::string("SELECT coalesce(max(id), 0) FROM ") + table);
    query.step();
    return query.int64(0);
}

void Importer::problem(std::uint64_t line, std::string column, std::string what)
{
    ++report_.problemCount;
    if (report_.problems.size() < ImportReport::maxProblems)
        report_.problems.push_back({fileName_, line, std::move(column), std::move(what)});
}

void Importer::progress(bool force)
{
    if (!options_.progress || !reader_)
        return;
    if (!force && ++recordsSinceProgress_ < 8192)
        return;
    recordsSinceProgress_ = 0;
    options_.progress(bytesBefore_ + reader_->bytesRead(), totalBytes_);
}

// A large import touches the session-by-date index all over: with SQLite's default 2 MB cache its
// pages are spilled to the WAL and read back again and again (500,000 ratings took 6x as long as
// 200,000). A cache of this size holds that index for millions of ratings; the other pages are
// written once, in order. Memory stays bounded by it, whatever the file's size.
constexpr int importCacheKiB = 64 * 1024;

class CacheSize {
public:
    CacheSize(sql::Connection& db, int kib) : db_(db)
    {
        sql::Statement get(db_, "PRAGMA cache_size");
        get.step();
        previous_ = get.int64(0);
        db_.exec("PRAGMA cache_size = -" + std::to_string(kib));
    }
    ~CacheSize()
    {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(previous_));
        } catch (...) { // NOLINT(bugprone-empty-catch): the default size only matters for speed
        }
    }
    CacheSize(const CacheSize&) = delete;
    CacheSize& operator=(const CacheSize&) = delete;

private:
    sql::Connection& db_;
    std::int64_t previous_ = 0;
};

ImportReport Importer::run(const std::vector<ImportSource>& sources)
{
    const CacheSize cache(db_, importCacheKiB);
    sql::Transaction transaction(db_);
    counselorsBefore_ = newestId("counselor");
    clientsBefore_ = newestId("client");
    ratingsBefore_ = newestId("rating");
    rupturesBefore_ = newestId("rupture");
    plansBefore_ = newestId("repair_plan");
    for (const auto& source : sources)
        totalBytes_ += source.size;
    for (const auto& source : sources) {
        ImportedFile file;
        file.name = source.name;
        fileName_ = source.name;
        readFile(source, file);
        report_.files.push_back(file);
    }
    if (report_.problemCount == 0 && !options_.dryRun) {
        countByClient();
        transaction.commit();
        report_.written = true;
    }
    return report_;
}

// What the import added to each client: the rows with ids past those on record before it.
void Importer::countByClient()
{
    const auto count = [&](const char* sql, Id after, std::uint64_t ImportReport::ClientCounts::*field) {
        sql::Statement query(db_, sql);
        query.bind(1, after);
        while (query.step())
            report_.addedByClient[query.text(0)].*field = static_cast<std::uint64_t>(query.int64(1));
    };
    count("SELECT c.code, count(*) FROM rating r JOIN session s ON s.id = r.session_id JOIN client c ON "
          "c.id = s.client_id WHERE r.id > ? GROUP BY c.id",
          ratingsBefore_, &ImportReport::ClientCounts::ratings);
    count("SELECT c.code, count(*) FROM rupture r JOIN session s ON s.id = r.session_id JOIN client c ON "
          "c.id = s.client_id WHERE r.id > ? GROUP BY c.id",
          rupturesBefore_, &ImportReport::ClientCounts::ruptures);
    count(
        "SELECT c.code, count(*) FROM repair_plan p JOIN rupture r ON r.id = p.rupture_id JOIN session s ON "
        "s.id = r.session_id JOIN client c ON c.id = s.client_id WHERE p.id > ? GROUP BY c.id",
        plansBefore_, &ImportReport::ClientCounts::plans);
    sql::Statement clients(db_, "SELECT code FROM client WHERE id > ?");
    clients.bind(1, clientsBefore_);
    while (clients.step())
        report_.addedByClient[clients.text(0)].client = true;
}

void Importer::readFile(const ImportSource& source, ImportedFile& file)
{
    csv::Reader reader(*source.in);
    reader_ = &reader;
    struct Forget { // the reader goes with this call, on every way out
        const csv::Reader*& reader;
        ~Forget() { reader = nullptr; }
    } forget{reader_};
    csv::Record record;
    if (!reader.next(record)) {
        problem(1, "", "the file is empty: a header row is needed");
        return;
    }
    std::vector<std::string> header;
    std::unordered_map<std::string, std::size_t> columns;
    std::vector<std::string> twice;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        std::string name = lowered(trimmed(record.fields[i]));
        if (!columns.emplace(name, i).second && std::find(twice.begin(), twice.end(), name) == twice.end())
            twice.push_back(name);
        header.push_back(std::move(name));
    }
    file.kind = kindOfHeader(header);
    for (const auto& p : record.problems)
        problem(record.line, "", "header: " + p.what);
    if (!file.kind && record.problems.empty()) {
        std::string kinds;
        for (const auto& kind : recordKinds()) {
            kinds += kinds.empty() ? "" : "; ";
            kinds += kind.name + " need ";
            for (const auto& column : kind.required)
                kinds += column + (&column == &kind.required.back() ? "" : ",");
        }
        problem(record.line, "",
                "the header row names no kind of record (" + kinds + "; the README lists every column)");
    }
    for (const auto& name : twice)
        problem(record.line, name, "the header names this column twice");
    if (!file.kind || !record.problems.empty() || !twice.empty()) {
        bytesBefore_ += source.size;
        return;
    }
    const RecordColumns& kind = columnsOf(*file.kind);
    const std::size_t firstProblem = report_.problems.size();
    if (kind.kind == RecordKind::Ratings)
        startRatings();
    while (reader.next(record)) {
        ++file.records;
        progress();
        for (const auto& p : record.problems)
            problem(record.line,
                    p.column > 0 && static_cast<std::size_t>(p.column) <= header.size()
                        ? header[static_cast<std::size_t>(p.column - 1)]
                        : "",
                    p.what);
        if (!record.problems.empty())
            continue;
        if (record.fields.size() != header.size()) {
            problem(record.line, "",
                    std::to_string(record.fields.size()) + " fields, but the header has " +
                        std::to_string(header.size()));
            continue;
        }
        bool formula = false;
        for (std::size_t i = 0; i < record.fields.size(); ++i)
            if (csv::startsLikeFormula(record.fields[i])) {
                problem(record.line, header[i],
                        "starts with '" +
                            std::string(record.fields[i][0] == '\t' ? "\\t" : record.fields[i].substr(0, 1)) +
                            "', which a spreadsheet runs as a formula; if it is text, start it with an "
                            "apostrophe (')");
                formula = true;
            }
        if (formula)
            continue;
        Row row(record, columns);
        try {
            importRow(kind.kind, row, file);
        } catch (const AccessDenied& e) {
            problem(record.line, kind.kind == RecordKind::Counselors ? "" : "client", e.what());
        } catch (const FieldError& e) {
            problem(record.line, columnOfField(e.field(), kind.kind), e.problem());
        } catch (const StorageError&) {
            throw; // the database itself failed: nothing of the import is kept
        } catch (const Error& e) {
            problem(record.line, "", e.what());
        }
    }
    if (kind.kind == RecordKind::Ratings) {
        finishRatings(file);
        // The lines named when the file's ratings were written, in line order with the rest.
        std::stable_sort(report_.problems.begin() + static_cast<std::ptrdiff_t>(firstProblem),
                         report_.problems.end(),
                         [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
    }
    progress(true);
    bytesBefore_ += reader.bytesRead();
}

void Importer::importRow(RecordKind kind, const Row& row, ImportedFile& file)
{
    switch (kind) {
    case RecordKind::Counselors: return counselorRow(row, file);
    case RecordKind::Clients: return clientRow(row, file);
    case RecordKind::Ratings: return ratingRow(row, file);
    case RecordKind::Ruptures: return ruptureRow(row, file);
    case RecordKind::Plans: return planRow(row, file);
    }
}

void Importer::counselorRow(const Row& row, ImportedFile& file)
{
    if (!counselorsChecked_) {
        counselorsChecked_ = true;
        try {
            access_.addCounselors();
        } catch (const AccessDenied& e) {
            counselorRefusal_ = e.what();
        }
    }
    if (counselorRefusal_)
        throw ValidationError("", *counselorRefusal_);
    const std::string name = row.required("counselor");
    const Role role = parseSlug<Role>(row.required("role"), "role");
    const auto supervisor = row.optional("supervisor");
    try {
        const Counselor existing = store_.counselor(name);
        const bool sameSupervisor =
            existing.supervisorName.has_value() == supervisor.has_value() &&
            (!supervisor || identityKey(*existing.supervisorName) == identityKey(*supervisor));
        if (existing.role != role || !sameSupervisor)
            throw ValidationError("counselor", "this person is on record with another role or supervisor",
                                  Reason::AlreadyRecorded);
        if (existing.id > counselorsBefore_)
            throw ValidationError("counselor", "repeats an earlier line of this import",
                                  Reason::AlreadyRecorded);
        ++file.alreadyRecorded;
        return;
    } catch (const NotFound&) {
    }
    store_.addCounselor(name, role, supervisor);
    ++file.added;
}

Id Importer::changeableClient(const std::string& code)
{
    auto at = clients_.find(code);
    if (at == clients_.end()) {
        ClientEntry entry;
        try {
            entry.id = store_.clientId(code);
            sql::Statement start(db_, "SELECT start_date FROM client WHERE id = ?");
            start.bind(1, entry.id).step();
            entry.start = parseIsoDate(start.text(0), "start_date");
            try {
                access_.changeClient(code);
            } catch (const AccessDenied& e) {
                entry.refusal = e.what();
            }
        } catch (const NotFound&) {
            entry.missing = "no client " + quoteForError(code) + " is on record (import the clients first)";
        }
        at = clients_.emplace(code, std::move(entry)).first;
    }
    if (at->second.missing)
        throw NotFound("client", *at->second.missing);
    if (at->second.refusal)
        throw ValidationError("client", *at->second.refusal);
    return at->second.id;
}

void Importer::clientRow(const Row& row, ImportedFile& file)
{
    NewClient client;
    client.code = row.required("client");
    client.counselorName = row.required("counselor");
    client.displayName = row.optional("display_name");
    if (const auto start = row.optional("start_date"))
        client.startDate = parseIsoDate(*start, "start_date");
    if (const auto cadence = row.optional("cadence_days"))
        client.cadenceDays = parseWholeNumber("cadence_days", *cadence, 1, 365);
    const auto status = row.optional("status");
    const ClientStatus clientStatus =
        status ? parseSlug<ClientStatus>(*status, "status") : ClientStatus::Active;
    access_.addClientFor(client.counselorName);
    try {
        const Id id = store_.clientId(client.code);
        sql::Statement owner(db_, "SELECT k.name FROM client c JOIN counselor k ON k.id = c.counselor_id "
                                  "WHERE c.id = ?");
        owner.bind(1, id).step();
        if (identityKey(owner.text(0)) != identityKey(client.counselorName))
            throw ValidationError("client", "this client is on record with another counselor",
                                  Reason::AlreadyRecorded);
        if (id > clientsBefore_)
            throw ValidationError("client", "repeats an earlier line of this import",
                                  Reason::AlreadyRecorded);
        ++file.alreadyRecorded;
        return;
    } catch (const NotFound&) {
    }
    sql::Transaction both(db_);
    store_.addClient(client);
    if (clientStatus != ClientStatus::Active)
        store_.setClientStatus(client.code, clientStatus);
    both.commit();
    clients_.erase(client.code);
    ++file.added;
}

void Importer::ratingRow(const Row& row, ImportedFile& file)
{
    (void)file;
    static const auto itemColumns = [] {
        std::vector<std::string> names;
        for (int i = 1; i <= maxItems; ++i)
            names.push_back("item" + std::to_string(i));
        return names;
    }();
    const std::string code = row.required("client");
    const Date date = parseIsoDate(row.required("date"), "date");
    requireRecordDate("date", date);
    const Instrument instrument = instrumentFromSlug(row.required("instrument"));
    const auto raterText = row.optional("rater");
    const Rater rater = raterText ? parseSlug<Rater>(*raterText, "rater") : Rater::Client;
    const InstrumentSpec& instrumentSpec = spec(instrument);
    std::vector<int> items;
    items.reserve(static_cast<std::size_t>(instrumentSpec.itemCount()));
    for (int i = 0; i < maxItems; ++i) {
        const std::string& column = itemColumns[static_cast<std::size_t>(i)];
        const std::string value = row[column];
        if (i < instrumentSpec.itemCount()) {
            if (value.empty())
                throw ValidationError(column,
                                      "is empty; " + instrumentSpec.slug + " has " +
                                          std::to_string(instrumentSpec.itemCount()) + " items",
                                      Reason::Required);
            items.push_back(parseItem(instrument, i, value));
        } else if (!value.empty()) {
            throw ValidationError(column,
                                  instrumentSpec.slug + " has only " +
                                      std::to_string(instrumentSpec.itemCount()) + " items",
                                  Reason::OutOfRange);
        }
    }
    const Score scored = score(instrument, items);
    const Id client = changeableClient(code);
    if (date < clients_.at(code).start)
        throw ValidationError("date", toIso(date) + " is before the client's start date " +
                                          toIso(clients_.at(code).start));
    // Staged: the file's good lines are written together at its end (finishRatings).
    if (!stage_)
        stage_.emplace(db_,
                       "INSERT INTO temp.import_rating (line, client_id, date, instrument, rater, items, "
                       "total, bond, goal, task, overall) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sql::Statement& stage = *stage_;
    stage.bind(1, static_cast<std::int64_t>(row.line())).bind(2, client).bind(3, toIso(date));
    stage.bind(4, instrumentSpec.slug)
        .bind(5, slug(rater))
        .bind(6, formatItems(instrument, scored.itemTenths));
    stage.bind(7, scored.totalTenths).bind(8, scored.bondTenths).bind(9, scored.goalTenths);
    stage.bind(10, scored.taskTenths).bind(11, scored.overallTenths).run();
    stage.reset();
    ++staged_;
}

void Importer::startRatings()
{
    db_.exec(
        "CREATE TEMP TABLE import_rating (line INTEGER NOT NULL, client_id INTEGER NOT NULL, date TEXT NOT "
        "NULL, instrument TEXT NOT NULL, rater TEXT NOT NULL, items TEXT NOT NULL, total INTEGER NOT NULL, "
        "bond INTEGER NOT NULL, goal INTEGER NOT NULL, task INTEGER NOT NULL, overall INTEGER)");
    staged_ = 0;
}

// Writes a ratings file's staged lines in two set-based statements, as the sqlite3 shell would
// after its .import, having first named each line already on record (the same: counted; different:
// a problem) and, when fewer rows went in than were staged, each line that repeats an earlier one.
void Importer::finishRatings(ImportedFile& file)
{
    stage_.reset();
    std::uint64_t conflicting = 0;
    const bool anyRating = [&] {
        sql::Statement query(db_, "SELECT EXISTS (SELECT 1 FROM rating)");
        query.step();
        return query.integer(0) != 0;
    }();
    if (staged_ > 0 && anyRating) {
        sql::Statement onRecord(
            db_,
            "SELECT i.line, r.id, r.items = i.items AND r.voided = 0, i.instrument, i.rater "
            "FROM temp.import_rating i JOIN session se ON se.client_id = i.client_id AND se.date = i.date "
            "JOIN rating r ON r.session_id = se.id AND r.instrument = i.instrument AND r.rater = i.rater "
            "ORDER BY i.line");
        while (onRecord.step()) {
            ++conflicting;
            const auto line = static_cast<std::uint64_t>(onRecord.int64(0));
            if (onRecord.int64(1) > ratingsBefore_)
                problem(
                    line, "date",
                    "repeats an earlier line of this import (the same client, date, instrument and rater)");
            else if (onRecord.integer(2) != 0)
                ++file.alreadyRecorded;
            else
                problem(
                    line, "date",
                    "a different " + onRecord.text(3) + " rating by the " + onRecord.text(4) +
                        " is on record for this session; correct it in the program (amend), not by import");
        }
    }
    db_.exec(
        "INSERT INTO session (client_id, date) SELECT client_id, date FROM temp.import_rating WHERE true "
        "ON CONFLICT DO NOTHING");
    db_.exec(
        "INSERT INTO rating (session_id, instrument, rater, items, total_tenths, bond_tenths, goal_tenths, "
        "task_tenths, overall_tenths) SELECT se.id, i.instrument, i.rater, i.items, i.total, i.bond, i.goal, "
        "i.task, i.overall FROM temp.import_rating i JOIN session se ON se.client_id = i.client_id AND "
        "se.date = i.date WHERE true ON CONFLICT DO NOTHING");
    const auto added = static_cast<std::uint64_t>(db_.changes());
    file.added += added;
    if (added + conflicting < staged_) {
        sql::Statement repeats(
            db_, "SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY client_id, date, "
                 "instrument, rater) AS first FROM temp.import_rating) WHERE line > first ORDER BY line");
        while (repeats.step())
            problem(static_cast<std::uint64_t>(repeats.int64(0)), "date",
                    "repeats an earlier line of this import (line " + std::to_string(repeats.int64(1)) +
                        ": the same client, date, instrument and rater)");
    }
    db_.exec("DROP TABLE temp.import_rating");
    staged_ = 0;
}

void Importer::ruptureRow(const Row& row, ImportedFile& file)
{
    NewRupture rupture;
    rupture.clientCode = row.required("client");
    const Date date = parseIsoDate(row.required("session_date"), "session_date");
    rupture.session = SessionRef(date);
    rupture.kind = parseSlug<RuptureKind>(row.required("kind"), "kind");
    rupture.markers = split(row["markers"], ';');
    if (const auto salience = row.optional("salience"))
        rupture.salience = parseWholeNumber("salience", *salience, 1, 5);
    if (const auto noticed = row.optional("noticed_by"))
        rupture.noticedBy = parseSlug<NoticedBy>(*noticed, "noticed_by");
    rupture.category = row.optional("category");
    rupture.note = row.text("note");
    const Id client = changeableClient(rupture.clientCode);

    sql::Statement onSession(db_, "SELECT r.id FROM rupture r JOIN session s ON s.id = r.session_id "
                                  "WHERE s.client_id = ? AND s.date = ? AND r.voided = 0 ORDER BY r.id");
    onSession.bind(1, client).bind(2, toIso(date));
    std::vector<Id> ids;
    while (onSession.step())
        ids.push_back(onSession.int64(0));
    auto wanted = rupture.markers;
    std::sort(wanted.begin(), wanted.end());
    for (const Id id : ids) {
        auto [stored, voided] = store_.storedRupture(id);
        std::sort(stored.markers.begin(), stored.markers.end());
        if (voided || stored.kind != rupture.kind || stored.markers != wanted ||
            stored.salience != rupture.salience || stored.noticedBy != rupture.noticedBy ||
            stored.category != rupture.category || stored.note != rupture.note)
            continue;
        if (id > rupturesBefore_)
            throw ValidationError("session_date", "repeats an earlier line of this import",
                                  Reason::AlreadyRecorded);
        ++file.alreadyRecorded;
        return;
    }
    store_.flagRupture(rupture);
    ++file.added;
}

void Importer::planRow(const Row& row, ImportedFile& file)
{
    const std::string code = row.required("client");
    const Date sessionDate = parseIsoDate(row.required("session_date"), "session_date");
    const int ordinal = row.optional("rupture") ? parseWholeNumber("rupture", row["rupture"], 1, 1000) : 1;
    NewRepairPlan plan;
    plan.createdOn = parseIsoDate(row.required("created_on"), "created_on");
    if (const auto due = row.optional("due_date"))
        plan.dueDate = parseIsoDate(*due, "due_date");
    plan.strategies = split(row["strategies"], ';');
    if (const auto steps = row.text("steps"))
        plan.steps = split(*steps, '\n');
    plan.note = row.text("note");
    const auto statusText = row.optional("status");
    const bool closed = statusText && parseSlug<PlanStatus>(*statusText, "status") == PlanStatus::Closed;
    const auto outcomeText = row.optional("outcome");
    if (closed && !outcomeText)
        throw ValidationError("outcome", "a closed plan needs its outcome", Reason::Required);
    if (!closed && outcomeText)
        throw ValidationError("outcome", "only a closed plan has an outcome (status closed)");
    if (!closed && (row.optional("closed_on") || row.optional("follow_up_date")))
        throw ValidationError(row.optional("closed_on") ? "closed_on" : "follow_up_date",
                              "only a closed plan has one (status closed)");
    const Id client = changeableClient(code);

    sql::Statement rupture(db_, "SELECT r.id FROM rupture r JOIN session s ON s.id = r.session_id "
                                "WHERE s.client_id = ? AND s.date = ? AND r.voided = 0 ORDER BY r.id "
                                "LIMIT 1 OFFSET ?");
    rupture.bind(1, client).bind(2, toIso(sessionDate)).bind(3, ordinal - 1);
    if (!rupture.step())
        throw NotFound("rupture", "no rupture " + std::to_string(ordinal) +
                                      " is on record for the session of " + toIso(sessionDate) +
                                      " (import the ruptures first)");
    plan.ruptureId = rupture.int64(0);
    sql::Statement existing(db_, "SELECT id FROM repair_plan WHERE rupture_id = ? AND created_on = ?");
    existing.bind(1, plan.ruptureId).bind(2, toIso(*plan.createdOn));
    if (existing.step()) {
        if (existing.int64(0) > plansBefore_)
            throw ValidationError("created_on", "repeats an earlier line of this import",
                                  Reason::AlreadyRecorded);
        ++file.alreadyRecorded;
        return;
    }
    sql::Transaction both(db_);
    const Id id = store_.planRepair(plan);
    if (closed) {
        std::optional<SessionRef> followUp;
        if (const auto f = row.optional("follow_up_date"))
            followUp = SessionRef(parseIsoDate(*f, "follow_up_date"));
        std::optional<Date> closedOn;
        if (const auto c = row.optional("closed_on"))
            closedOn = parseIsoDate(*c, "closed_on");
        else
            throw ValidationError("closed_on", "a closed plan needs the day it closed", Reason::Required);
        store_.closeRepair(id, parseSlug<Outcome>(*outcomeText, "outcome"), followUp, closedOn);
    }
    both.commit();
    ++file.added;
}

} // namespace

ImportReport importCsv(Store& store, const std::vector<ImportSource>& sources, const ImportAccess& access,
                       const ImportOptions& options)
{
    Importer importer(store, access, options);
    return importer.run(sources);
}

} // namespace alliance::exchange
