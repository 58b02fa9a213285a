#pragma once
// Adding a colleague with their account (an admin), or on first run the first account, an admin:
// name, role, supervisor, password (typed twice), a message per field, submit(), saved / failed.
// On first run the recovery key it made is in recoveryKey until reset().
#include "Form.hpp"

#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class CounselorForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name MEMBER name_ NOTIFY loaded)
    Q_PROPERTY(QString role MEMBER role_ NOTIFY loaded)
    Q_PROPERTY(QString supervisor MEMBER supervisor_ NOTIFY loaded)
    Q_PROPERTY(QString password MEMBER password_ NOTIFY loaded)
    Q_PROPERTY(QString confirmPassword MEMBER confirmPassword_ NOTIFY loaded)
    // The new colleague may also manage accounts.
    Q_PROPERTY(bool admin MEMBER admin_ NOTIFY loaded)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY loaded)
    Q_PROPERTY(QString passwordError READ passwordError NOTIFY errorsChanged)
    Q_PROPERTY(QString confirmPasswordError READ confirmPasswordError NOTIFY errorsChanged)
    // [{value, label}] -- the roles, labelled for a person.
    Q_PROPERTY(QVariantList roleChoices READ roleChoices CONSTANT)
    // [{value, label}] -- supervisors and admins on record, with no supervisor ("") first.
    Q_PROPERTY(QVariantList supervisorChoices READ supervisorChoices NOTIFY loaded)
    Q_PROPERTY(QString nameError READ nameError NOTIFY errorsChanged)
    Q_PROPERTY(QString roleError READ roleError NOTIFY errorsChanged)
    Q_PROPERTY(QString supervisorError READ supervisorError NOTIFY errorsChanged)

public:
    explicit CounselorForm(QObject* parent = nullptr);

    QVariantList roleChoices() const;
    QVariantList supervisorChoices() const;
    QString nameError() const { return errorOf(QStringLiteral("name")); }
    QString roleError() const { return errorOf(QStringLiteral("role")); }
    QString supervisorError() const { return errorOf(QStringLiteral("supervisor")); }
    QString passwordError() const { return errorOf(QStringLiteral("password")); }
    QString confirmPasswordError() const { return errorOf(QStringLiteral("confirmPassword")); }
    QString recoveryKey() const { return recoveryKey_; }

    Q_INVOKABLE void reset();
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved(const QString& name);

private:
    QString name_;
    QString role_ = QStringLiteral("counselor");
    QString supervisor_;
    QString password_, confirmPassword_;
    bool admin_ = false;
    QString recoveryKey_;
    // The first account: creates the database if needed, seals it and signs in as the new admin.
    bool submitFirst();
};

} // namespace alliance::gui
