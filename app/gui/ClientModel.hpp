#pragma once
// One client's page: the sessions of the chosen series (instrument x rater) as rows, and the
// trajectory around them -- episodes, ruptures, plans, flags, the rule in plain words -- plus
// chart filling from C++ (QXYSeries::replace, never a JavaScript append loop).
#include "Backend.hpp"
#include "MainOwnedSingleton.hpp"
#include "TrajectoryReport.hpp"

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace alliance::gui {

class ClientModel : public QAbstractListModel, public MainOwnedSingleton<ClientModel> {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString clientCode READ clientCode WRITE setClientCode NOTIFY clientChanged)
    Q_PROPERTY(QString instrument READ instrument WRITE setInstrument NOTIFY trajectoryChanged)
    Q_PROPERTY(QString rater READ rater WRITE setRater NOTIFY trajectoryChanged)
    Q_PROPERTY(QStringList instruments READ instruments NOTIFY trajectoryChanged)
    Q_PROPERTY(QStringList raters READ raters NOTIFY trajectoryChanged)
    // [{value, label}] in the order of instruments / raters: what a person reads in the choosers.
    Q_PROPERTY(QVariantList instrumentChoices READ instrumentChoices NOTIFY trajectoryChanged)
    Q_PROPERTY(QVariantList raterChoices READ raterChoices NOTIFY trajectoryChanged)
    Q_PROPERTY(QVariantMap client READ client NOTIFY trajectoryChanged)
    Q_PROPERTY(QString headerText READ headerText NOTIFY trajectoryChanged)
    // The client's counselor (whose supervisor may sign its plans off).
    Q_PROPERTY(QString counselorName READ counselorName NOTIFY trajectoryChanged)
    Q_PROPERTY(int instrumentIndex READ instrumentIndex NOTIFY trajectoryChanged)
    Q_PROPERTY(int raterIndex READ raterIndex NOTIFY trajectoryChanged)
    Q_PROPERTY(QString ruleText READ ruleText NOTIFY trajectoryChanged)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY trajectoryChanged)
    Q_PROPERTY(QVariantList episodes READ episodes NOTIFY trajectoryChanged)
    Q_PROPERTY(QVariantList ruptures READ ruptures NOTIFY trajectoryChanged)
    // [{id, session, kindLabel}] -- ruptures voided as flagged by mistake, kept for the record.
    Q_PROPERTY(QVariantList voidedRuptures READ voidedRuptures NOTIFY trajectoryChanged)
    // [{id, rupture, date, referral, nextSteps, policyReviewed, dialogueHeld, supervisorInvited}]
    Q_PROPERTY(QVariantList transitions READ transitions NOTIFY trajectoryChanged)
    Q_PROPERTY(QVariantList plans READ plans NOTIFY trajectoryChanged)
    Q_PROPERTY(QVariantList flags READ flags NOTIFY trajectoryChanged)
    Q_PROPERTY(double axisMin READ axisMin NOTIFY trajectoryChanged)
    Q_PROPERTY(double axisMax READ axisMax NOTIFY trajectoryChanged)
    Q_PROPERTY(double dimensionAxisMax READ dimensionAxisMax NOTIFY trajectoryChanged)
    Q_PROPERTY(double cutoff READ cutoff NOTIFY trajectoryChanged)
    Q_PROPERTY(int lastSessionNumber READ lastSessionNumber NOTIFY trajectoryChanged)
    Q_PROPERTY(int allSessionCount READ allSessionCount NOTIFY trajectoryChanged)

public:
    enum Role {
        NumberRole = Qt::UserRole + 1,
        DateRole,
        TotalRole,
        BondRole,
        GoalRole,
        TaskRole,
        PhaseRole,
        PhaseLabelRole,
        RciRole,
        BelowCutoffRole,
        RuptureCountRole,
        ReportRole, // the client's post-session report in words, "" when none
        NoteRole,   // the session's note, "" when none
    };
    Q_ENUM(Role)

    explicit ClientModel(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString clientCode() const { return clientCode_; }
    void setClientCode(const QString& code);
    QString instrument() const;
    void setInstrument(const QString& slug);
    QString rater() const { return rater_; }
    void setRater(const QString& rater);
    QStringList instruments() const { return instruments_; }
    QStringList raters() const { return raters_; }
    QVariantList instrumentChoices() const;
    QVariantList raterChoices() const;
    static QString raterLabel(const QString& rater);
    QVariantMap client() const { return client_; }
    QString counselorName() const { return client_.value(QStringLiteral("counselor")).toString(); }
    // "Ann · counselor Alex Rivera · every 7 days · active"
    QString headerText() const;
    int instrumentIndex() const { return static_cast<int>(instruments_.indexOf(instrument())); }
    int raterIndex() const { return static_cast<int>(raters_.indexOf(rater_)); }
    QString ruleText() const;
    QString summaryText() const;
    QVariantList episodes() const;
    QVariantList ruptures() const { return ruptures_; }
    QVariantList voidedRuptures() const { return voidedRuptures_; }
    QVariantList transitions() const { return transitions_; }
    QVariantList plans() const { return plans_; }
    QVariantList flags() const;
    double axisMin() const;
    double axisMax() const;
    double dimensionAxisMax() const;
    double cutoff() const; // -1 when the instrument has none
    int lastSessionNumber() const;
    int allSessionCount() const { return static_cast<int>(detail_.sessions.size()); }

    // Fills a QtCharts XY series with one line: "total", "bond", "goal", "task"; x = session number.
    Q_INVOKABLE void fillSeries(QObject* series, const QString& which) const;
    // Fills an XY series with points at the sessions in `phase` ("breach" / "repair").
    Q_INVOKABLE void fillPhase(QObject* series, const QString& phase) const;
    // Fills a scatter series with the sessions where ruptures were flagged (on the total line).
    Q_INVOKABLE void fillRuptures(QObject* series) const;
    // Fills a scatter series with the follow-up sessions of closed repair plans.
    Q_INVOKABLE void fillPlanFollowUps(QObject* series) const;
    Q_INVOKABLE void refresh();
    // Writes the supervision pack (SupervisionPack.hpp) of the client and series shown, with `chart`
    // (a QImage: the chart as drawn) to `file` (a path or a file: URL); recorded in the audit trail
    // first. Returns "" when written, else what went wrong in words.
    Q_INVOKABLE QString writeSupervisionPack(const QVariant& chart, const QString& file, bool deidentified,
                                             bool withText);
    // The row of session `number` (its place among all the client's sessions) in the shown
    // series; -1 when the series has no rating of that session.
    Q_INVOKABLE int rowOfSession(int number) const;

signals:
    void clientChanged();
    void trajectoryChanged();

private:
    double valueAt(std::size_t k, const QString& which) const;
    // Points on the total line at these session numbers (those in the shown series).
    void fillAtSessions(QObject* series, const std::vector<int>& sessions) const;

    Backend& backend_;
    QString clientCode_;
    std::optional<Instrument> instrument_;
    QString rater_ = QStringLiteral("client");
    ClientDetail detail_;
    TrajectoryReport report_;
    QStringList instruments_;
    QStringList raters_;
    QVariantMap client_;
    QVariantList ruptures_;
    QVariantList voidedRuptures_;
    QVariantList transitions_;
    QVariantList plans_;
};

} // namespace alliance::gui
