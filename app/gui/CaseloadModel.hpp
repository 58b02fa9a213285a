#pragma once
// The counselor's caseload: one row per client with the latest score, a sparkline and status
// chips derived from the default trajectory. Search, chip filter and sort happen here.
#include "Backend.hpp"
#include "MainOwnedSingleton.hpp"

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
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

    // Re-reads the caseload from the store (after any write, or a change of counselor or date).
    Q_INVOKABLE void refresh();
    // Human label of a chip slug ("breach-open" -> "Breach open").
    Q_INVOKABLE static QString chipLabel(const QString& chip);
    static QVariantList chipChoices();

signals:
    void filterChanged();
    void countChanged();

private:
    struct Row {
        QString code, displayName, counselor, status, lastSession, latestScore, instrument;
        int sessionCount = 0;
        int daysSinceLastSession = -1;
        QVariantList sparkline; // 0..1 of the instrument's range, last 12 sessions
        QStringList chips;
        int attention = 0; // higher needs attention sooner
    };
    void applyFilter();
    void refilter(); // applyFilter inside a model reset, with the notifications

    Backend& backend_;
    std::vector<Row> all_;
    std::vector<const Row*> visible_;
    QString searchText_;
    QString chipFilter_;
    QString sortKey_ = QStringLiteral("attention");
};

} // namespace alliance::gui
