#include "AlertsModel.hpp"

#include "TrajectoryWording.hpp"

#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

#include <algorithm>

namespace alliance::gui {
AlertsModel::AlertsModel(Backend& backend, QObject* parent) : QAbstractListModel(parent), backend_(backend)
{
    connect(&backend_, &Backend::clientChanged, this, &AlertsModel::updateClient);
}

void AlertsModel::refresh()
{
    std::vector<Alert> alerts;
    if (security::Workspace* store = backend_.work()) {
        try {
            alerts =
                store->activeAlerts(optionalText(backend_.currentCounselor()), fromQDate(backend_.asOf()));
        } catch (const std::exception& e) {
            emit backend_.errorOccurred(Labels::failure(e));
        }
    }
    take(std::move(alerts));
}

void AlertsModel::take(std::vector<Alert> alerts)
{
    beginResetModel();
    alerts_ = std::move(alerts);
    endResetModel();
    emit countChanged();
}

void AlertsModel::updateClient(const QString& code)
{
    security::Workspace* store = backend_.work();
    if (!store)
        return;
    std::vector<Alert> fresh;
    std::string client;
    try {
        const ClientDetail detail = store->clientDetail(toStd(code));
        client = detail.client.code;
        const QString counselor = backend_.currentCounselor();
        if (counselor.isEmpty() || toQt(detail.client.counselorName) == counselor)
            fresh = clientAlerts(detail, fromQDate(backend_.asOf()), store->alertAcks(), store->params());
    } catch (const std::exception& e) {
        emit backend_.errorOccurred(Labels::failure(e));
        return;
    }
    for (int row = static_cast<int>(alerts_.size()) - 1; row >= 0; --row)
        if (alerts_[static_cast<std::size_t>(row)].clientCode == client) {
            beginRemoveRows(QModelIndex(), row, row);
            alerts_.erase(alerts_.begin() + row);
            endRemoveRows();
        }
    // The worklist's order (activeAlerts): most severe first, then by client code, then in the
    // order the analysis raised them.
    for (Alert& alert : fresh) {
        const auto at = std::find_if(alerts_.begin(), alerts_.end(), [&](const Alert& other) {
            return alert.flag.severity > other.flag.severity ||
                   (alert.flag.severity == other.flag.severity && alert.clientCode < other.clientCode);
        });
        const int row = static_cast<int>(at - alerts_.begin());
        beginInsertRows(QModelIndex(), row, row);
        alerts_.insert(at, std::move(alert));
        endInsertRows();
    }
    emit countChanged();
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(alerts_.size());
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert& a = alerts_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case AlertIdRole: return toQt(a.id);
    case ClientCodeRole: return toQt(a.clientCode);
    case KindRole: return toQt(a.flag.kind);
    case ReasonRole: return TrajectoryWording::reason(a.flag);
    case SuggestionRole: return TrajectoryWording::suggestion(a.flag);
    case RuleRole: return TrajectoryWording::ruleOf(a.flag);
    case SeverityRole: return a.flag.severity;
    case SessionRole: return a.flag.sessionNumber.value_or(0);
    default: return {};
    }
}

QHash<int, QByteArray> AlertsModel::roleNames() const
{
    return {{AlertIdRole, "alertId"},   {ClientCodeRole, "clientCode"}, {KindRole, "kind"},
            {ReasonRole, "reason"},     {SuggestionRole, "suggestion"}, {RuleRole, "rule"},
            {SeverityRole, "severity"}, {SessionRole, "session"}};
}

} // namespace alliance::gui
