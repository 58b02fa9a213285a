#pragma once
// --self-test and --screenshots: open every page of the loaded UI in turn.
#include <QString>
#include <QStringList>

class QQmlApplicationEngine;

namespace alliance::gui {

// The pages Main.qml's showPage() knows, in the order a counselor meets them.
QStringList allPages();

// Counts Qt warnings (QML ones included) from now on.
void installWarningCounter();
int warningCount();

// Shows each page; saves `DIR/NN-page.png` at the window's size when `directory` is not empty.
// Returns the number of pages that failed to show.
int visitPages(QQmlApplicationEngine& engine, const QString& directory);

} // namespace alliance::gui
