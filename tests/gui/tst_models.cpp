// The list models under QAbstractItemModelTester, and the facade's promise that nothing throws
// into QML: bad input becomes errorOccurred(field, message) and the store is unchanged.
#include "AcknowledgeForm.hpp"
#include "AppContext.hpp"
#include "ClientForm.hpp"
#include "CounselorForm.hpp"
#include "Demo.hpp"
#include "ReviewJson.hpp"
#include "SessionForm.hpp"
#include "security/Accounts.hpp"
#include "security/AuditTrail.hpp"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <sqlite3.h>

using namespace alliance::gui;

namespace {
// Signed in as the demo's Alex Rivera (a counselor; C-001 is his), or `user`.
StartupOptions demoOptions(int clients = 16, const QString& user = QStringLiteral("Alex Rivera"))
{
    StartupOptions options;
    options.demo = true;
    options.demoClients = clients;
    options.asOf = QDate(2026, 11, 27);
    options.signInAs = user;
    options.signInPassword = QString::fromLatin1(alliance::demoPassword);
    return options;
}
const std::string password = "a test password";
// The first account on a new file: Alex Rivera, counselor and admin (a solo practice).
void addAlexAccount(alliance::Store& store)
{
    alliance::security::initialize(store, {"Alex Rivera", alliance::Role::Counselor, std::nullopt, true},
                                   password);
}
StartupOptions alexOn(const QString& path)
{
    StartupOptions options;
    options.databasePath = path;
    options.signInAs = QStringLiteral("Alex Rivera");
    options.signInPassword = QString::fromStdString(password);
    return options;
}
// A 30-client demo in a fresh file in the temp folder (the caller removes it).
QString demoFile(const QString& name)
{
    const QString path = QDir::temp().filePath(
        QStringLiteral("alliance-%1-%2.db").arg(name).arg(QCoreApplication::applicationPid()));
    QFile::remove(path);
    alliance::Store created(path.toStdString(), alliance::OpenMode::CreateIfMissing);
    alliance::fillDemo(created, {30, 2, alliance::Date(2026, 11, 27)});
    return path;
}

StartupOptions fileOptions(const QString& path, const QString& user = QStringLiteral("Alex Rivera"))
{
    StartupOptions options;
    options.databasePath = path;
    options.asOf = QDate(2026, 11, 27);
    options.signInAs = user;
    options.signInPassword = QString::fromLatin1(alliance::demoPassword);
    return options;
}
} // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void caseloadUnderModelTester()
    {
        AppContext context(demoOptions(16, QStringLiteral("Robin Admin"))); // an admin sees every caseload
        QAbstractItemModelTester tester(&context.caseload(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(context.caseload().rowCount(), 16);
        context.caseload().setSearchText(QStringLiteral("C-00"));
        QCOMPARE(context.caseload().rowCount(), 9);
        context.caseload().setChipFilter(QStringLiteral("unrepaired"));
        QVERIFY(context.caseload().rowCount() >= 1);
        context.caseload().setSortKey(QStringLiteral("code"));
        context.caseload().setSearchText(QString());
        context.caseload().setChipFilter(QString());
        context.backend().setCurrentCounselor(QStringLiteral("Alex Rivera"));
        QVERIFY(context.caseload().rowCount() < 16);
        const QModelIndex first = context.caseload().index(0, 0);
        QCOMPARE(first.data(CaseloadModel::CounselorRole).toString(), QStringLiteral("Alex Rivera"));
        QVERIFY(!first.data(CaseloadModel::SparklineRole).toList().isEmpty());
    }

    void clientModelUnderModelTester()
    {
        AppContext context(demoOptions(16, QStringLiteral("Jordan Lee"))); // C-003's counselor
        QAbstractItemModelTester tester(&context.client(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        context.client().setClientCode(QStringLiteral("C-003"));
        QVERIFY(context.client().rowCount() > 5);
        QCOMPARE(context.client().instrument(), QStringLiteral("wai-sr"));
        QVERIFY(!context.client().episodes().isEmpty());
        QVERIFY(context.client().ruleText().startsWith(QStringLiteral("RR-1")));
        context.client().setRater(QStringLiteral("counselor"));
        context.client().setRater(QStringLiteral("client"));
        // C-004 is Casey Nguyen's, of another team: Jordan's page shows nothing of it.
        QSignalSpy refused(&context.backend(), &Backend::errorOccurred);
        context.client().setClientCode(QStringLiteral("C-004"));
        QCOMPARE(context.client().rowCount(), 0);
        QCOMPARE(refused.count(), 1);
        // Worded by the app from the core's reason, not the core's English.
        QCOMPARE(refused.at(0).at(0).toString(),
                 QStringLiteral("Client C-004 is not on your caseload or your team's."));
        context.backend().signOut();
        QVERIFY(context.backend()
                    .signIn(QStringLiteral("Casey Nguyen"), QString::fromLatin1(alliance::demoPassword))
                    .isEmpty());
        context.client().refresh();
        QCOMPARE(context.client().instrument(), QStringLiteral("srs"));
        QCOMPARE(context.client().cutoff(), 36.0);
    }

    void belowCutoffHonoursTheStoredComparator()
    {
        const QString path = QDir::temp().filePath(
            QStringLiteral("alliance-cutoff-%1.db").arg(QCoreApplication::applicationPid()));
        {
            alliance::Store store(path.toStdString(), alliance::OpenMode::CreateIfMissing);
            addAlexAccount(store);
            store.addClient({"C-001", "Alex Rivera", std::nullopt, alliance::Date(2026, 1, 1), 7});
            alliance::NewRating rating;
            rating.clientCode = "C-001";
            rating.date = alliance::Date(2026, 1, 5);
            rating.instrument = alliance::Instrument::Srs;
            rating.itemTenths = {92, 87, 90, 91}; // exactly 36.0
            store.logRating(rating);
        }
        const StartupOptions options = alexOn(path);
        for (const auto& [comparator, below] : {std::pair{"<", false}, std::pair{"<=", true}}) {
            {
                alliance::Store store(path.toStdString(), alliance::OpenMode::MustExist);
                alliance::sql::Statement update(store.connection(),
                                                "UPDATE analysis_param SET comparator = ? "
                                                "WHERE instrument = 'srs' AND dimension = 'total'");
                update.bind(1, comparator).run();
            }
            AppContext context(options);
            context.client().setClientCode(QStringLiteral("C-001"));
            QCOMPARE(context.client().rowCount(), 1);
            QCOMPARE(
                context.client().data(context.client().index(0, 0), ClientModel::BelowCutoffRole).toBool(),
                below);
        }
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    void chartSeriesAreFilledFromCpp()
    {
        AppContext context(demoOptions(16, QStringLiteral("Jordan Lee"))); // C-003's counselor
        context.client().setClientCode(QStringLiteral("C-003"));
        QLineSeries total;
        context.client().fillSeries(&total, QStringLiteral("total"));
        QCOMPARE(total.count(), context.client().rowCount());
        QCOMPARE(total.at(0).x(), 1.0);
        QCOMPARE(total.at(0).y(), context.client().index(0, 0).data(ClientModel::TotalRole).toDouble());
        QLineSeries repairs;
        context.client().fillPhase(&repairs, QStringLiteral("breach"));
        QVERIFY(repairs.count() >= 1);
    }

    void alertsUnderModelTester()
    {
        AppContext context(demoOptions());
        QAbstractItemModelTester tester(&context.alerts(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = context.alerts().rowCount();
        QVERIFY(before > 0);
        const QString id = context.alerts().index(0, 0).data(AlertsModel::AlertIdRole).toString();
        AcknowledgeForm form;
        form.reset(id, QStringLiteral("an alert"));
        form.setProperty("reason", QStringLiteral("Seen in supervision"));
        QVERIFY(form.submit());
        QCOMPARE(context.alerts().rowCount(), before - 1);
    }

    void firstRunCreatesTheDatabase()
    {
        const QString path = QDir::temp().filePath(
            QStringLiteral("alliance-first-run-%1.db").arg(QCoreApplication::applicationPid()));
        QFile::remove(path);
        StartupOptions options;
        options.databasePath = path;
        AppContext context(options);
        QVERIFY(context.backend().needsFirstRun());
        QVERIFY(!QFile::exists(path)); // nothing is written before the user says so
        CounselorForm form;
        form.setProperty("name", QStringLiteral("Alex O'Rivera"));
        form.setProperty("password", QStringLiteral("first password"));
        form.setProperty("confirmPassword", QStringLiteral("first pasword"));
        QVERIFY(!form.submit()); // typed differently twice: nothing made
        QVERIFY(!QFile::exists(path));
        form.setProperty("confirmPassword", QStringLiteral("first password"));
        QVERIFY(form.submit());
        // The first person is the admin, signed in, and has been shown a recovery key once.
        QVERIFY(context.backend().signedIn());
        QVERIFY(context.backend().isAdmin());
        QCOMPARE(context.backend().userName(), QStringLiteral("Alex O'Rivera"));
        QCOMPARE(form.property("recoveryKey").toString().size(), 71); // 8 groups of 8, 7 dashes
        QVERIFY(QFile::exists(path));
        QVERIFY(!context.backend().needsFirstRun());
        QCOMPARE(context.backend().counselorNames(), QStringList{QStringLiteral("Alex O'Rivera")});
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    void unreadableAndNewerDatabasesAreReportedNotChanged()
    {
        const QString path = QDir::temp().filePath(
            QStringLiteral("alliance-text-%1.db").arg(QCoreApplication::applicationPid()));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a database\n");
        }
        StartupOptions options;
        options.databasePath = path;
        {
            AppContext context(options);
            QCOMPARE(context.backend().startupErrorKind(), QStringLiteral("unreadable"));
            QVERIFY(!context.backend().needsFirstRun());
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not a database\n"));
        file.close();
        QFile::remove(path);
    }

    void lockedDatabaseIsReportedNotChanged()
    {
        const QString path = QDir::temp().filePath(
            QStringLiteral("alliance-locked-%1.db").arg(QCoreApplication::applicationPid()));
        {
            alliance::Store created(path.toStdString(), alliance::OpenMode::CreateIfMissing);
        }
        // Another program holds an exclusive lock (takes the 5 s busy timeout to give up).
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE held(x);",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        StartupOptions options;
        options.databasePath = path;
        {
            AppContext context(options);
            QCOMPARE(context.backend().startupErrorKind(), QStringLiteral("locked"));
            QCOMPARE(context.caseload().rowCount(), 0);
        }
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        alliance::Store reopened(path.toStdString(), alliance::OpenMode::MustExist);
        QVERIFY(reopened.counselors().empty());
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    void clockBehindTheNewestRecordIsReported()
    {
        const QString path = QDir::temp().filePath(
            QStringLiteral("alliance-clock-%1.db").arg(QCoreApplication::applicationPid()));
        {
            alliance::Store created(path.toStdString(), alliance::OpenMode::CreateIfMissing);
            created.addCounselor("Alex Rivera", alliance::Role::Counselor, std::nullopt);
            created.addClient({"C-001", "Alex Rivera", std::nullopt, alliance::Date(2026, 1, 1), 7});
        }
        StartupOptions options;
        options.databasePath = path;
        {
            AppContext context(options);
            QCOMPARE(context.backend().clockBehindRecordDate(), QString());
        }
        // A session from a clock that ran ahead (written past the core's checks).
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "INSERT INTO session (client_id, date) VALUES (1, '2999-01-01')",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(other);
        {
            AppContext context(options);
            QCOMPARE(context.backend().clockBehindRecordDate(), QStringLiteral("2999-01-01"));
        }
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    void largeCaseloadLoads()
    {
        // 200 clients: the caseload is built once at start; measured, not asserted in seconds.
        QElapsedTimer timer;
        timer.start();
        AppContext context(demoOptions(200, QStringLiteral("Robin Admin"))); // every caseload
        const qint64 buildMs = timer.restart();
        context.caseload().refresh();
        const qint64 refreshMs = timer.elapsed();
        QCOMPARE(context.caseload().rowCount(), 200);
        qInfo("200-client demo built in %lld ms; caseload refresh %lld ms", buildMs, refreshMs);
    }

    // The Team page's review of a file is read on a worker (the page says so meanwhile) and is then
    // core's review exactly; a write made meanwhile is in the next read.
    void teamReviewOfAFileIsReadInTheBackground()
    {
        const QString path = demoFile(QStringLiteral("team"));
        const StartupOptions options =
            fileOptions(path, QStringLiteral("Morgan Ellis")); // the team's supervisor
        {
            AppContext context(options);
            context.finishReading();
            TeamModel& team = context.team();
            team.setSupervisor(QStringLiteral("Morgan Ellis"));
            QSignalSpy read(&team, &TeamModel::reviewChanged);
            team.setActive(true);
            QVERIFY(team.loading());
            QTRY_VERIFY(!team.loading()); // delivered through the event loop
            QVERIFY(read.count() >= 1);
            alliance::Store& store = *context.backend().store();
            const auto core =
                alliance::reviewCaseload(store, {alliance::ReviewScope::Kind::Supervisor, "Morgan Ellis"},
                                         alliance::reviewPeriod(alliance::Date(2026, 11, 27)));
            const QVariantMap expected =
                QJsonDocument::fromJson(QByteArray::fromStdString(alliance::caseloadReviewJson(core).dump()))
                    .object()
                    .toVariantMap();
            QCOMPARE(team.review(), expected);
            QVERIFY(!team.clientsBehind(QString(), QStringLiteral("active_clients")).isEmpty());
            // The worker's copy records nothing; the account's own workspace recorded the read.
            const auto trail =
                alliance::security::auditEntries(store, {std::nullopt, std::string("Morgan Ellis")});
            QVERIFY(std::any_of(trail.begin(), trail.end(), [](const alliance::security::AuditEntry& e) {
                return e.event.action == "view-review" &&
                       e.event.detail == std::optional<std::string>("supervisor Morgan Ellis");
            }));

            // A session logged: the review is read again and counts it.
            const int sessions =
                team.review().value(QStringLiteral("team")).toMap().value(QStringLiteral("sessions")).toInt();
            const alliance::ClientDetail before = store.clientDetail("C-001"); // Alex Rivera's
            alliance::NewRating rating;
            rating.clientCode = "C-001";
            rating.date = alliance::Date(2026, 11, 27); // the latest day in the period with no session
            while (std::any_of(before.sessions.begin(), before.sessions.end(),
                               [&](const alliance::SessionRecord& r) { return r.date == rating.date; }))
                rating.date -= boost::gregorian::days(1);
            rating.instrument = before.sessions.back().ratings.front().score.instrument;
            const alliance::InstrumentSpec& spec = alliance::spec(rating.instrument);
            rating.itemTenths.assign(static_cast<std::size_t>(spec.itemCount()), spec.itemMaxTenths);
            store.logRating(rating);
            context.backend().notifyClientChanged(QStringLiteral("C-001"));
            team.finish();
            QCOMPARE(
                team.review().value(QStringLiteral("team")).toMap().value(QStringLiteral("sessions")).toInt(),
                sessions + 1);
        }
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    // What the app writes is sealed: after a client and a session with distinctive words are
    // added through its forms, the file, its log and shared memory hold none of them in plain form.
    void theAppWritesNoClinicalTextInPlainForm()
    {
        const QString path = demoFile(QStringLiteral("sealed"));
        const auto plainIn = [&](const char* words) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                QFile file(path + QLatin1String(suffix));
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(words))
                    return true;
            }
            return false;
        };
        {
            AppContext context(fileOptions(path));
            context.finishReading();
            ClientForm client;
            client.reset(QStringLiteral("Alex Rivera"));
            client.setProperty("code", QStringLiteral("C-SEAL"));
            client.setProperty("displayName", QStringLiteral("Philomena Quackenbush"));
            client.setProperty("startDate", QDate(2026, 11, 1));
            QVERIFY2(client.submit(), qPrintable(client.message()));
            SessionForm session;
            session.reset(QStringLiteral("C-SEAL"), QStringLiteral("bgt"));
            session.setItemText(0, QStringLiteral("7,8,9"));
            session.setProperty("dateText", QStringLiteral("2026-11-20"));
            session.setProperty("note", QStringLiteral("spoke about the periwinkle observatory"));
            QVERIFY2(session.submit(), qPrintable(session.message()));
            const alliance::ClientDetail detail = context.backend().work()->clientDetail("C-SEAL");
            QCOMPARE(detail.sessions.at(0).note,
                     std::optional<std::string>("spoke about the periwinkle observatory"));
            // While the app is open (its log and shared memory exist) ...
            QVERIFY(!plainIn("periwinkle"));
            QVERIFY(!plainIn("Quackenbush"));
        }
        // ... and after it closed.
        QVERIFY(!plainIn("periwinkle"));
        QVERIFY(!plainIn("Quackenbush"));
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    void caseloadOfAFileIsReadInTheBackgroundAndKeepsWritesMadeMeanwhile()
    {
        const QString path = demoFile(QStringLiteral("background"));
        const StartupOptions options = fileOptions(path, QStringLiteral("Robin Admin")); // every caseload
        {
            AppContext context(options);
            // The window can show before the pass is done: the page says it is reading.
            QVERIFY(context.caseload().loading());
            QCOMPARE(context.caseload().totalCount(), 0);
            // A rating logged while the pass reads: the pass's snapshot may predate it.
            alliance::Store& store = *context.backend().store();
            const alliance::ClientDetail before = store.clientDetail("C-001");
            alliance::NewRating rating;
            rating.clientCode = "C-001";
            rating.date = before.sessions.back().date + boost::gregorian::days(1);
            rating.instrument = before.sessions.back().ratings.front().score.instrument;
            const alliance::InstrumentSpec& spec = alliance::spec(rating.instrument);
            rating.itemTenths.assign(static_cast<std::size_t>(spec.itemCount()), spec.itemMaxTenths);
            store.logRating(rating);
            context.backend().notifyClientChanged(QStringLiteral("C-001"));
            QTRY_VERIFY(!context.caseload().loading()); // delivered through the event loop
            QCOMPARE(context.caseload().totalCount(), 30);
            const auto trail =
                alliance::security::auditEntries(store, {std::nullopt, std::string("Robin Admin")});
            QVERIFY(std::any_of(trail.begin(), trail.end(), [](const alliance::security::AuditEntry& e) {
                return e.event.action == "view-caseload";
            }));
            bool found = false;
            for (int row = 0; row < context.caseload().rowCount(); ++row) {
                const QModelIndex index = context.caseload().index(row, 0);
                if (index.data(CaseloadModel::CodeRole).toString() == QLatin1String("C-001")) {
                    found = true;
                    QCOMPARE(index.data(CaseloadModel::SessionCountRole).toInt(),
                             static_cast<int>(before.sessions.size()) + 1);
                }
            }
            QVERIFY(found);
            // The same rows and alerts as reading at once.
            const int alerts = context.alerts().rowCount();
            context.alerts().refresh();
            QCOMPARE(context.alerts().rowCount(), alerts);
        }
        QFile::remove(path);
        QFile::remove(path + "-wal");
        QFile::remove(path + "-shm");
    }

    void longTrajectoryLoads()
    {
        // A client with 300 sessions: the page's model and all four chart series.
        AppContext context(demoOptions(2));
        alliance::Store& store = *context.backend().store();
        store.addClient({"C-LONG", "Alex Rivera", std::nullopt, alliance::Date(2020, 1, 6), 7});
        for (int i = 0; i < 300; ++i) {
            alliance::NewRating r;
            r.clientCode = "C-LONG";
            r.date = alliance::Date(2020, 1, 6) + boost::gregorian::days(7L * i);
            r.instrument = alliance::Instrument::Bgt;
            const int v = 60 + (i * 37) % 40;
            r.itemTenths = {v, v, v};
            store.logRating(r);
        }
        QElapsedTimer timer;
        timer.start();
        context.client().setClientCode(QStringLiteral("C-LONG"));
        QLineSeries total, bond, goal, task;
        context.client().fillSeries(&total, QStringLiteral("total"));
        context.client().fillSeries(&bond, QStringLiteral("bond"));
        context.client().fillSeries(&goal, QStringLiteral("goal"));
        context.client().fillSeries(&task, QStringLiteral("task"));
        const qint64 ms = timer.elapsed();
        QCOMPARE(context.client().rowCount(), 300);
        QCOMPARE(total.count(), 300);
        qInfo("300-session client page model and series filled in %lld ms", ms);
    }
};

QTEST_MAIN(ModelsTest)
#include "tst_models.moc"
