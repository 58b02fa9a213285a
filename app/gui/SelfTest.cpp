#include "SelfTest.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QThread>
#include <atomic>
#include <cstdio>

namespace alliance::gui {
namespace {

std::atomic<int> warnings{0};
QtMessageHandler previousHandler = nullptr;

void countingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg || type == QtCriticalMsg)
        ++warnings;
    if (previousHandler)
        previousHandler(type, context, message);
}

void settle(int milliseconds)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

} // namespace

QStringList allPages()
{
    return {QStringLiteral("caseload"),  QStringLiteral("client"),         QStringLiteral("log"),
            QStringLiteral("handOver"),  QStringLiteral("rating"),         QStringLiteral("rupture"),
            QStringLiteral("repair"),    QStringLiteral("transition"),     QStringLiteral("alerts"),
            QStringLiteral("correct"),   QStringLiteral("correctRupture"), QStringLiteral("correctPlan"),
            QStringLiteral("addClient"), QStringLiteral("editClient"),     QStringLiteral("addColleague"),
            QStringLiteral("dark"),      QStringLiteral("contrast")};
}

void installWarningCounter()
{
    previousHandler = qInstallMessageHandler(countingHandler);
}

int warningCount()
{
    return warnings.load();
}

// Screenshots show client codes and scores: the folder is made (or tightened to) 0700.
static bool privateFolder(const QString& directory)
{
    if (!QDir().mkpath(directory)) {
        std::fprintf(stderr, "screenshots: cannot create %s\n", qPrintable(directory));
        return false;
    }
    if (!QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        std::fprintf(stderr, "screenshots: cannot make %s private to its owner\n", qPrintable(directory));
        return false;
    }
    return true;
}

int visitPages(QQmlApplicationEngine& engine, const QString& directory)
{
    if (engine.rootObjects().isEmpty())
        return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    if (!directory.isEmpty() && !privateFolder(directory))
        return 1;
    int failures = 0;
    int number = 1;
    settle(300);
    for (const QString& page : allPages()) {
        bool shown = false;
        QMetaObject::invokeMethod(window, "showPage", Q_RETURN_ARG(bool, shown), Q_ARG(QString, page));
        settle(800);
        if (!shown) {
            std::fprintf(stderr, "self-test: page %s did not show\n", qPrintable(page));
            ++failures;
        }
        if (!directory.isEmpty()) {
            const QString file = QDir(directory).filePath(
                QStringLiteral("%1-%2.png").arg(number, 2, 10, QLatin1Char('0')).arg(page));
            if (!window->grabWindow().save(file)) {
                std::fprintf(stderr, "screenshots: cannot write %s\n", qPrintable(file));
                ++failures;
            }
        }
        ++number;
    }
    return failures;
}

} // namespace alliance::gui
