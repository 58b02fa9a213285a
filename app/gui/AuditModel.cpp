#include "AuditModel.hpp"

#include "Backend.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

#include <algorithm>

namespace alliance::gui {

AuditModel::AuditModel(QObject* parent) : QAbstractListModel(parent)
{
    connect(this, &AuditModel::filterChanged, this, &AuditModel::refresh);
    refresh();
}

void AuditModel::refresh()
{
    beginResetModel();
    entries_.clear();
    error_.clear();
    Backend* backend = Backend::instance();
    if (security::Workspace* work = backend ? backend->work() : nullptr) {
        try {
            entries_ = work->auditEntries({optionalText(clientFilter_.trimmed()), optionalText(personFilter_.trimmed())});
            std::reverse(entries_.begin(), entries_.end());
        } catch (const std::exception& e) {
            error_ = toQt(printable(e.what()));
        }
    }
    endResetModel();
    emit countChanged();
}

void AuditModel::verify()
{
    Backend* backend = Backend::instance();
    security::Workspace* work = backend ? backend->work() : nullptr;
    if (!work)
        return;
    try {
        const security::AuditCheck check = work->verifyAudit();
        intact_ = check.intact;
        verdict_ = check.intact ? tr("Intact: %n entries verify, none changed, moved or removed.", nullptr,
                                     static_cast<int>(check.entries))
                                : tr("Broken at entry %1: %2. Keep this database as it is and tell whoever "
                                     "looks after your systems.")
                                      .arg(check.firstBroken.value_or(0))
                                      .arg(toQt(check.problem));
    } catch (const std::exception& e) {
        intact_ = false;
        verdict_ = toQt(printable(e.what()));
    }
    emit verified();
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const security::AuditEntry& e = entries_[static_cast<std::size_t>(index.row())];
    const auto opt = [](const std::optional<std::string>& v) { return v ? toQt(printable(*v)) : QString(); };
    switch (role) {
    case AtRole: return toQt(e.at);
    case ActorRole: return toQt(printable(e.actor));
    case ActionRole: return toQt(e.event.action);
    case ClientRole: return opt(e.event.clientCode);
    case TargetRole: return opt(e.event.target);
    case DetailRole: return opt(e.event.detail);
    case PendingRole: return e.pending;
    case SentenceRole: {
        // One line a screen reader can read whole.
        QString line = tr("%1, %2: %3").arg(toQt(e.at), toQt(printable(e.actor)), toQt(e.event.action));
        if (e.event.clientCode)
            line += tr(", client %1").arg(opt(e.event.clientCode));
        if (e.event.target)
            line += QStringLiteral(", ") + opt(e.event.target);
        if (e.event.detail)
            line += QStringLiteral(" (") + opt(e.event.detail) + QStringLiteral(")");
        return line;
    }
    default: return {};
    }
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return {{AtRole, "at"},         {ActorRole, "actor"},     {ActionRole, "action"},   {ClientRole, "client"},
            {TargetRole, "target"}, {DetailRole, "detail"},   {PendingRole, "pending"}, {SentenceRole, "sentence"}};
}

} // namespace alliance::gui
