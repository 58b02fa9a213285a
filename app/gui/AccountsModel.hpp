#pragma once
// The admin's view of the accounts (name, role, admin, disabled, must change password, failures)
// and the admin's actions on one: disable, enable, reset the password. Everything goes through the
// signed-in Workspace, which refuses anyone but an admin.
#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

#include "security/Accounts.hpp"

namespace alliance::gui {

class AccountsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Why the list could not be read ("" when it was).
    Q_PROPERTY(QString error READ error NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, RoleRole, AdminRole, DisabledRole, MustChangeRole, FailedRole };
    Q_ENUM(Role)

    explicit AccountsModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QString error() const { return error_; }

    Q_INVOKABLE void refresh();
    // Each returns "" when done, else what to tell the admin.
    Q_INVOKABLE QString setDisabled(const QString& name, bool disabled);
    Q_INVOKABLE QString resetPassword(const QString& name, const QString& password, const QString& again);

signals:
    void countChanged();

private:
    std::vector<security::Account> accounts_;
    QString error_;
};

} // namespace alliance::gui
