// alliance-tracker: the counselor's app. The composition root: parse the command line, open the
// store, build the facade and models, load the QML.
#include "AppContext.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "SelfTest.hpp"
#include "SupervisionPack.hpp"

#include <QAccessible>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <sys/stat.h>
#include <utility>

Q_IMPORT_QML_PLUGIN(AlliancePlugin)
Q_IMPORT_QML_PLUGIN(Alliance_UiPlugin)

namespace {

// The process's peak resident memory in MiB (VmHWM), or -1 where /proc does not tell.
double peakMemoryMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Health data: everything this program writes (database, screenshots) is for the owner only.
    ::umask(077);
    // QtCharts' ChartView needs a QApplication.
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("alliance-tracker"));
    QApplication::setOrganizationName(QStringLiteral("alliance-tracker")); // ~/.config/alliance-tracker/
    QApplication::setApplicationVersion(QStringLiteral("0.1"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Alliance Tracker: the working alliance, session by session"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Database file (default: $ALLIANCE_DB, else the user's data directory)."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open a fresh demo caseload in memory (nothing is saved)."));
    const QCommandLineOption demoClients(QStringLiteral("demo-clients"),
                                         QStringLiteral("Clients in the demo caseload (default 96)."),
                                         QStringLiteral("N"), QStringLiteral("96"));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  QStringLiteral("Treat this date as today (YYYY-MM-DD)."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption itemTexts(
        QStringLiteral("item-texts"),
        QStringLiteral("Folder with the agency's licensed item wording (wai-sr.txt, srs.txt)."),
        QStringLiteral("DIR"));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"), QStringLiteral("Open every page and exit non-zero on any QML warning."));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QStringLiteral("Render every page (at --size) into DIR and exit."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QStringLiteral("Window size for --self-test and --screenshots (default 1280x800)."),
        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption translation(
        QStringLiteral("translation"),
        QStringLiteral("Show the app in the translation FILE (a Qt .qm file), e.g. to review one."),
        QStringLiteral("FILE"));
    const QCommandLineOption checkTranslated(
        QStringLiteral("check-translated"),
        QStringLiteral("With --translation: open every page and dialog and exit non-zero when a visible "
                       "text was not translated (hard-wired)."));
    const QCommandLineOption firstFrame(
        QStringLiteral("first-frame"),
        QStringLiteral("Quit once the caseload is shown; print the time since start to the first frame and "
                       "to the caseload shown, and the peak memory (for the benchmark)."));
    const QCommandLineOption checkAccessible(
        QStringLiteral("check-accessible"),
        QStringLiteral("With --demo: open every page and dialog and exit non-zero when a control has no "
                       "accessible name, two buttons share one, or a page behind a dialog can be reached."));
    const QCommandLineOption lockAfter(
        QStringLiteral("lock-after"),
        QStringLiteral("Lock the app after MINUTES without a key press or click (default 10; kept)."),
        QStringLiteral("MINUTES"));
    const QCommandLineOption pack(
        QStringLiteral("supervision-pack"),
        QStringLiteral("Write client CODE's supervision pack (a PDF) to --pdf FILE and exit, signed in as "
                       "$ALLIANCE_USER with $ALLIANCE_PASSWORD (what 'alliance report --pdf' runs)."),
        QStringLiteral("CODE"));
    const QCommandLineOption pdf(QStringLiteral("pdf"),
                                 QStringLiteral("The PDF file for --supervision-pack."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption deidentified(
        QStringLiteral("deidentified"),
        QStringLiteral("With --supervision-pack: the client's code only, no names and no free text."));
    const QCommandLineOption withText(
        QStringLiteral("with-text"),
        QStringLiteral("With --deidentified: include notes, steps and comments (never names)."));
    parser.addOptions({db, demo, demoClients, asOf, itemTexts, selfTest, screenshots, size, translation,
                       checkTranslated, checkAccessible, firstFrame, lockAfter, pack, pdf, deidentified,
                       withText});
    parser.process(app);

    // The app's own texts in the user's language when a translation for it is installed beside
    // the program; --translation shows one file instead (a translator's review, the pseudo test).
    // English plural forms ("1 session") first; a translation installed later is asked before it.
    QTranslator english;
    if (english.load(QStringLiteral(":/i18n/alliance_en.qm")))
        QApplication::installTranslator(&english);
    QTranslator translator;
    if (parser.isSet(translation)) {
        if (!translator.load(parser.value(translation))) {
            std::fprintf(stderr, "alliance-tracker: --translation: cannot load '%s' as a Qt translation\n",
                         qPrintable(parser.value(translation)));
            return 3;
        }
        QApplication::installTranslator(&translator);
    } else if (translator.load(QLocale(), QStringLiteral("alliance"), QStringLiteral("_"),
                               QCoreApplication::applicationDirPath() +
                                   QStringLiteral("/../share/alliance-tracker/translations"))) {
        QApplication::installTranslator(&translator);
    }
    // It prints the texts it finds: only ever of the synthetic demo, never of a real caseload.
    if (parser.isSet(checkTranslated) && (!parser.isSet(translation) || !parser.isSet(demo))) {
        std::fprintf(stderr, "alliance-tracker: --check-translated needs --translation FILE and --demo\n");
        return 3;
    }

    if (parser.isSet(checkAccessible) && !parser.isSet(demo)) {
        std::fprintf(stderr, "alliance-tracker: --check-accessible needs --demo\n");
        return 3;
    }

    const bool batch = parser.isSet(selfTest) || parser.isSet(screenshots) || parser.isSet(checkTranslated) ||
                       parser.isSet(checkAccessible);
    if (batch)
        alliance::gui::installWarningCounter();

    alliance::gui::StartupOptions options;
    options.databasePath = parser.value(db);
    options.demo = parser.isSet(demo);
    options.demoClients = parser.value(demoClients).toInt();
    options.itemTextDirectory = parser.value(itemTexts);
    if (parser.isSet(asOf)) {
        options.asOf = QDate::fromString(parser.value(asOf), Qt::ISODate);
        if (!options.asOf.isValid()) {
            std::fprintf(stderr, "alliance-tracker: --as-of: invalid date '%s' (expected YYYY-MM-DD)\n",
                         qPrintable(parser.value(asOf)));
            return 3;
        }
    }
    if (options.demoClients < 1 || options.demoClients > 2000) {
        std::fprintf(stderr, "alliance-tracker: --demo-clients: out of range 1..2000\n");
        return 3;
    }
    // Runs nobody sits at sign in without the page: the batch runs as the demo's people (or the one
    // account ALLIANCE_USER/ALLIANCE_PASSWORD name), a measurement as that account.
    const QString envUser = qEnvironmentVariable("ALLIANCE_USER");
    const QString envPassword = qEnvironmentVariable("ALLIANCE_PASSWORD");
    if (batch)
        alliance::gui::setBatchIdentity(envUser, envPassword);
    else if (parser.isSet(firstFrame)) {
        options.signInAs = envUser;
        options.signInPassword = envPassword;
    }
    alliance::gui::AppContext context(options);
    if (!batch && !options.demo)
        context.backend().rememberChoices(); // theme and idle time, in the user's config folder
    if (parser.isSet(lockAfter)) {
        bool ok = false;
        const int minutes = parser.value(lockAfter).toInt(&ok);
        if (!ok || minutes < 1 || minutes > 24 * 60) {
            std::fprintf(stderr, "alliance-tracker: --lock-after: minutes 1..1440\n");
            return 3;
        }
        context.backend().setIdleLockSeconds(minutes * 60);
    }
    // A batch run that could not open its database has tested nothing: say so and fail.
    if (batch && !context.backend().startupError().isEmpty()) {
        std::fprintf(stderr, "alliance-tracker: cannot open the database: %s\n",
                     qPrintable(context.backend().startupError()));
        return 1;
    }

    if (parser.isSet(pack)) {
        if (!parser.isSet(pdf)) {
            std::fprintf(stderr, "alliance-tracker: --supervision-pack needs --pdf FILE\n");
            return 3;
        }
        if (!context.backend().startupError().isEmpty()) {
            std::fprintf(stderr, "alliance-tracker: cannot open the database: %s\n",
                         qPrintable(context.backend().startupError()));
            return 1;
        }
        const QString refused = context.backend().signIn(envUser, envPassword);
        if (!refused.isEmpty()) {
            std::fprintf(stderr, "alliance-tracker: sign-in refused: %s\n", qPrintable(refused));
            return 5;
        }
        // Refused or unknown, said as the CLI says it (exit 5 or 4) before anything is drawn.
        try {
            context.backend().work()->clientDetail(parser.value(pack).toStdString());
        } catch (const alliance::AccessDenied& e) {
            std::fprintf(stderr, "alliance-tracker: access denied: %s\n",
                         qPrintable(alliance::gui::Labels::failure(e)));
            return 5;
        } catch (const alliance::NotFound& e) {
            std::fprintf(stderr, "alliance-tracker: not found: %s\n",
                         qPrintable(alliance::gui::Labels::failure(e)));
            return 4;
        }
        context.client().setClientCode(parser.value(pack));
        try {
            const QImage chart = alliance::gui::renderTrajectoryChart(QSize(1200, 560));
            const QString failed = context.client().writeSupervisionPack(
                QVariant(chart), parser.value(pdf), parser.isSet(deidentified), parser.isSet(withText));
            if (!failed.isEmpty()) {
                std::fprintf(stderr, "alliance-tracker: %s\n", qPrintable(failed));
                return 1;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "alliance-tracker: %s\n", e.what());
            return 1;
        }
        std::printf("Wrote the supervision pack of %s to %s\n", qPrintable(parser.value(pack)),
                    qPrintable(parser.value(pdf)));
        return 0;
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Alliance/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    // As a screen reader's arrival does: every control, dialogs included, sets up its accessibility.
    if (parser.isSet(checkAccessible))
        QAccessible::setActive(true);
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (batch && window) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int width = wh.size() == 2 ? wh[0].toInt() : 0;
        const int height = wh.size() == 2 ? wh[1].toInt() : 0;
        if (width < 320 || height < 240 || width > 8000 || height > 8000) {
            std::fprintf(stderr, "alliance-tracker: --size: expected WxH, e.g. 1024x700\n");
            return 3;
        }
        window->resize(width, height);
        window->show();
        const int pages = static_cast<int>(alliance::gui::allPages().size());
        if (parser.isSet(checkTranslated) || parser.isSet(checkAccessible)) {
            const bool translated = parser.isSet(checkTranslated);
            const int failures =
                alliance::gui::visitPages(engine, QString(),
                                          translated ? alliance::gui::untranslatedTextCheck(context)
                                                     : alliance::gui::accessibilityCheck());
            std::printf("%s: %d pages and dialogs, %d failed\n",
                        translated ? "check-translated" : "check-accessible", pages, failures);
            return failures == 0 ? 0 : 1;
        }
        const int failures = alliance::gui::visitPages(engine, parser.value(screenshots));
        const int warnings = alliance::gui::warningCount();
        if (parser.isSet(screenshots))
            std::printf("screenshots: %d pages written to %s\n", pages - failures,
                        qPrintable(parser.value(screenshots)));
        if (parser.isSet(selfTest))
            std::printf("self-test: %d pages, %d failed to show, %d warnings\n", pages, failures, warnings);
        return failures == 0 && (warnings == 0 || !parser.isSet(selfTest)) ? 0 : 1;
    }
    if (parser.isSet(firstFrame) && window) {
        // The first frame, then the first frame that shows the caseload read (at once on a small
        // database, after the worker's pass on a large one).
        QObject::connect(
            window, &QQuickWindow::frameSwapped, &app,
            [&sinceStart, &context] {
                static qint64 first = -1;
                static bool done = false;
                if (done)
                    return;
                if (first < 0)
                    first = sinceStart.elapsed();
                if (context.caseload().loading())
                    return;
                done = true;
                std::printf("first frame: %lld ms; caseload shown: %lld ms; peak memory: %.1f MiB\n",
                            static_cast<long long>(first), static_cast<long long>(sinceStart.elapsed()),
                            peakMemoryMiB());
                std::fflush(stdout);
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            },
            Qt::QueuedConnection);
    }
    return QApplication::exec();
}
