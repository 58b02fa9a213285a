#include "CounselorForm.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"
#include "security/Accounts.hpp"

namespace alliance::gui {

CounselorForm::CounselorForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("name"), "name", tr("Name"));
    addField(QStringLiteral("role"), "role", tr("Role"));
    addField(QStringLiteral("supervisor"), "supervisor", tr("Supervisor"));
    addField(QStringLiteral("password"), "password", tr("Password"));
    addField(QStringLiteral("confirmPassword"), "confirm_password", tr("Password again"));
    reset();
}

QVariantList CounselorForm::roleChoices() const
{
    return choicesOf<Role>();
}

QVariantList CounselorForm::supervisorChoices() const
{
    QVariantList choices{
        QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("(no supervisor)")}}};
    if (backend() && backend()->work())
        for (const Counselor& c : backend()->work()->counselors())
            if (c.role != Role::Counselor)
                choices << QVariantMap{{QStringLiteral("value"), toQt(c.name)},
                                       {QStringLiteral("label"), toQt(c.name)}};
    return choices;
}

void CounselorForm::reset()
{
    name_.clear();
    role_ = QStringLiteral("counselor");
    supervisor_.clear();
    password_.clear();
    confirmPassword_.clear();
    admin_ = false;
    recoveryKey_.clear();
    clearErrors();
    emit loaded();
}

bool CounselorForm::submit()
{
    clearErrors();
    if (name_.trimmed().isEmpty()) {
        reject(QStringLiteral("name"), tr("enter the colleague's name"));
        return false;
    }
    if (password_ != confirmPassword_) {
        reject(QStringLiteral("confirmPassword"), tr("the two passwords differ"));
        return false;
    }
    if (backend() && backend()->needsFirstRun())
        return submitFirst();
    QString stored;
    const bool ok = attempt([&](security::Workspace& store) {
        const std::optional<std::string> supervisor =
            supervisor_.isEmpty() ? std::nullopt : std::optional<std::string>(toStd(supervisor_));
        stored = toQt(
            store.createAccount({toStd(name_), valueOf<Role>(role_), supervisor, admin_}, toStd(password_))
                .name);
    });
    if (ok) {
        password_.clear();
        confirmPassword_.clear();
        emit loaded(); // the new colleague may now supervise others
        emit saved(stored);
    }
    return ok;
}

bool CounselorForm::submitFirst()
{
    try {
        Store& store = backend()->ensureStore(); // the first run's write creates the database
        recoveryKey_ = toQt(security::initialize(
            store, {toStd(name_), valueOf<Role>(role_), std::nullopt, true}, toStd(password_)));
        backend()->signedInAs(security::account(store, toStd(name_)));
    } catch (const FieldError& e) {
        reject(fieldFor(e.field()), Labels::problem(e));
        return false;
    } catch (const std::exception& e) {
        reject(QString(), toQt(printable(e.what())));
        return false;
    }
    password_.clear();
    confirmPassword_.clear();
    emit loaded();
    emit saved(backend()->userName());
    return true;
}

} // namespace alliance::gui
