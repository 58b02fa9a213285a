// Qt Quick Test runner for the app's pages. ChartView needs a QApplication, so this replaces
// QUICK_TEST_MAIN; each test file gets a fresh in-memory demo store built by the same
// composition root as the app (AppContext).
#include "AppContext.hpp"
#include "Demo.hpp"

#include <QApplication>
#include <QFileInfo>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(AlliancePlugin)
Q_IMPORT_QML_PLUGIN(Alliance_UiPlugin)

// Files a test may write (a supervision pack, an export): in a folder removed after the run.
class TestFiles : public QObject {
    Q_OBJECT

public:
    Q_INVOKABLE QString scratchFile(const QString& name) const { return dir_.filePath(name); }
    Q_INVOKABLE qint64 fileSize(const QString& path) const { return QFileInfo(path).size(); }

private:
    QTemporaryDir dir_;
};

class Setup : public QObject {
    Q_OBJECT

public slots:
    // Called once per test file (each gets its own engine): every file starts from a fresh demo
    // store, so no test depends on what another file wrote.
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("TestFiles"), &files_);
        context_.reset(); // the singletons of the previous file's engine go with it
        alliance::gui::StartupOptions options;
        options.demo = true;
        options.demoClients = 16;
        options.asOf = QDate(2026, 11, 20); // the tests log sessions on the free days after it
        // Signed in as the demo's Alex Rivera, a counselor; a file whose work is another person's
        // signs in as them in its initTestCase (Backend.signIn).
        options.signInAs = QStringLiteral("Alex Rivera");
        options.signInPassword = QString::fromLatin1(alliance::demoPassword);
        context_ = std::make_unique<alliance::gui::AppContext>(options);
    }

private:
    TestFiles files_;
    std::unique_ptr<alliance::gui::AppContext> context_;
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "alliance_qml", ALLIANCE_QML_TEST_DIR, &setup);
}

#include "main.moc"
