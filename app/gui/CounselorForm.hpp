#pragma once
// Adding a colleague: name, role and supervisor, a message per field, submit(), saved / failed.
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

    Q_INVOKABLE void reset();
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved(const QString& name);

private:
    QString name_;
    QString role_ = QStringLiteral("counselor");
    QString supervisor_;
};

} // namespace alliance::gui
