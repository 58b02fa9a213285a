// The agency-scale benchmark (issue 9): generates agencies S, M and L, then measures each
// operation of the product and its floor -- the least work the storage itself needs for the same
// rows -- in the same run, and prints medians and ratios as a Markdown table.
//   alliance_bench [--sizes S,M,L] [--repeats N] [--dir DIR] [--short] [--import-ratings N]
// --short (CI): S and M, 3 repeats, an import of 20,000 ratings; exits non-zero only on a crash or
// a wrong answer, never on a time. The import (default 1,000,000 ratings; 0: none) runs once. Generated files
// are kept in DIR (default: a temporary folder) and reused.
#include "Agency.hpp"
#include "Alerts.hpp"
#include "AppContext.hpp"
#include "ImportBench.hpp"
#include "Review.hpp"
#include "SessionForm.hpp"
#include "security/Accounts.hpp"

#include <QApplication>
#include <QDir>
#include <QLineSeries>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace alliance;

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsOf(const std::function<void()>& work)
{
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double medianOf(int repeats, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r)
        times.push_back(millisecondsOf(work));
    return median(times);
}

// The sqlite3 shell reading rows in order into /dev/null: the floor of every read.
double shellFloor(int repeats, const std::string& db, const std::string& query)
{
    const std::string command = "sqlite3 -readonly '" + db + "' \"" + query + "\" > /dev/null";
    return medianOf(repeats, [&] {
        if (std::system(command.c_str()) != 0) {
            std::fprintf(stderr, "bench: the sqlite3 shell failed: %s\n", command.c_str());
            std::exit(1);
        }
    });
}

const char* const ratingRows = "SELECT s.client_id, s.date, r.instrument, r.items FROM rating r "
                               "JOIN session s ON s.id = r.session_id";

struct Row {
    std::string operation, size;
    double product = 0, floor = 0;
    std::string note;
};

int wrongAnswers = 0;

void expect(bool ok, const std::string& what)
{
    if (!ok) {
        std::fprintf(stderr, "bench: wrong answer: %s\n", what.c_str());
        ++wrongAnswers;
    }
}

struct Start {
    double ms = 0;       // to the first frame
    double caseload = 0; // to the first frame that shows the caseload read
    double memory = 0;   // peak resident MiB, with the caseload and the alerts read
};

// The app started on `db` until its first frame, as the app itself measures it; median of runs.
Start coldStart(int repeats, const std::string& db, const Date& asOf)
{
    std::vector<double> times, caseloads, memories;
    for (int r = 0; r < repeats; ++r) {
        QProcess app;
        app.start(QStringLiteral(ALLIANCE_TRACKER_PATH),
                  {QStringLiteral("--db"), QString::fromStdString(db), QStringLiteral("--as-of"),
                   QString::fromStdString(toIso(asOf)), QStringLiteral("--first-frame"),
                   QStringLiteral("-platform"), QStringLiteral("offscreen")});
        if (!app.waitForFinished(120000) || app.exitCode() != 0) {
            std::fprintf(stderr, "bench: the app did not start on %s\n", db.c_str());
            std::exit(1);
        }
        double ms = 0, caseload = 0, memory = 0;
        if (std::sscanf(app.readAllStandardOutput().constData(),
                        "first frame: %lf ms; caseload shown: %lf ms; peak memory: %lf MiB", &ms, &caseload,
                        &memory) != 3) {
            std::fprintf(stderr, "bench: the app did not report its first frame\n");
            std::exit(1);
        }
        times.push_back(ms);
        caseloads.push_back(caseload);
        memories.push_back(memory);
    }
    return {median(times), median(caseloads), median(memories)};
}

// A rating for `code` on the next free mid-week day after its first session (never a duplicate).
NewRating midWeekRating(Store& store, const std::string& code, int& next)
{
    const ClientDetail detail = store.clientDetail(code);
    NewRating rating;
    rating.clientCode = code;
    const auto taken = [&detail](const Date& day) {
        return std::any_of(detail.sessions.begin(), detail.sessions.end(),
                           [&day](const SessionRecord& s) { return s.date == day; });
    };
    do // a kept file may hold the writes of an earlier run
        rating.date = detail.sessions.front().date + boost::gregorian::days(7L * next++ + 3);
    while (taken(rating.date));
    rating.instrument = detail.sessions.front().ratings.front().score.instrument;
    const InstrumentSpec& s = spec(rating.instrument);
    rating.itemTenths.assign(static_cast<std::size_t>(s.itemCount()), s.wholeNumberItems ? 40 : 70);
    return rating;
}

