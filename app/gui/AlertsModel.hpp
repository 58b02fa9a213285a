#pragma once
// The counselor's alerts worklist, most severe first.
#include "Alerts.hpp"
#include "Backend.hpp"
#include "MainOwnedSingleton.hpp"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace alliance::gui {

class AlertsModel : public QAbstractListModel, public MainOwnedSingleton<AlertsModel> {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        AlertIdRole = Qt::UserRole + 1,
        ClientCodeRole,
        KindRole,
        ReasonRole,
        SuggestionRole,
        RuleRole,
        SeverityRole,
        SessionRole
    };
    Q_ENUM(Role)

    explicit AlertsModel(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Re-reads the alerts at once (CaseloadLoader reads them with the caseload).
    Q_INVOKABLE void refresh();
    // Shows these alerts instead of the ones shown (a model reset).
    void take(std::vector<Alert> alerts);
    // Re-reads one client's alerts after a write about it: its rows are removed and its current
    // alerts inserted in their places (beginRemoveRows / beginInsertRows); no other client is read.
    void updateClient(const QString& code);

signals:
    void countChanged();

private:
    Backend& backend_;
    std::vector<Alert> alerts_;
};

} // namespace alliance::gui
