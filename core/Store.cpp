#include "Store.hpp"

#include "DatabaseFile.hpp"
#include "Errors.hpp"
#include "Migrations.hpp"
#include "Text.hpp"

#include <algorithm>
#include <cerrno>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace alliance {
namespace {

constexpr std::size_t maxNameLength = 200;
constexpr std::size_t maxCodeLength = 64;
constexpr std::size_t maxNoteLength = 100000;

bool isMemory(const std::string& path)
{
    return path == ":memory:" || path.empty();
}

// Through SQLite (which sees a write-ahead log the raw header does not): our id, or none on a
// file from before ids whose tables were checked; and a version this build knows.
void requireOwnSchema(sql::Connection& connection)
{
    sql::Statement query(connection, "PRAGMA application_id");
    query.step();
    const auto id = query.int64(0);
    if (id != allianceApplicationId && id != 0)
        throw NotOurDatabase("'" + printable(connection.path()) + "' is another program's SQLite database");
    if (schemaVersion(connection) > latestSchemaVersion())
        throw SchemaTooNew(schemaVersion(connection), latestSchemaVersion(),
                           "'" + printable(connection.path()) + "'");
}

} // namespace

Store::Store(const std::string& path, OpenMode mode)
{
    if (isMemory(path)) {
        connection_ = std::make_unique<sql::Connection>(":memory:", sql::Access::ReadWrite);
        migrate(*connection_);
        createdFile_ = true;
    } else {
        openFile(path, mode);
    }
    setUpSealing();
}

void Store::setUpSealing()
{
    sealing_->defineFunctions(connection_->handle());
    sql::Statement keyring(*connection_, "SELECT count(*) FROM keyring");
    keyring.step();
    if (keyring.integer(0) > 0) {
        sealing_->setMode(security::Sealing::Mode::Sealed);
    } else if (createdFile_) {
        // Sealed from the first record; the keyring row comes with the first account
        // (security::initialize), so a file whose first command died before it is simply empty.
        sealing_->setMode(security::Sealing::Mode::Sealed);
        sealing_->unlock(security::SecretKey::random());
    }
}

void Store::openFile(const std::string& path, OpenMode mode)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 && errno == ENOENT) {
        if (mode != OpenMode::CreateIfMissing)
            throw NotFound("no database at '" + printable(path) + "' (run 'alliance init' first)");
        createdFile_ = createNewDatabaseFile(path); // false: another process made it meanwhile
    }
    if (!createdFile_) {
        requireOwnDatabaseFile(path);
        keepDatabasePrivate(path);
        if (mode != OpenMode::ReadOnly)
            requireWritable(path);
    }
    if (mode == OpenMode::ReadOnly) {
        openReadOnly(path);
        if (schemaVersion(*connection_) == latestSchemaVersion())
            return;
        // An older schema is upgraded once, by a read-write connection, before reading.
        connection_.reset();
        requireWritable(path);
        {
            auto upgrade = std::make_unique<sql::Connection>(path, sql::Access::ReadWrite);
            requireOwnSchema(*upgrade);
            upgrade->enableWriteAheadLog();
            migrate(*upgrade);
        }
        openReadOnly(path);
        return;
    }
    connection_ = std::make_unique<sql::Connection>(path, sql::Access::ReadWrite);
    if (!createdFile_)
        requireOwnSchema(*connection_);
    connection_->enableWriteAheadLog();
    migrate(*connection_);
    keepDatabasePrivate(path); // a -wal or -shm made just now follows the file's mode
}

void Store::openReadOnly(const std::string& path)
{
    try {
        connection_ = std::make_unique<sql::Connection>(path, sql::Access::ReadOnly);
        requireOwnSchema(*connection_);
    } catch (const StorageError& e) {
        // Reading a WAL database needs its -shm; in a folder we may not write, with no -wal
        // (so no writer is at work or has left anything uncheckpointed), read it as immutable.
        const int primary = e.code() & 0xff;
        const bool cannotShare = primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN;
        if (!cannotShare || ::access((path + "-wal").c_str(), F_OK) == 0)
            throw;
        connection_ = std::make_unique<sql::Connection>(path, sql::Access::Immutable);
        requireOwnSchema(*connection_);
    }
}

