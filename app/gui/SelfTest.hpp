#pragma once
// --self-test and --screenshots: open every page of the loaded UI in turn.
#include <QString>
#include <QStringList>
#include <functional>

class QQmlApplicationEngine;
class QQuickWindow;

namespace alliance::gui {

// The pages Main.qml's showPage() knows, in the order a counselor meets them.
QStringList allPages();

// Who the batch runs sign in as: one account for every page (`user` set, e.g. from
// ALLIANCE_USER/ALLIANCE_PASSWORD), or else the demo's people, each where their work is (a
// counselor's pages as Alex Rivera, the team's as Morgan Ellis, the accounts and audit as Robin
// Admin) with the demo password.
void setBatchIdentity(const QString& user, const QString& password);

// Counts Qt warnings (QML ones included) from now on.
void installWarningCounter();
int warningCount();

class AppContext;

// Looks at the window showing `page`; returns false (having said why on stderr) when it fails.
using PageCheck = std::function<bool(const QString& page, QQuickWindow& window)>;

// Shows each page; saves `DIR/NN-page.png` at the window's size when `directory` is not empty and
// runs `check` on it when given. Returns the number of pages that failed to show or the check.
int visitPages(QQmlApplicationEngine& engine, const QString& directory, const PageCheck& check = {});

// The visible texts of the window (labels, buttons, placeholders, drop-downs' shown choice) that
// neither went through the installed pseudo-translation (marked ⟦ ⟧) nor are recorded data of
// `context`'s store (client codes, names, notes, catalogue labels) nor are only numbers and signs.
QStringList untranslatedTexts(QQuickWindow& window, const QStringList& recordedTexts);
// A PageCheck that fails on any untranslated text, listing it.
PageCheck untranslatedTextCheck(AppContext& context);

// A PageCheck of what a screen reader gets (QAccessible must be active before the QML loads):
// every control it can reach has a name, no two buttons of a page share one, and while a dialog
// is open nothing outside it can be reached (the page behind is out of the tree).
PageCheck accessibilityCheck();

} // namespace alliance::gui
