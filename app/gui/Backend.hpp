#pragma once
// The QML-facing facade over the core store. Every invokable catches core exceptions and reports
// them through errorOccurred(field, message); nothing throws into QML.
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
    // The newest session date on record when it is after tomorrow by the system clock (a clock
    // that runs behind would misdate every new session); empty otherwise.
    Q_PROPERTY(QString clockBehindRecordDate READ clockBehindRecordDate CONSTANT)
    // The colour theme the person chose last ("" before any choice); kept between runs.
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    // [{value, label}]: every instrument (registry order) and every rater, labelled for people.
    Q_PROPERTY(QVariantList instrumentChoices READ instrumentChoices CONSTANT)
    Q_PROPERTY(QVariantList raterChoices READ raterChoices CONSTANT)

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
    static QVariantList instrumentChoices();
    static QVariantList raterChoices();
    void setTheme(const QString& theme);
    // The app (not the tests) remembers the chosen counselor and theme in QSettings; restores them.
    void rememberChoices();
    bool needsFirstRun() const;
    QStringList counselorNames() const;
    QString currentCounselor() const { return currentCounselor_; }
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

    // A form wrote to the store: models re-read what they show.
    void notifyChanged() { changed(); }

    Q_INVOKABLE bool createFirstCounselor(const QString& name, const QString& role);
    // Returns {ok, sessionNumber} ; on failure ok is false and errorOccurred was emitted.
    Q_INVOKABLE QVariantMap logSession(const QString& clientCode, const QString& dateIso,
                                       const QString& instrument, const QStringList& items,
                                       const QString& rater, const QString& note);
    // "" when the item text is a valid value for the instrument, else the message to show inline.
    // The client's Post-Session Questionnaire for a session (intensity and resolution 1..5 with tension).
    Q_INVOKABLE bool recordPostSessionReport(const QString& clientCode, int sessionNumber, bool tension,
                                             int intensity, int resolution);
    Q_INVOKABLE QString checkItem(const QString& instrument, int index, const QString& text) const;
    // {ok, total, bond, goal, task, belowCutoff, error} for the values entered so far.
    Q_INVOKABLE QVariantMap scorePreview(const QString& instrument, const QStringList& items) const;
    Q_INVOKABLE QVariantMap instrumentInfo(const QString& instrument) const;
    Q_INVOKABLE int flagRupture(const QString& clientCode, int sessionNumber, const QString& kind,
                                const QStringList& markers, int salience, const QString& noticedBy,
                                const QString& category, const QString& note);
    Q_INVOKABLE int planRepair(int ruptureId, const QStringList& strategies, const QStringList& steps,
                               const QString& dueIso, const QString& note);
    Q_INVOKABLE bool closeRepair(int planId, const QString& outcome, int followUpSession);
    Q_INVOKABLE int planTransition(const QString& clientCode, int ruptureId, bool policyReviewed,
                                   bool dialogueHeld, bool supervisorInvited, const QString& referral,
                                   const QString& nextSteps);
    Q_INVOKABLE bool addReferralAgency(const QString& name, const QString& services, const QString& contact);
    Q_INVOKABLE QVariantList referralAgencies() const;
    Q_INVOKABLE bool acknowledgeAlert(const QString& id, const QString& reason, int snoozeDays);
    // [{slug, label, group}] for strategy | marker | category.
    Q_INVOKABLE QVariantList catalogue(const QString& kind) const;

    // Licensed item wording the agency supplied (one file per instrument), if any.
    void setItemTextDirectory(const QString& directory) { itemTextDirectory_ = directory; }

signals:
    void dataChanged();
    void storeChanged();
    void currentCounselorChanged();
    void asOfChanged();
    void themeChanged();
    // `field` names the input ("--date", "item 3", ...); `message` is safe to show (no client text).
    void errorOccurred(const QString& field, const QString& message);

private:
    // Runs one write against the store; on success announces dataChanged, on failure reports
    // errorOccurred. Every invokable that writes goes through here.
    template <class F> bool attempt(F&& write);
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
