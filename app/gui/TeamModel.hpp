#pragma once
// The supervisor's Team page: the caseload review of a team (or everyone) over the last weeks,
// as the same JSON `alliance caseload --json` and `alliance trends --json` print (core
// ReviewJson), so the page and the command line can never disagree; and the drill-down from any
// figure to the clients behind it.
#include "Backend.hpp"
#include "MainOwnedSingleton.hpp"
#include "Review.hpp"

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>
#include <thread>

namespace alliance::gui {

class TeamModel : public QObject, public MainOwnedSingleton<TeamModel> {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Read only while the page is shown (a review reads every client of the team).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // The team: a supervisor's name, or "" for everyone.
    Q_PROPERTY(QString supervisor READ supervisor WRITE setSupervisor NOTIFY scopeChanged)
    // The period: the last N weeks up to the as-of date (4, 12, 26 or 52), or dates chosen with
    // setPeriod (weeks is then 0).
    Q_PROPERTY(int weeks READ weeks WRITE setWeeks NOTIFY scopeChanged)
    // Why the dates given to setPeriod were refused ("" when they were taken).
    Q_PROPERTY(QString periodError READ periodError NOTIFY scopeChanged)
    // Whose weekly trend the chart shows: a counselor of the team, or "" for the team.
    Q_PROPERTY(QString trendCounselor READ trendCounselor WRITE setTrendCounselor NOTIFY trendChanged)
    Q_PROPERTY(QStringList supervisorNames READ supervisorNames NOTIFY reviewChanged)
    // caseloadReviewJson as a map: as_of, from, to, scope, counselors, team, funnel.
    Q_PROPERTY(QVariantMap review READ review NOTIFY reviewChanged)
    // trendsJson's weeks for the trend's counselor (or the team).
    Q_PROPERTY(QVariantList trendWeeks READ trendWeeks NOTIFY trendChanged)
    // Why the review could not be read ("" when it was).
    Q_PROPERTY(QString error READ error NOTIFY reviewChanged)
    // Every instrument as the page names and scales it: {value (slug), label, min, max (totals)}.
    Q_PROPERTY(QVariantList instrumentChoices READ instrumentChoices CONSTANT)
    // True while a review of a database file is read on the worker thread.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    explicit TeamModel(Backend& backend, QObject* parent = nullptr);
    ~TeamModel() override;

    bool active() const { return active_; }
    void setActive(bool active);
    QString supervisor() const { return supervisor_; }
    void setSupervisor(const QString& name);
    int weeks() const { return weeks_; }
    void setWeeks(int weeks);
    QString trendCounselor() const { return trendCounselor_; }
    void setTrendCounselor(const QString& name);
    QStringList supervisorNames() const { return supervisorNames_; }
    QVariantMap review() const { return reviewMap_; }
    QVariantList trendWeeks() const;
    QString error() const { return error_; }
    bool loading() const { return loading_; }
    // Blocks until the newest read is done and shown (tests, --self-test and --screenshots).
    Q_INVOKABLE void finish();
    QString periodError() const { return periodError_; }
    static QVariantList instrumentChoices();
    // A period of one's own: YYYY-MM-DD to YYYY-MM-DD, the end not after the as-of date; false
    // (and periodError says why, naming From or To) when they are no such period.
    Q_INVOKABLE bool setPeriod(const QString& from, const QString& to);

    // Re-reads the review now (it is read again by itself when the data or the scope changes).
    Q_INVOKABLE void refresh();
    // The clients behind one figure ("unrepaired", "drifting", ... as in the JSON; see
    // clientsBehind in core) of one counselor, or of the whole team for "": each a map of code,
    // counselor and a line of what counts.
    Q_INVOKABLE QVariantList clientsBehind(const QString& counselor, const QString& figure) const;
    // The clients behind one week of the trend (its place in trendWeeks), with what they had that
    // week: ratings, breaches opened or repaired, ruptures flagged, plans closed.
    Q_INVOKABLE QVariantList clientsOfWeek(const QString& counselor, int week) const;

signals:
    void activeChanged();
    void scopeChanged();
    void trendChanged();
    void reviewChanged();
    void loadingChanged();

private:
    struct Pass;
    static Pass read(security::Workspace& store, const ReviewScope& scope, const ReviewPeriod& period);
    void apply(std::uint64_t generation, Pass pass);
    // Something the review shows changed: read it again now if the page is shown, else when it is.
    void invalidate();
    void setLoading(bool loading);

    Backend& backend_;
    bool active_ = false;
    bool stale_ = true;
    QString supervisor_;
    bool supervisorChosen_ = false;
    int weeks_ = 12;
    std::optional<Date> from_, to_; // the dates of setPeriod (weeks_ is 0)
    QString periodError_;
    QString trendCounselor_;
    QStringList supervisorNames_;
    std::optional<CaseloadReview> review_;
    QVariantMap reviewMap_;
    QVariantMap trendsMap_;
    QString error_;
    bool loading_ = false;
    std::uint64_t generation_ = 0;
    std::thread worker_;
    std::shared_ptr<Pass> pending_; // filled by the worker, applied on the GUI thread
};

} // namespace alliance::gui
