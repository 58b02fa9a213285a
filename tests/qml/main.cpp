// Qt Quick Test runner for the app's pages. ChartView needs a QApplication, so this replaces
// QUICK_TEST_MAIN; every test file shares one in-memory demo store built by the same
// composition root as the app (AppContext).
#include "AppContext.hpp"

#include <QApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(AlliancePlugin)
Q_IMPORT_QML_PLUGIN(Alliance_UiPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    alliance::gui::StartupOptions options;
    options.demo = true;
    options.demoClients = 16;
    options.asOf = QDate(2026, 11, 20); // the tests log sessions on the free days after it
    alliance::gui::AppContext context(options);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "alliance_qml", ALLIANCE_QML_TEST_DIR, &setup);
}

#include "main.moc"
