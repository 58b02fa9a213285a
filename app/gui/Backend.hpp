#pragma once
// The app's state that every page shares: the open store, who is signed in (their Workspace, through
// which every page reads and every form writes), whether the app is locked, whose caseload is
// shown, the reference date, the theme. It writes nothing itself: each form object (ClientForm,
// SessionForm, ...) owns one write and reports on its own fields.
#include "MainOwnedSingleton.hpp"
#include "Store.hpp"
#include "security/Workspace.hpp"

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
    Q_PROPERTY(bool needsFirstRun READ needsFirstRun NOTIFY accountChanged)
    // Someone is signed in (the app may be locked meanwhile).
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY accountChanged)
    // Signed in, but the data key is wiped until the password is typed again.
    Q_PROPERTY(bool locked READ locked NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    // The signed-in person's clinical role (counselor | supervisor | admin) and whether they also
    // administer; whether they may see other counselors' clients (a team, or every figure).
    Q_PROPERTY(QString userRole READ userRole NOTIFY accountChanged)
    Q_PROPERTY(bool isAdmin READ isAdmin NOTIFY accountChanged)
    Q_PROPERTY(bool seesOthers READ seesOthers NOTIFY accountChanged)
    Q_PROPERTY(bool mustChangePassword READ mustChangePassword NOTIFY accountChanged)
    // Seconds without a key press or a click before the app locks itself (default 600).
    Q_PROPERTY(int idleLockSeconds READ idleLockSeconds WRITE setIdleLockSeconds NOTIFY idleLockChanged)
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

    // The database engine itself: for the batch tools and the first run only. Pages and forms go
    // through work().
    Store* store() const { return store_.get(); }
    // What the signed-in account may do; null when nobody is signed in or the app is locked.
    security::Workspace* work() const { return work_ && !locked_ ? work_.get() : nullptr; }
    bool signedIn() const { return work_ != nullptr; }
    bool locked() const { return locked_; }
    QString userName() const;
    QString userRole() const;
    bool isAdmin() const { return work_ && work_->account().admin; }
    bool seesOthers() const { return work_ && work_->seesOthers(); }
    bool mustChangePassword() const { return work_ && work_->account().mustChangePassword; }
    int idleLockSeconds() const { return idleLockSeconds_; }
    void setIdleLockSeconds(int seconds);
    // Signs in; "" when it worked, else what to tell the person (never which of name or password).
    Q_INVOKABLE QString signIn(const QString& name, const QString& password);
    // Locks: the data key is wiped and every page emptied until unlock() with the same password.
    Q_INVOKABLE void lock();
    // "" when it worked; after three wrong passwords the person is signed out.
    Q_INVOKABLE QString unlock(const QString& password);
    Q_INVOKABLE void signOut();
    // The first account was just made (first run): the app is signed in as it.
    void signedInAs(security::Account account);
    // A form changed the signed-in account itself (its password): the header follows, and the
    // pages read again (a password an admin reset opened nothing until now).
    void accountUpdated()
    {
        emit accountChanged();
        emit storeChanged();
    }
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
    // "All counselors" (an admin) or "My team" (a supervisor) followed by every name the account
    // may open; the index of the current choice in that list.
    QStringList counselorChoices() const
    {
        return QStringList{isAdmin() ? tr("All counselors") : tr("My team")} + counselorNames();
    }
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
    void accountChanged();
    void idleLockChanged();
    void currentCounselorChanged();
    void asOfChanged();
    void themeChanged();
    // Reading what a page shows failed; `message` is safe to show (no client text). Writes go
    // through the form objects, which report on their own fields.
    void errorOccurred(const QString& message);

private:
    void changed();

    // Words a refused sign-in for the person.
    static QString refusal(const SignInRefused& e);
    void afterSignIn();

    std::unique_ptr<Store> store_;
    std::unique_ptr<security::Workspace> work_;
    bool locked_ = false;
    int unlockFailures_ = 0;
    int idleLockSeconds_ = 600;
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