std::optional<Date> Store::newestRecordDate()
{
    sql::Statement query(*connection_, "SELECT max(date) FROM session");
    query.step();
    try {
        if (auto newest = query.optText(0))
            return parseIsoDate(*newest, "date");
    } catch (const ValidationError&) {
        // A date this version would not accept (an older version's record): no clock check.
    }
    return std::nullopt;
}

// ---- counselors -------------------------------------------------------------------------

Id Store::counselorId(const std::string& name, const std::string& field)
{
    // Looked up by the same key that makes names unique: case, width and spacing at the ends
    // do not matter, an exact match wins over a look-alike legacy row.
    sql::Statement query(*connection_,
                         "SELECT id FROM counselor WHERE name_key = ? ORDER BY name <> ? LIMIT 1");
    query.bind(1, identityKey(trimmed(name))).bind(2, trimmed(name));
    if (!query.step())
        throw NotFound(field, "no counselor named " + quoteForError(name));
    return query.int64(0);
}

Id Store::addCounselor(const std::string& rawName, Role role,
                       const std::optional<std::string>& supervisorName)
{
    const std::string name = cleanIdentifier("name", rawName, maxNameLength);
    sql::Transaction transaction(*connection_);
    std::optional<Id> supervisor;
    if (supervisorName)
        supervisor = counselorId(*supervisorName, "supervisor");
    sql::Statement exists(*connection_, "SELECT 1 FROM counselor WHERE name_key = ?");
    exists.bind(1, identityKey(name));
    if (exists.step())
        throw ValidationError(
            "name", "a counselor with that name already exists (names are compared without regard to case)",
            Reason::AlreadyRecorded);
    sql::Statement insert(*connection_,
                          "INSERT INTO counselor (name, role, supervisor_id, name_key) VALUES (?, ?, ?, ?)");
    insert.bind(1, name).bind(2, slug(role)).bind(3, supervisor).bind(4, identityKey(name)).run();
    const Id id = connection_->lastInsertId();
    transaction.commit();
    return id;
}

std::vector<Counselor> Store::counselors()
{
    sql::Statement query(*connection_, "SELECT c.id, c.name, c.role, s.name FROM counselor c "
                                       "LEFT JOIN counselor s ON s.id = c.supervisor_id ORDER BY c.name");
    std::vector<Counselor> result;
    while (query.step())
        result.push_back({query.int64(0), query.text(1), parseSlug<Role>(query.text(2)), query.optText(3)});
    return result;
}

Counselor Store::counselor(const std::string& name)
{
    const Id id = counselorId(name, "name");
    for (auto& c : counselors())
        if (c.id == id)
            return c;
    throw NotFound("no counselor named " + quoteForError(name));
}

// ---- clients ----------------------------------------------------------------------------

Client Store::readClient(const sql::Statement& row)
{
    return {row.int64(0),
            row.text(1),
            row.optText(2),
            row.text(3),
            parseIsoDate(row.text(4), "start_date"),
            row.integer(5),
            parseSlug<ClientStatus>(row.text(6))};
}

Id Store::clientId(const std::string& code)
{
    sql::Statement query(*connection_, "SELECT id FROM client WHERE code_key = ? ORDER BY code <> ? LIMIT 1");
    query.bind(1, identityKey(trimmed(code))).bind(2, trimmed(code));
    if (!query.step())
        throw NotFound("no client with code " + quoteForError(code));
    return query.int64(0);
}