void measure(const std::string& dir, const std::string& sizeName, int repeats, std::vector<Row>& rows)
{
    const bench::AgencySize size = bench::agencySize(sizeName);
    const Date asOf = std::min(Date(2026, 11, 27), today());
    std::string db = dir + "/agency-" + sizeName + ".v3.db"; // v3: with accounts, text sealed
    if (!QFile::exists(QString::fromStdString(db))) {
        Store fresh(db, OpenMode::CreateIfMissing);
        bench::AgencySummary made;
        const double ms = millisecondsOf([&] { made = bench::fillAgency(fresh, size, asOf); });
        std::fprintf(
            stderr, "bench: generated %s: %d counselors, %d clients, %d sessions, %d ruptures in %.1f s\n",
            sizeName.c_str(), made.counselors, made.clients, made.sessions, made.ruptures, ms / 1000);
    }
    // Measured on a copy: the writes below never change the generated agency, so every run
    // starts from the same data.
    const std::string pristine = db;
    db = dir + "/agency-" + sizeName + ".v3.work.db";
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(QString::fromStdString(db + suffix));
    if (!QFile::copy(QString::fromStdString(pristine), QString::fromStdString(db))) {
        std::fprintf(stderr, "bench: cannot copy %s\n", pristine.c_str());
        std::exit(1);
    }
    Store store(db, OpenMode::MustExist);
    security::signIn(store, bench::benchAdmin, bench::benchPassword);
    // The CLI and the app measured below sign in as the admin too (each run pays one Argon2id).
    ::setenv("ALLIANCE_USER", bench::benchAdmin, 1);
    ::setenv("ALLIANCE_PASSWORD", bench::benchPassword, 1);
    const auto clients = store.clients();
    expect(static_cast<int>(clients.size()) == size.clients, sizeName + ": client count");

    // Alerts, whole agency and one counselor.
    std::vector<Alert> all;
    const double alerts = medianOf(repeats, [&] { all = activeAlerts(store, std::nullopt, asOf); });
    rows.push_back({"alerts, whole agency", sizeName, alerts,
                    shellFloor(repeats, db, std::string(ratingRows) + " ORDER BY s.client_id, s.date"),
                    std::to_string(all.size()) + " alerts"});
    std::size_t perCounselor = 0;
    for (const Counselor& k : store.counselors())
        perCounselor += activeAlerts(store, k.name, asOf).size();
    expect(perCounselor == all.size(), sizeName + ": the counselors' alerts add up to the agency's");
    // A counselor (not the first: a supervisor in agencies of more than one) and their clients.
    const std::string one = size.counselors > 1 ? "Counselor 002" : "Counselor 001";
    std::vector<Alert> own;
    const double ownAlerts = medianOf(repeats, [&] { own = activeAlerts(store, one, asOf); });
    const std::string ownRows = std::string(ratingRows) +
                                " JOIN client c ON c.id = s.client_id WHERE c.counselor_id = "
                                "(SELECT id FROM counselor WHERE name = '" +
                                one + "') ORDER BY s.client_id, s.date";
    rows.push_back({"alerts, one counselor", sizeName, ownAlerts, shellFloor(repeats, db, ownRows),
                    std::to_string(own.size()) + " alerts"});

    // The supervisor's review: `alliance caseload --json` for everyone (12 weeks) and `alliance
    // trends` over a year, each a whole process, against the shell reading the rating rows in
    // client and date order (a process too).
    const std::string cli = std::string(ALLIANCE_CLI_PATH) + " --db '" + db + "' ";
    const auto runCli = [&](const std::string& arguments) {
        return medianOf(repeats, [&] {
            if (std::system((cli + arguments + " > /dev/null").c_str()) != 0) {
                std::fprintf(stderr, "bench: alliance %s failed\n", arguments.c_str());
                std::exit(1);
            }
        });
    };
    const double shellInOrder =
        shellFloor(repeats, db, std::string(ratingRows) + " ORDER BY s.client_id, s.date");
    const std::string asOfText = toIso(asOf);
    rows.push_back({"alliance caseload --json, everyone, 12 weeks", sizeName,
                    runCli("caseload --json --as-of " + asOfText), shellInOrder,
                    "floor: the shell, same rows"});
    rows.push_back(
        {"alliance trends --json, everyone, a year", sizeName,
         runCli("trends --json --as-of " + asOfText + " --from " + toIso(asOf - boost::gregorian::days(365))),
         shellInOrder, "floor: the shell, same rows"});
    {
        // Answers: the review's sessions are the database's own count; the counselors add up.
        const CaseloadReview review =
            reviewCaseload(store, {ReviewScope::Kind::Everyone, ""}, reviewPeriod(asOf));
        sql::Statement count(store.connection(), "SELECT count(*) FROM session WHERE date BETWEEN ? AND ?");
        count.bind(1, toIso(review.period.from)).bind(2, toIso(review.period.to)).step();
        expect(review.team.sessions == count.integer(0),
               sizeName + ": the review counts every session of the period");
        int opened = 0;
        for (const CounselorReview& k : review.counselors)
            opened += k.figures.breaches.opened;
        expect(opened == review.team.breaches.opened,
               sizeName + ": the counselors' breaches add up to the team's");
    }

    // The app's models on the same file.
    gui::StartupOptions options;
    options.databasePath = QString::fromStdString(db);
    options.asOf = QDate(asOf.year(), asOf.month(), asOf.day());
    options.signInAs = QString::fromLatin1(bench::benchAdmin);
    options.signInPassword = QString::fromLatin1(bench::benchPassword);
    gui::AppContext context(options);
    context.finishReading();
    expect(context.caseload().totalCount() == size.clients, sizeName + ": caseload rows");
    const double caseload = medianOf(repeats, [&] { context.caseload().refresh(); });
    rows.push_back({"caseload page model", sizeName, caseload,
                    shellFloor(repeats, db, std::string(ratingRows) + " ORDER BY s.client_id, s.date"),
                    std::to_string(context.caseload().totalCount()) + " clients"});
    context.client().setClientCode(QStringLiteral("A-00001"));
    const double page = medianOf(repeats, [&] {
        context.client().refresh();
        QLineSeries total, bond, goal, task;
        context.client().fillSeries(&total, QStringLiteral("total"));
        context.client().fillSeries(&bond, QStringLiteral("bond"));
        context.client().fillSeries(&goal, QStringLiteral("goal"));
        context.client().fillSeries(&task, QStringLiteral("task"));
    });
    rows.push_back({"one client page (model + chart series)", sizeName, page,
                    shellFloor(repeats, db,
                               std::string(ratingRows) +
                                   " WHERE s.client_id = (SELECT id FROM client WHERE code = 'A-00001')"
                                   " ORDER BY s.date"),
                    std::to_string(context.client().rowCount()) + " sessions"});

    // One write through the core (what the CLI does), and the bare insert of the same rows.
    int next = 0;
    std::vector<double> coreTimes, bareTimes;
    for (int r = 0; r < repeats; ++r) {
        const NewRating rating = midWeekRating(store, "A-00003", next);
        coreTimes.push_back(millisecondsOf([&] { store.logRating(rating); }));
        const NewRating bare = midWeekRating(store, "A-00004", next);
        const Score scored = score(bare.instrument, bare.itemTenths);
        const long long client = store.clientDetail("A-00004").client.id;
        bareTimes.push_back(millisecondsOf([&] {
            sql::Transaction transaction(store.connection());
            sql::Statement session(store.connection(), "INSERT INTO session (client_id, date) VALUES (?, ?)");
            session.bind(1, static_cast<Id>(client)).bind(2, toIso(bare.date)).run();
            sql::Statement insert(store.connection(),
                                  "INSERT INTO rating (session_id, instrument, rater, items, total_tenths, "
                                  "bond_tenths, goal_tenths, task_tenths, overall_tenths) "
                                  "VALUES (?, ?, 'client', ?, ?, ?, ?, ?, ?)");
            insert.bind(1, store.connection().lastInsertId()).bind(2, spec(bare.instrument).slug);
            insert.bind(3, formatItems(bare.instrument, bare.itemTenths)).bind(4, scored.totalTenths);
            insert.bind(5, scored.bondTenths).bind(6, scored.goalTenths).bind(7, scored.taskTenths);
            insert.bind(8, scored.overallTenths).run();
            transaction.commit();
        }));
    }
    const double coreWrite = median(coreTimes);
    rows.push_back(
        {"one write through the core (CLI)", sizeName, coreWrite, median(bareTimes), "bare SQLite insert"});

    // One write through the app by the client's counselor, until every model has updated (their
    // caseload shown).
    const std::string writer = store.clientDetail("A-00005").client.counselorName;
    context.backend().signOut();
    expect(context.backend()
               .signIn(QString::fromStdString(writer), QString::fromLatin1(bench::benchPassword))
               .isEmpty(),
           sizeName + ": the counselor signs in to the app");
    context.finishReading();
    std::vector<double> appTimes;
    const int before = static_cast<int>(store.clientDetail("A-00005").sessions.size());
    for (int r = 0; r < repeats; ++r) {
        const NewRating rating = midWeekRating(store, "A-00005", next);
        gui::SessionForm form;
        form.reset(QStringLiteral("A-00005"), QString::fromStdString(spec(rating.instrument).slug));
        QStringList items;
        for (int tenths : rating.itemTenths)
            items << QString::number(tenths / 10.0);
        form.setItemText(0, items.join(QLatin1Char(',')));
        form.setProperty("dateText", QString::fromStdString(toIso(rating.date)));
        bool ok = false;
        appTimes.push_back(millisecondsOf([&] { ok = form.submit(); }));
        expect(ok, sizeName + ": a write through the app is taken (" + form.message().toStdString() + ")");
    }
    expect(static_cast<int>(store.clientDetail("A-00005").sessions.size()) == before + repeats,
           sizeName + ": every write through the app stored one session");
    rows.push_back({"one write through the app, every model updated", sizeName, median(appTimes), coreWrite,
                    "floor: the core call"});

    // The app's cold start and memory, against the same on a database with one counselor and no
    // client.
    const std::string empty = dir + "/empty.v3.db";
    if (!QFile::exists(QString::fromStdString(empty))) {
        Store blank(empty, OpenMode::CreateIfMissing);
        security::initialize(blank, {bench::benchAdmin, Role::Admin, std::nullopt, true},
                             bench::benchPassword);
    }
    const Start emptyStart = coldStart(repeats, empty, asOf);
    const Start start = coldStart(repeats, db, asOf);
    rows.push_back(
        {"app cold start to first frame", sizeName, start.ms, emptyStart.ms, "floor: an empty database"});
    rows.push_back({"app cold start until the caseload is shown", sizeName, start.caseload,
                    emptyStart.caseload, "floor: an empty database"});
    char memoryNote[96];
    std::snprintf(memoryNote, sizeof memoryNote, "MiB, not ms: +%.0f MiB over an empty database",
                  start.memory - emptyStart.memory);
    rows.push_back({"app peak memory (caseload and alerts open)", sizeName, start.memory, emptyStart.memory,
                    memoryNote});
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStringList sizes{QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")};
    int repeats = 5;
    bool shortMode = false;
    long importRatings = 1000000;
    QString dir;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--short")) {
            shortMode = true;
        } else if (args[i] == QLatin1String("--sizes") && i + 1 < args.size()) {
            sizes = args[++i].split(QLatin1Char(','));
        } else if (args[i] == QLatin1String("--repeats") && i + 1 < args.size()) {
            repeats = std::max(1, args[++i].toInt());
        } else if (args[i] == QLatin1String("--import-ratings") && i + 1 < args.size()) {
            importRatings = args[++i].toLong();
        } else if (args[i] == QLatin1String("--dir") && i + 1 < args.size()) {
            dir = args[++i];
        } else if (!args[i].startsWith(QLatin1String("-platform")) && args[i] != QLatin1String("offscreen")) {
            std::fprintf(stderr, "usage: alliance_bench [--sizes S,M,L] [--repeats N] [--dir DIR] [--short] "
                                 "[--import-ratings N]\n");
            return 2;
        }
    }
    if (shortMode) {
        sizes = {QStringLiteral("S"), QStringLiteral("M")};
        repeats = 3;
        importRatings = 20000;
    }
    QTemporaryDir scratch;
    if (dir.isEmpty())
        dir = scratch.path();
    QDir().mkpath(dir);
    std::vector<Row> rows;
    for (const QString& size : sizes) {
        try {
            measure(dir.toStdString(), size.toStdString(), repeats, rows);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "bench: %s failed: %s\n", qPrintable(size), e.what());
            return 1;
        }
    }
    if (importRatings > 0) {
        try {
            const auto times = bench::measureImport(dir.toStdString(), ALLIANCE_CLI_PATH, importRatings);
            expect(times.rightCount, "the import stored every rating once");
            const std::string size = std::to_string(importRatings) + " ratings";
            char note[160];
            std::snprintf(note, sizeof note,
                          "floor: the shell's .import, then INSERT...SELECT into session and rating; "
                          "%ld MiB CSV, peak %.0f MiB",
                          times.csvMiB, times.peakMiB);
            rows.push_back({"import a CSV of SRS ratings (CLI, validated)", size, times.product,
                            times.shellSchema, note});
            rows.push_back({"import a CSV of SRS ratings (CLI, validated)", size, times.product,
                            times.shellImport, "the shell's bare .import into a table of its own"});
        } catch (const std::exception& e) {
            std::fprintf(stderr, "bench: the import failed: %s\n", e.what());
            return 1;
        }
    }
    std::printf(
        "| operation | agency | product (ms) | floor (ms) | ratio | |\n|---|---|---:|---:|---:|---|\n");
    for (const Row& r : rows)
        if (r.product > 0)
            std::printf("| %s | %s | %.1f | %.1f | %.1f | %s |\n", r.operation.c_str(), r.size.c_str(),
                        r.product, r.floor, r.floor > 0 ? r.product / r.floor : 0.0, r.note.c_str());
    std::printf("medians of %d runs each; %d wrong answers\n", repeats, wrongAnswers);
    return wrongAnswers == 0 ? 0 : 1;
}
