#include "AccountsModel.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

namespace alliance::gui {

namespace {

// Runs an admin action and words what went wrong.
template <class F> QString attempt(F&& action)
{
    Backend* backend = Backend::instance();
    security::Workspace* work = backend ? backend->work() : nullptr;
    if (!work)
        return QObject::tr("Sign in first.");
    try {
        action(*work);
    } catch (const FieldError& e) {
        return Labels::problem(e);
    } catch (const std::exception& e) {
        return Labels::failure(e);
    }
    return QString();
}

} // namespace

AccountsModel::AccountsModel(QObject* parent) : QAbstractListModel(parent)
{
    if (Backend* backend = Backend::instance())
        connect(backend, &Backend::accountChanged, this, &AccountsModel::refresh);
    refresh();
}

void AccountsModel::refresh()
{
    beginResetModel();
    accounts_.clear();
    error_ = attempt([this](security::Workspace& work) { accounts_ = work.accounts(); });
    endResetModel();
    emit countChanged();
}

QString AccountsModel::setDisabled(const QString& name, bool disabled)
{
    const QString problem =
        attempt([&](security::Workspace& work) { work.setDisabled(toStd(name), disabled); });
    if (problem.isEmpty())
        refresh();
    return problem;
}

QString AccountsModel::resetPassword(const QString& name, const QString& password, const QString& again)
{
    if (password != again)
        return tr("The two passwords differ.");
    const QString problem =
        attempt([&](security::Workspace& work) { work.resetPassword(toStd(name), toStd(password)); });
    if (problem.isEmpty())
        refresh();
    return problem;
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(accounts_.size());
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const security::Account& a = accounts_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case NameRole: return toQt(a.name);
    case RoleRole: return Labels::of(a.role);
    case AdminRole: return a.admin;
    case DisabledRole: return a.disabled;
    case MustChangeRole: return a.mustChangePassword;
    case FailedRole: return a.failedAttempts;
    default: return {};
    }
}

QHash<int, QByteArray> AccountsModel::roleNames() const
{
    return {{NameRole, "name"},         {RoleRole, "roleLabel"},        {AdminRole, "admin"},
            {DisabledRole, "disabled"}, {MustChangeRole, "mustChange"}, {FailedRole, "failedAttempts"}};
}

} // namespace alliance::gui
