#include "CounselorForm.hpp"

#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

CounselorForm::CounselorForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("name"), "name", tr("Name"));
    addField(QStringLiteral("role"), "role", tr("Role"));
    addField(QStringLiteral("supervisor"), "supervisor", tr("Supervisor"));
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
    if (backend() && backend()->store())
        for (const Counselor& c : backend()->store()->counselors())
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
    QString stored;
    const bool ok = attempt([&](Store& store) {
        const std::optional<std::string> supervisor =
            supervisor_.isEmpty() ? std::nullopt : std::optional<std::string>(toStd(supervisor_));
        const Id id = store.addCounselor(toStd(name_), valueOf<Role>(role_), supervisor);
        for (const Counselor& c : store.counselors())
            if (c.id == id)
                stored = toQt(c.name);
    });
    if (ok) {
        if (backend()->counselorNames().size() == 1) // the first person: the app opens on their caseload
            backend()->setCurrentCounselor(stored);
        emit loaded(); // the new colleague may now supervise others
        emit saved(stored);
    }
    return ok;
}

} // namespace alliance::gui
