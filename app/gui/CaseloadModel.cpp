#include "CaseloadModel.hpp"

#include "Alerts.hpp"
#include "CaseloadLoader.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

#include <algorithm>

namespace alliance::gui {
CaseloadModel::CaseloadModel(Backend& backend, QObject* parent)
    : QAbstractListModel(parent), backend_(backend)
{
    connect(&backend_, &Backend::clientChanged, this, &CaseloadModel::updateClient);
}

QString CaseloadModel::chipLabel(const QString& chip)
{
    if (chip == QLatin1String("breach-open"))
        return tr("Breach open");
    if (chip == QLatin1String("repair-pending"))
        return tr("Repair pending");
    if (chip == QLatin1String("unrepaired"))
        return tr("Unrepaired");
    if (chip == QLatin1String("drifting"))
        return tr("Drifting");
    if (chip == QLatin1String("below-cutoff"))
        return tr("Below cutoff");
    if (chip == QLatin1String("ceiling"))
        return tr("At the ceiling");
    return chip;
}

QVariantList CaseloadModel::chipChoices()
{
    QVariantList choices{
        QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("All clients")}}};
    for (const char* chip :
         {"breach-open", "unrepaired", "repair-pending", "drifting", "below-cutoff", "ceiling"})
        choices << QVariantMap{{QStringLiteral("value"), QString::fromLatin1(chip)},
                               {QStringLiteral("label"), chipLabel(QString::fromLatin1(chip))}};
    return choices;
}

CaseloadModel::Row CaseloadModel::rowFor(const ClientDetail& detail, const Date& asOf,
                                         const ParamsLookup& params)
{
    const TrajectoryReport report = caseloadTrajectory(detail, asOf, params);
    Row row;
    row.code = toQt(detail.client.code);
    row.displayName = toQt(detail.client.displayName.value_or(""));
    row.counselor = toQt(detail.client.counselorName);
    row.status = Labels::of(detail.client.status);
    row.sessionCount = static_cast<int>(detail.sessions.size());
    if (!detail.sessions.empty()) {
        const Date last = detail.sessions.back().date;
        row.lastSession = toQt(toIso(last));
        row.daysSinceLastSession = static_cast<int>(daysBetween(last, asOf));
    }
    row.instrument = Labels::of(report.instrument);
    const InstrumentSpec& s = spec(report.instrument);
    const double range = s.totalMaxTenths() - s.totalMinTenths();
    const std::size_t first = report.points.size() > 12 ? report.points.size() - 12 : 0;
    for (std::size_t k = first; k < report.points.size(); ++k)
        row.sparkline << (report.points[k].score.totalTenths - s.totalMinTenths()) / range;
    if (!report.points.empty())
        row.latestScore = scoreText(report.instrument, report.points.back().score.totalTenths);
    for (const Flag& f : report.flags) {
        QString chip;
        if (f.kind == "breach-pending")
            chip = QStringLiteral("breach-open");
        else if (f.kind == "unrepaired")
            chip = QStringLiteral("unrepaired");
        else if (f.kind == "drift")
            chip = QStringLiteral("drifting");
        else if (f.kind == "below-cutoff")
            chip = QStringLiteral("below-cutoff");
        else if (f.kind == "ceiling")
            chip = QStringLiteral("ceiling");
        if (!chip.isEmpty() && !row.chips.contains(chip))
            row.chips << chip;
        row.attention += f.severity;
    }
    const bool openPlan = std::any_of(detail.plans.begin(), detail.plans.end(),
                                      [](const RepairPlan& p) { return p.status != PlanStatus::Closed; });
    if (openPlan)
        row.chips << QStringLiteral("repair-pending");
    return row;
}

void CaseloadModel::refresh()
{
    std::map<QString, Row> rows;
    if (security::Workspace* store = backend_.work()) {
        CaseloadPass pass = readCaseload(*store, optionalText(backend_.currentCounselor()),
                                         fromQDate(backend_.asOf()), false);
        if (!pass.error.isEmpty())
            emit backend_.errorOccurred(pass.error);
        rows = std::move(pass.rows);
    }
    take(std::move(rows));
}

void CaseloadModel::take(std::map<QString, Row> rows)
{
    beginResetModel();
    all_ = std::move(rows);
    applyFilter();
    endResetModel();
    emit countChanged();
}

void CaseloadModel::setLoading(bool loading)
{
    if (std::exchange(loading_, loading) != loading)
        emit loadingChanged();
}