Id Store::addClient(const NewClient& newClient)
{
    NewClient client = newClient;
    client.code = cleanIdentifier("code", client.code, maxCodeLength);
    client.displayName = cleanOptionalText("display_name", client.displayName, maxNameLength);
    if (client.cadenceDays < 1 || client.cadenceDays > 365)
        throw ValidationError("cadence_days",
                              "value " + std::to_string(client.cadenceDays) + " out of range 1..365",
                              Reason::OutOfRange, {"1", "365"});
    const Date start = client.startDate.value_or(today());
    requireRecordDate("start", start);
    sql::Transaction transaction(*connection_);
    const Id counselor = counselorId(client.counselorName, "counselor");
    sql::Statement exists(*connection_, "SELECT 1 FROM client WHERE code_key = ?");
    exists.bind(1, identityKey(client.code));
    if (exists.step())
        throw ValidationError("code",
                              "a client with code " + quoteForError(client.code) +
                                  " already exists (codes are compared without regard to case)",
                              Reason::AlreadyRecorded);
    sql::Statement insert(
        *connection_,
        "INSERT INTO client (code, display_name, counselor_id, start_date, cadence_days, code_key) "
        "VALUES (?, seal('client.display_name', ?), ?, ?, ?, ?)");
    insert.bind(1, client.code).bind(2, client.displayName).bind(3, counselor).bind(4, toIso(start));
    insert.bind(5, client.cadenceDays).bind(6, identityKey(client.code)).run();
    const Id id = connection_->lastInsertId();
    transaction.commit();
    return id;
}

std::vector<ClientSummary> Store::clients(const std::optional<std::string>& counselorName)
{
    std::optional<Id> counselor;
    if (counselorName)
        counselor = counselorId(*counselorName, "counselor");
    sql::Statement query(*connection_, std::string("SELECT ") + clientColumns +
                                           ", (SELECT count(*) FROM session s WHERE s.client_id = c.id), "
                                           "(SELECT max(date) FROM session s WHERE s.client_id = c.id) "
                                           "FROM client c JOIN counselor k ON k.id = c.counselor_id "
                                           "WHERE ?1 IS NULL OR c.counselor_id = ?1 ORDER BY c.code");
    query.bind(1, counselor);
    std::vector<ClientSummary> result;
    while (query.step()) {
        ClientSummary summary;
        summary.client = readClient(query);
        summary.sessionCount = query.integer(7);
        if (auto last = query.optText(8))
            summary.lastSessionDate = parseIsoDate(*last, "date");
        result.push_back(std::move(summary));
    }
    return result;
}

void Store::setClientStatus(const std::string& code, ClientStatus status)
{
    sql::Transaction transaction(*connection_);
    const Id id = clientId(code);
    sql::Statement update(*connection_, "UPDATE client SET status = ? WHERE id = ?");
    update.bind(1, slug(status)).bind(2, id).run();
    transaction.commit();
}

void Store::updateClient(const std::string& code, const ClientChanges& requested)
{
    ClientChanges changes = requested;
    changes.displayName = cleanOptionalText("display_name", changes.displayName, maxNameLength);
    if (changes.cadenceDays < 1 || changes.cadenceDays > 365)
        throw ValidationError("cadence_days",
                              "value " + std::to_string(changes.cadenceDays) + " out of range 1..365",
                              Reason::OutOfRange, {"1", "365"});
    sql::Transaction transaction(*connection_);
    const Id id = clientId(code);
    const Id counselor = counselorId(changes.counselorName, "counselor");
    sql::Statement update(*connection_, "UPDATE client SET display_name = seal('client.display_name', ?), "
                                        "counselor_id = ?, cadence_days = ?, "
                                        "status = ? WHERE id = ?");
    update.bind(1, changes.displayName).bind(2, counselor).bind(3, changes.cadenceDays);
    update.bind(4, slug(changes.status)).bind(5, id).run();
    transaction.commit();
}

// ---- sessions and ratings ---------------------------------------------------------------

Id Store::sessionId(Id client, const SessionRef& session, const std::string& field)
{
    if (session.date) {
        sql::Statement query(*connection_, "SELECT id FROM session WHERE client_id = ? AND date = ?");
        query.bind(1, client).bind(2, toIso(*session.date));
        if (!query.step())
            throw NotFound(field, "the client has no session on " + toIso(*session.date));
        return query.int64(0);
    }
    const int number = session.number.value_or(0);
    if (number < 1)
        throw ValidationError(field, "session numbers start at 1");
    sql::Statement query(*connection_,
                         "SELECT id FROM session WHERE client_id = ? ORDER BY date LIMIT 1 OFFSET ?");
    query.bind(1, client).bind(2, number - 1);
    if (!query.step())
        throw NotFound(field, "the client has no session " + std::to_string(number));
    return query.int64(0);
}

