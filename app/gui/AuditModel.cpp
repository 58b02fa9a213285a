#include "AuditModel.hpp"

#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

#include <algorithm>
#include <map>

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
            entries_ = work->auditEntries(
                {optionalText(clientFilter_.trimmed()), optionalText(personFilter_.trimmed())});
            std::reverse(entries_.begin(), entries_.end());
        } catch (const std::exception& e) {
            error_ = Labels::failure(e);
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
        verdict_ = Labels::failure(e);
    }
    emit verified();
}

QString AuditModel::actionLabel(const std::string& action)
{
    static const std::map<std::string, const char*> labels = {
        {"initialise", QT_TR_NOOP("made the database's first account")},
        {"sign-in", QT_TR_NOOP("signed in")},
        {"sign-in-failed", QT_TR_NOOP("typed a wrong password")},
        {"sign-in-failed-locked", QT_TR_NOOP("typed a wrong password; the account waits 15 minutes")},
        {"sign-in-disabled", QT_TR_NOOP("tried to sign in to a disabled account")},
        {"recovery-failed", QT_TR_NOOP("tried a wrong recovery key")},
        {"recover", QT_TR_NOOP("recovered the database with the recovery key")},
        {"view-client", QT_TR_NOOP("opened a client")},
        {"view-client-list", QT_TR_NOOP("listed clients")},
        {"view-caseload", QT_TR_NOOP("read a caseload")},
        {"view-alerts", QT_TR_NOOP("read the alerts")},
        {"view-review", QT_TR_NOOP("read the caseload review")},
        {"add-person", QT_TR_NOOP("added a person")},
        {"add-account", QT_TR_NOOP("added an account")},
        {"disable-account", QT_TR_NOOP("disabled an account")},
        {"enable-account", QT_TR_NOOP("enabled an account")},
        {"reset-password", QT_TR_NOOP("reset a password")},
        {"change-password", QT_TR_NOOP("changed their password")},
        {"add-client", QT_TR_NOOP("added a client")},
        {"update-client", QT_TR_NOOP("changed a client's details")},
        {"move-client", QT_TR_NOOP("moved a client to another counselor")},
        {"set-client-status", QT_TR_NOOP("changed a client's status")},
        {"log-session", QT_TR_NOOP("logged a session")},
        {"record-report", QT_TR_NOOP("recorded a post-session report")},
        {"amend-rating", QT_TR_NOOP("corrected a rating")},
        {"void-rating", QT_TR_NOOP("voided a rating")},
        {"flag-rupture", QT_TR_NOOP("flagged a rupture")},
        {"amend-rupture", QT_TR_NOOP("corrected a rupture")},
        {"void-rupture", QT_TR_NOOP("voided a rupture")},
        {"plan-repair", QT_TR_NOOP("planned a repair")},
        {"amend-plan", QT_TR_NOOP("corrected a repair plan")},
        {"close-plan", QT_TR_NOOP("closed a repair plan")},
        {"comment-plan", QT_TR_NOOP("commented on a repair plan")},
        {"sign-off-plan", QT_TR_NOOP("signed off a repair plan")},
        {"comment-transition", QT_TR_NOOP("commented on a transition plan")},
        {"sign-off-transition", QT_TR_NOOP("signed off a transition plan")},
        {"plan-transition", QT_TR_NOOP("planned a transition")},
        {"add-referral-agency", QT_TR_NOOP("added a referral agency")},
        {"acknowledge-alert", QT_TR_NOOP("acknowledged an alert")},
        {"import", QT_TR_NOOP("imported records")},
        {"export", QT_TR_NOOP("exported records")},
        {"backup", QT_TR_NOOP("backed up the database")},
        {"restore", QT_TR_NOOP("restored the database from a backup")},
    };
    const auto found = labels.find(action);
    return found == labels.end() ? toQt(printable(action)) : tr(found->second);
}

QString AuditModel::targetLabel(const QString& target)
{
    // "<kind> <rest>": the kind worded, the rest (an id, a name, a date) as recorded.
    static const std::map<QString, const char*> kinds = {
        {QStringLiteral("account"), QT_TR_NOOP("account %1")},
        {QStringLiteral("person"), QT_TR_NOOP("person %1")},
        {QStringLiteral("session"), QT_TR_NOOP("session of %1")},
        {QStringLiteral("rating"), QT_TR_NOOP("rating %1")},
        {QStringLiteral("rupture"), QT_TR_NOOP("rupture %1")},
        {QStringLiteral("plan"), QT_TR_NOOP("repair plan %1")},
        {QStringLiteral("transition"), QT_TR_NOOP("transition plan %1")},
        {QStringLiteral("agency"), QT_TR_NOOP("referral agency %1")},
        {QStringLiteral("alert"), QT_TR_NOOP("alert %1")},
    };
    const qsizetype space = target.indexOf(QLatin1Char(' '));
    const auto found = kinds.find(target.left(space));
    if (found != kinds.end())
        return tr(found->second).arg(target.mid(space + 1));
    return target;
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
        // One line a screen reader can read whole, worded here: the trail stores slugs and ids.
        QString line =
            tr("%1, %2: %3").arg(toQt(e.at), toQt(printable(e.actor)), actionLabel(e.event.action));
        if (e.event.clientCode)
            line = tr("%1, client %2").arg(line, opt(e.event.clientCode));
        if (e.event.target)
            line = tr("%1, %2").arg(line, targetLabel(opt(e.event.target)));
        if (e.event.detail)
            line = tr("%1 (%2)").arg(line, opt(e.event.detail));
        return line;
    }
    default: return {};
    }
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return {{AtRole, "at"},           {ActorRole, "actor"},      {ActionRole, "action"},
            {ClientRole, "client"},   {TargetRole, "target"},    {DetailRole, "detail"},
            {PendingRole, "pending"}, {SentenceRole, "sentence"}};
}

} // namespace alliance::gui