void CaseloadModel::updateClient(const QString& code)
{
    security::Workspace* store = backend_.work();
    if (!store)
        return;
    ClientDetail detail;
    try {
        detail = store->clientDetail(toStd(code));
    } catch (const std::exception& e) {
        emit backend_.errorOccurred(Labels::failure(e));
        return;
    }
    const QString key = toQt(detail.client.code);
    const QString counselor = backend_.currentCounselor();
    const bool belongs = counselor.isEmpty() || toQt(detail.client.counselorName) == counselor;
    const auto found = all_.find(key);
    const Row* before = found == all_.end() ? nullptr : &found->second;
    const auto positionIn = [](const std::vector<const Row*>& rows, const Row* row) {
        const auto at = std::find(rows.begin(), rows.end(), row);
        return at == rows.end() ? -1 : static_cast<int>(at - rows.begin());
    };
    if (!belongs) { // the client moved to another counselor's caseload
        if (!before)
            return;
        const int oldRow = positionIn(visible_, before);
        if (oldRow >= 0) {
            beginRemoveRows(QModelIndex(), oldRow, oldRow);
            visible_.erase(visible_.begin() + oldRow);
            endRemoveRows();
        }
        all_.erase(found);
        emit countChanged();
        return;
    }
    Row row = rowFor(detail, fromQDate(backend_.asOf()), store->params());
    const int oldRow = positionIn(visible_, before);
    const Row* updated = before;
    if (before)
        found->second = std::move(row); // same node, same address: visible_ stays valid
    else
        updated = &all_.emplace(key, std::move(row)).first->second;
    // Only this row's values changed, and the sort is stable: every other row keeps its order.
    std::vector<const Row*> next = filtered();
    const int newRow = positionIn(next, updated);
    if (oldRow < 0 && newRow >= 0) {
        beginInsertRows(QModelIndex(), newRow, newRow);
        visible_ = std::move(next);
        endInsertRows();
    } else if (oldRow >= 0 && newRow < 0) {
        beginRemoveRows(QModelIndex(), oldRow, oldRow);
        visible_ = std::move(next);
        endRemoveRows();
    } else if (oldRow >= 0) {
        if (oldRow != newRow) {
            beginMoveRows(QModelIndex(), oldRow, oldRow, QModelIndex(),
                          newRow > oldRow ? newRow + 1 : newRow);
            visible_ = std::move(next);
            endMoveRows();
        }
        emit dataChanged(index(newRow), index(newRow));
    }
    emit countChanged();
}

std::vector<const CaseloadModel::Row*> CaseloadModel::filtered() const
{
    std::vector<const Row*> rows;
    const QString needle = searchText_.trimmed();
    for (const auto& [code, row] : all_) {
        if (!needle.isEmpty() && !row.code.contains(needle, Qt::CaseInsensitive) &&
            !row.displayName.contains(needle, Qt::CaseInsensitive))
            continue;
        if (!chipFilter_.isEmpty() && !row.chips.contains(chipFilter_))
            continue;
        rows.push_back(&row);
    }
    const auto byCode = [](const Row* a, const Row* b) { return a->code < b->code; };
    if (sortKey_ == QLatin1String("code")) {
        std::stable_sort(rows.begin(), rows.end(), byCode);
    } else if (sortKey_ == QLatin1String("last-session")) {
        std::stable_sort(rows.begin(), rows.end(), [](const Row* a, const Row* b) {
            return a->daysSinceLastSession > b->daysSinceLastSession;
        });
    } else {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row* a, const Row* b) { return a->attention > b->attention; });
    }
    return rows;
}

void CaseloadModel::refilter()
{
    beginResetModel();
    applyFilter();
    endResetModel();
    emit filterChanged();
    emit countChanged();
}

void CaseloadModel::setSearchText(const QString& text)
{
    if (text == searchText_)
        return;
    searchText_ = text;
    refilter();
}

void CaseloadModel::setChipFilter(const QString& chip)
{
    if (chip == chipFilter_)
        return;
    chipFilter_ = chip;
    refilter();
}

void CaseloadModel::setSortKey(const QString& key)
{
    if (key == sortKey_)
        return;
    sortKey_ = key;
    refilter();
}

int CaseloadModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(visible_.size());
}

QVariant CaseloadModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = *visible_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case CodeRole: return row.code;
    case DisplayNameRole: return row.displayName;
    case CounselorRole: return row.counselor;
    case StatusRole: return row.status;
    case SessionCountRole: return row.sessionCount;
    case LastSessionRole: return row.lastSession;
    case DaysSinceLastSessionRole: return row.daysSinceLastSession;
    case LatestScoreRole: return row.latestScore;
    case InstrumentRole: return row.instrument;
    case SparklineRole: return row.sparkline;
    case ChipsRole: return row.chips;
    case AttentionRole: return row.attention;
    default: return {};
    }
}

QHash<int, QByteArray> CaseloadModel::roleNames() const
{
    return {{CodeRole, "code"},
            {DisplayNameRole, "displayName"},
            {CounselorRole, "counselor"},
            {StatusRole, "status"},
            {SessionCountRole, "sessionCount"},
            {LastSessionRole, "lastSession"},
            {DaysSinceLastSessionRole, "daysSinceLastSession"},
            {LatestScoreRole, "latestScore"},
            {InstrumentRole, "instrument"},
            {SparklineRole, "sparkline"},
            {ChipsRole, "chips"},
            {AttentionRole, "attention"}};
}

} // namespace alliance::gui