LoggedRating Store::logSession(const NewRating& rating, const std::optional<PostSessionReport>& report)
{
    sql::Transaction transaction(*connection_);
    const LoggedRating logged = logRating(rating);
    if (report)
        recordPostSessionReport(rating.clientCode, rating.date, *report);
    transaction.commit();
    return logged;
}

LoggedRating Store::logRating(const NewRating& newRating)
{
    NewRating rating = newRating;
    const Score scored = score(rating.instrument, rating.itemTenths);
    rating.note = cleanOptionalText("note", rating.note, maxNoteLength, TextShape::MultiLine);
    if (rating.durationMinutes && (*rating.durationMinutes < 1 || *rating.durationMinutes > 600))
        throw ValidationError("duration", "value out of range 1..600 minutes", Reason::OutOfRange,
                              {"1", "600"});
    requireRecordDate("date", rating.date);

    sql::Transaction transaction(*connection_);
    const Id client = clientId(rating.clientCode);
    sql::Statement start(*connection_, "SELECT start_date FROM client WHERE id = ?");
    start.bind(1, client).step();
    if (rating.date < parseIsoDate(start.text(0), "start_date"))
        throw ValidationError("date",
                              toIso(rating.date) + " is before the client's start date " + start.text(0));

    LoggedRating logged;
    sql::Statement existing(*connection_,
                            "SELECT id, unseal('session.note', note), duration_minutes FROM session "
                            "WHERE client_id = ? AND date = ?");
    existing.bind(1, client).bind(2, toIso(rating.date));
    Id session = 0;
    if (existing.step()) {
        session = existing.int64(0);
        const auto storedDuration = existing.optInt(2);
        if (rating.durationMinutes && storedDuration && *storedDuration != *rating.durationMinutes)
            throw ValidationError("duration", "the session on " + toIso(rating.date) +
                                                  " is already recorded as " +
                                                  std::to_string(*storedDuration) + " minutes, not " +
                                                  std::to_string(*rating.durationMinutes));
        if (rating.durationMinutes && !storedDuration) {
            sql::Statement update(*connection_, "UPDATE session SET duration_minutes = ? WHERE id = ?");
            update.bind(1, *rating.durationMinutes).bind(2, session).run();
        }
        if (rating.note) {
            // Keep what was written before: a second note on the same session is appended, and
            // the limit applies to the whole note.
            const auto previous = existing.optText(1);
            const std::string combined = previous ? *previous + "\n" + *rating.note : *rating.note;
            if (combined.size() > maxNoteLength)
                throw ValidationError(
                    "note", "the session's note would be too long: " + std::to_string(combined.size()) +
                                " bytes (at most " + std::to_string(maxNoteLength) + ")");
            sql::Statement update(*connection_,
                                  "UPDATE session SET note = seal('session.note', ?) WHERE id = ?");
            update.bind(1, combined).bind(2, session).run();
        }
    } else {
        sql::Statement insert(*connection_, "INSERT INTO session (client_id, date, duration_minutes, note) "
                                            "VALUES (?, ?, ?, seal('session.note', ?))");
        insert.bind(1, client)
            .bind(2, toIso(rating.date))
            .bind(3, rating.durationMinutes)
            .bind(4, rating.note)
            .run();
        session = connection_->lastInsertId();
        logged.newSession = true;
    }

    const std::string instrumentSlug = spec(rating.instrument).slug;
    sql::Statement duplicate(
        *connection_, "SELECT voided FROM rating WHERE session_id = ? AND instrument = ? AND rater = ?");
    duplicate.bind(1, session).bind(2, instrumentSlug).bind(3, slug(rating.rater));
    if (duplicate.step())
        throw ValidationError(
            "rater",
            "duplicate: the session on " + toIso(rating.date) + " already has a " + instrumentSlug +
                " rating by the " + slug(rating.rater) +
                (duplicate.integer(0) != 0 ? " (void: amend it to correct it)" : " (amend it to correct it)"),
            Reason::AlreadyRecorded);

    sql::Statement insert(
        *connection_, "INSERT INTO rating (session_id, instrument, rater, items, total_tenths, bond_tenths, "
                      "goal_tenths, task_tenths, overall_tenths) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, session).bind(2, instrumentSlug).bind(3, slug(rating.rater));
    insert.bind(4, formatItems(rating.instrument, scored.itemTenths)).bind(5, scored.totalTenths);
    insert.bind(6, scored.bondTenths).bind(7, scored.goalTenths).bind(8, scored.taskTenths);
    insert.bind(9, scored.overallTenths).run();
    logged.ratingId = connection_->lastInsertId();

    sql::Statement number(*connection_, "SELECT count(*) FROM session WHERE client_id = ? AND date <= ?");
    number.bind(1, client).bind(2, toIso(rating.date)).step();
    logged.sessionNumber = number.integer(0);
    transaction.commit();
    return logged;
}

void Store::recordPostSessionReport(const std::string& clientCode, const SessionRef& sessionRef,
                                    const PostSessionReport& report, const std::optional<std::string>& reason)
{
    const auto inRange = [](const std::optional<int>& v) { return v && *v >= 1 && *v <= 5; };
    if (report.tension && !inRange(report.intensity))
        throw ValidationError("intensity", "with tension, intensity must be 1..5");
    if (report.tension && !inRange(report.resolution))
        throw ValidationError("resolution", "with tension, resolution must be 1..5");
    if (!report.tension && (report.intensity || report.resolution))
        throw ValidationError("tension", "intensity and resolution are only recorded with tension");
    const auto cleanReason =
        reason ? std::optional<std::string>(cleanText("reason", trimmed(*reason), 2000, TextShape::MultiLine))
               : std::nullopt;
    sql::Transaction transaction(*connection_);
    const Id session = sessionId(clientId(clientCode), sessionRef, "session");
    sql::Statement existing(
        *connection_, "SELECT tension, intensity, resolution FROM post_session_report WHERE session_id = ?");
    existing.bind(1, session);
    if (existing.step()) {
        const PostSessionReport previous{existing.integer(0) != 0, existing.optInt(1), existing.optInt(2)};
        if (previous.tension == report.tension && previous.intensity == report.intensity &&
            previous.resolution == report.resolution)
            return; // the same answers again: nothing to change
        // The client's own account is not overwritten silently: a reason, and the old one kept.
        if (!cleanReason)
            throw ValidationError("reason", "the session already has the client's report; give a reason to "
                                            "replace it (the earlier one is kept)");
        sql::Statement keep(
            *connection_,
            "INSERT INTO post_session_report_revision (session_id, revised_on, reason, tension, "
            "intensity, resolution) VALUES (?, ?, ?, ?, ?, ?)");
        keep.bind(1, session).bind(2, toIso(today())).bind(3, *cleanReason).bind(4, previous.tension ? 1 : 0);
        keep.bind(5, previous.intensity).bind(6, previous.resolution).run();
    }
    sql::Statement upsert(*connection_,
                          "INSERT INTO post_session_report (session_id, tension, intensity, resolution) "
                          "VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET "
                          "tension = excluded.tension, intensity = excluded.intensity, "
                          "resolution = excluded.resolution");
    upsert.bind(1, session)
        .bind(2, report.tension ? 1 : 0)
        .bind(3, report.intensity)
        .bind(4, report.resolution)
        .run();
    transaction.commit();
}

int Store::postSessionReportRevisions(const std::string& clientCode, const SessionRef& sessionRef)
{
    return static_cast<int>(postSessionReportHistory(clientCode, sessionRef).size());
}

std::vector<ReportRevision> Store::postSessionReportHistory(const std::string& clientCode,
                                                            const SessionRef& sessionRef)
{
    const Id session = sessionId(clientId(clientCode), sessionRef, "session");
    sql::Statement query(*connection_, "SELECT id, revised_on, reason, tension, intensity, resolution "
                                       "FROM post_session_report_revision WHERE session_id = ? ORDER BY id");
    query.bind(1, session);
    std::vector<ReportRevision> history;
    while (query.step())
        history.push_back({query.int64(0), parseIsoDate(query.text(1), "revised_on"), "amend", query.text(2),
                           PostSessionReport{query.integer(3) != 0, query.optInt(4), query.optInt(5)}});
    return history;
}

// ---- catalogues -------------------------------------------------------------------------

std::vector<CatalogueEntry> Store::catalogue(const std::string& kind)
{
    sql::Statement query(*connection_,
                         "SELECT slug, label, grp FROM catalogue WHERE kind = ? ORDER BY position");
    query.bind(1, kind);
    std::vector<CatalogueEntry> result;
    while (query.step())
        result.push_back({query.text(0), query.text(1), query.text(2)});
    return result;
}

void Store::requireCatalogue(const std::string& kind, const std::string& slug, const std::string& field,
                             std::string* group)
{
    sql::Statement query(*connection_, "SELECT grp FROM catalogue WHERE kind = ? AND slug = ?");
    query.bind(1, kind).bind(2, slug);
    if (!query.step())
        throw ValidationError(field,
                              "unknown " + kind + " " + quoteForError(slug) + " (list them with 'alliance " +
                                  (kind == "strategy" ? std::string("repair strategies")
                                                      : "rupture " + kind + (kind == "category" ? "" : "s")) +
                                  "')");
    if (group)
        *group = query.text(0);
}

// ---- analysis parameters and alert acknowledgements ---------------------------------------

AnalysisParams Store::analysisParams(Instrument instrument, const std::string& dimension)
{
    sql::Statement query(*connection_,
                         "SELECT sd, reliability, z, window_sessions, cutoff, comparator, confirmed, source "
                         "FROM analysis_param WHERE instrument = ? AND dimension = ?");
    query.bind(1, spec(instrument).slug).bind(2, dimension);
    if (!query.step())
        throw NotFound("no analysis parameters for " + spec(instrument).slug + " " + dimension);
    AnalysisParams params;
    params.sd = query.real(0);
    params.reliability = query.real(1);
    params.z = query.real(2);
    params.window = query.integer(3);
    if (!query.isNull(4))
        params.cutoff = query.real(4);
    params.comparator = query.text(5) == "<=" ? Comparator::LessOrEqual : Comparator::Less;
    params.confirmed = query.integer(6) != 0;
    params.source = query.text(7);
    return params;
}

void Store::acknowledgeAlert(const AlertAck& ack)
{
    const std::string reason = cleanText("reason", ack.reason, 2000, TextShape::MultiLine);
    sql::Transaction transaction(*connection_);
    sql::Statement upsert(*connection_,
                          "INSERT INTO alert_ack (alert_key, fingerprint, reason, acked_on, snooze_until) "
                          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (alert_key) DO UPDATE SET "
                          "fingerprint = excluded.fingerprint, reason = excluded.reason, "
                          "acked_on = excluded.acked_on, snooze_until = excluded.snooze_until");
    upsert.bind(1, ack.key).bind(2, ack.fingerprint).bind(3, reason).bind(4, toIso(ack.ackedOn));
    upsert.bind(5, ack.snoozeUntil ? std::optional<std::string>(toIso(*ack.snoozeUntil)) : std::nullopt)
        .run();
    transaction.commit();
}

std::map<std::string, AlertAck> Store::alertAcks()
{
    sql::Statement query(*connection_,
                         "SELECT alert_key, fingerprint, reason, acked_on, snooze_until FROM alert_ack");
    std::map<std::string, AlertAck> result;
    while (query.step()) {
        AlertAck ack{query.text(0), query.text(1), query.text(2), parseIsoDate(query.text(3), "acked_on"),
                     std::nullopt};
        if (auto until = query.optText(4))
            ack.snoozeUntil = parseIsoDate(*until, "snooze_until");
        result.emplace(ack.key, ack);
    }
    return result;
}

} // namespace alliance
