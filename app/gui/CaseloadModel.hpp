#pragma once
// The counselor's caseload: one row per client with the latest score, a sparkline and status
// chips derived from the default trajectory. Search, chip filter and sort happen here.
#include "Backend.hpp"
#include "MainOwnedSingleton.hpp"
#include "TrajectoryReport.hpp"

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <vector>

namespace alliance::gui {

class CaseloadModel : public QAbstractListModel, public MainOwnedSingleton<CaseloadModel> {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(QString chipFilter READ chipFilter WRITE setChipFilter NOTIFY filterChanged)
    Q_PROPERTY(QString sortKey READ sortKey WRITE setSortKey NOTIFY filterChanged)
    // [{value, label}]: "" (all clients) first, then every chip the caseload can show.
    Q_PROPERTY(QVariantList chipChoices READ chipChoices CONSTANT)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    // True while the caseload is being read (CaseloadLoader): the page says so instead of "no clients".
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        DisplayNameRole,
        CounselorRole,
        StatusRole,
        SessionCountRole,
        LastSessionRole,
        DaysSinceLastSessionRole,
        LatestScoreRole,
        InstrumentRole,
        SparklineRole,
        ChipsRole,
        AttentionRole,
    };
    Q_ENUM(Role)

    explicit CaseloadModel(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return searchText_; }
    void setSearchText(const QString& text);
    QString chipFilter() const { return chipFilter_; }
    void setChipFilter(const QString& chip);
    QString sortKey() const { return sortKey_; }
    void setSortKey(const QString& key);
    int totalCount() const { return static_cast<int>(all_.size()); }

    struct Row {
        QString code, displayName, counselor, status, lastSession, latestScore, instrument;
        int sessionCount = 0;
        int daysSinceLastSession = -1;
        QVariantList sparkline; // 0..1 of the instrument's range, last 12 sessions
        QStringList chips;
        int attention = 0; // higher needs attention sooner
    };
    // The row of one client as of `asOf`, from its records.
    static Row rowFor(const ClientDetail& detail, const Date& asOf, const ParamsLookup& params);

    // Re-reads the caseload from the store, at once (CaseloadLoader reads it on a change of
    // counselor, date or database, on a worker thread when it can).
    Q_INVOKABLE void refresh();
    // Shows these rows instead of the ones shown (a model reset).
    void take(std::map<QString, Row> rows);
    bool loading() const { return loading_; }
    void setLoading(bool loading);
    // Re-reads one client after a write about it: that row is updated, inserted, moved or removed
    // (dataChanged, beginInsertRows, ...) and no other client is read again.
    void updateClient(const QString& code);
    // Human label of a chip slug ("breach-open" -> "Breach open").
    Q_INVOKABLE static QString chipLabel(const QString& chip);
    static QVariantList chipChoices();

signals:
    void filterChanged();
    void countChanged();
    void loadingChanged();

private:
    // The shown rows, filtered and sorted, from all_.
    std::vector<const Row*> filtered() const;
    void applyFilter() { visible_ = filtered(); }
    void refilter(); // applyFilter inside a model reset, with the notifications

    Backend& backend_;
    std::map<QString, Row> all_; // by client code; a node's address never changes
    std::vector<const Row*> visible_;
    QString searchText_;
    QString chipFilter_;
    QString sortKey_ = QStringLiteral("attention");
    bool loading_ = false;
};

} // namespace alliance::gui
