#pragma once
// The signed-in person changes their own password: the current one, the new one twice.
#include "Form.hpp"

namespace alliance::gui {

class PasswordForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString current MEMBER current_ NOTIFY loaded)
    Q_PROPERTY(QString password MEMBER password_ NOTIFY loaded)
    Q_PROPERTY(QString confirmPassword MEMBER confirmPassword_ NOTIFY loaded)
    Q_PROPERTY(QString currentError READ currentError NOTIFY errorsChanged)
    Q_PROPERTY(QString passwordError READ passwordError NOTIFY errorsChanged)
    Q_PROPERTY(QString confirmPasswordError READ confirmPasswordError NOTIFY errorsChanged)

public:
    explicit PasswordForm(QObject* parent = nullptr);
    QString currentError() const { return errorOf(QStringLiteral("current")); }
    QString passwordError() const { return errorOf(QStringLiteral("password")); }
    QString confirmPasswordError() const { return errorOf(QStringLiteral("confirmPassword")); }
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved();

private:
    QString current_, password_, confirmPassword_;
};

} // namespace alliance::gui
