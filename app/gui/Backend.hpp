#pragma once
// The app's state that every page shares: the open store, whose caseload is shown, the reference
// date, the theme. It writes nothing itself: each form object (ClientForm, SessionForm, ...) owns
// one write and reports on its own fields.
#include "MainOwnedSingleton.hpp"
#include "Store.hpp"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace alliance::gui {

class Backend : public QObject, public MainOwnedSingleton<Backend> {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString databasePath READ databasePath CONSTANT)
    Q_PROPERTY(QString startupError READ startupError NOTIFY storeChanged)
    Q_PROPERTY(QString startupErrorKind READ startupErrorKind NOTIFY storeChanged)
    Q_PROPERTY(bool needsFirstRun READ needsFirstRun NOTIFY dataChanged)
    Q_PROPERTY(QStringList counselorNames READ counselorNames NOTIFY dataChanged)
    Q_PROPERTY(QString currentCounselor READ currentCounselor WRITE setCurrentCounselor NOTIFY
                   currentCounselorChanged)
    Q_PROPERTY(QDate asOf READ asOf WRITE setAsOf NOTIFY asOfChanged)
    Q_PROPERTY(QString asOfIso READ asOfIso NOTIFY asOfChanged)
    Q_PROPERTY(QStringList counselorChoices READ counselorChoices NOTIFY dataChanged)
    Q_PROPERTY(int currentCounselorIndex READ currentCounselorIndex NOTIFY currentCounselorChanged)
    // True when the person chosen in the header is a supervisor (who may comment on plans).
    Q_PROPERTY(bool currentIsSupervisor READ currentIsSupervisor NOTIFY currentCounselorChanged)
    // The newest session date on record when it is after tomorrow by the system clock (a clock
    // that runs behind would misdate every new session); empty otherwise.
    Q_PROPERTY(QString clockBehindRecordDate READ clockBehindRecordDate CONSTANT)
    // The colour theme the person chose last ("" before any choice); kept between runs.
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)

public:
    // `store` may be null when opening failed; `startupError` then says why.
    Backend(std::unique_ptr<Store> store, QString databasePath, QString startupError,
            QString startupErrorKind, QObject* parent = nullptr);
    ~Backend() override;

    Store* store() const { return store_.get(); }
    QString databasePath() const { return databasePath_; }
    QString startupError() const { return startupError_; }
    QString startupErrorKind() const { return startupErrorKind_; }
    QString clockBehindRecordDate() const { return clockBehindRecordDate_; }
    QString theme() const { return theme_; }
    void setTheme(const QString& theme);
    // The app (not the tests) remembers the chosen counselor and theme in QSettings; restores them.
    void rememberChoices();
    bool needsFirstRun() const;
    QStringList counselorNames() const;
    QString currentCounselor() const { return currentCounselor_; }
    bool currentIsSupervisor() const;
    // True when the person chosen in the header may sign off plans of `counselor`'s clients: that
    // counselor's supervisor, or an admin (the core checks it again on every sign-off).
    Q_INVOKABLE bool maySignOffFor(const QString& counselor) const;
    void setCurrentCounselor(const QString& name);
    QDate asOf() const { return asOf_; }
    QString asOfIso() const { return asOf_.toString(Qt::ISODate); }
    // "All counselors" followed by every name; the index of the current choice in that list.
    QStringList counselorChoices() const { return QStringList{tr("All counselors")} + counselorNames(); }
    int currentCounselorIndex() const
    {
        return static_cast<int>(counselorNames().indexOf(currentCounselor_)) + 1;
    }
    void setAsOf(const QDate& date);
    // For a file that does not exist yet: the first-run page creates it.
    void setStoreFactory(std::function<std::unique_ptr<Store>()> factory)
    {
        storeFactory_ = std::move(factory);
    }

    // The open store; on first run, creates the database through the factory. Throws when it cannot.
    Store& ensureStore();
    // A form wrote something that concerns every page (a colleague, the first run): models re-read
    // what they show.
    void notifyChanged() { changed(); }
    // A form wrote one client's records (a rating, a rupture, a plan, the client's details, an
    // acknowledged alert): models update that client's rows only.
    void notifyClientChanged(const QString& code);

    // Licensed item wording the agency supplied (one file per instrument, one item per line), or
    // an empty list when none was supplied for this instrument.
    QStringList licensedItemTexts(Instrument instrument) const;
    void setItemTextDirectory(const QString& directory) { itemTextDirectory_ = directory; }

signals:
    void dataChanged();
    // One client's records changed (see notifyClientChanged).
    void clientChanged(const QString& code);
    // Any write went through (after dataChanged or clientChanged): a brief confirmation.
    void saved();
    void storeChanged();
    void currentCounselorChanged();
    void asOfChanged();
    void themeChanged();
    // Reading what a page shows failed; `message` is safe to show (no client text). Writes go
    // through the form objects, which report on their own fields.
    void errorOccurred(const QString& message);

private:
    void changed();

    std::unique_ptr<Store> store_;
    std::function<std::unique_ptr<Store>()> storeFactory_;
    QString databasePath_;
    QString startupError_;
    QString startupErrorKind_;
    QString clockBehindRecordDate_;
    QString theme_;
    bool remembering_ = false;
    QString currentCounselor_;
    QString itemTextDirectory_;
    QDate asOf_;
};

} // namespace alliance::gui
