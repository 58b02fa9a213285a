#include "PasswordForm.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

PasswordForm::PasswordForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("current"), "current_password", tr("Current password"));
    addField(QStringLiteral("password"), "password", tr("New password"));
    addField(QStringLiteral("confirmPassword"), "confirm_password", tr("New password again"));
}

bool PasswordForm::submit()
{
    clearErrors();
    if (password_ != confirmPassword_) {
        reject(QStringLiteral("confirmPassword"), tr("the two passwords differ"));
        return false;
    }
    const bool ok = attempt([&](security::Workspace& work) {
        try {
            work.changePassword(toStd(current_), toStd(password_));
        } catch (const SignInRefused&) {
            throw ValidationError("current_password", "is not your current password");
        }
    });
    if (!ok)
        return false;
    current_.clear();
    password_.clear();
    confirmPassword_.clear();
    emit loaded();
    if (Backend* owner = backend())
        owner->accountUpdated();
    emit saved();
    return true;
}

} // namespace alliance::gui
