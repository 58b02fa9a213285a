#include "TransitionForm.hpp"

#include "Backend.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

TransitionForm::TransitionForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("referral"), "referral", tr("Refer to"));
    addField(QStringLiteral("nextSteps"), "next_steps", tr("Next steps"));
    addField(QStringLiteral("newAgency"), "name", tr("New agency"));
    addField(QStringLiteral("newAgencyServices"), "services", tr("Services"));
}

QVariantList TransitionForm::referralChoices() const
{
    QVariantList choices{
        QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("(not yet)")}}};
    if (backend() && backend()->work())
        for (const ReferralAgency& a : backend()->work()->referralAgencies())
            choices << QVariantMap{
                {QStringLiteral("value"), toQt(a.name)},
                {QStringLiteral("label"),
                 a.services ? tr("%1 — %2").arg(toQt(a.name), toQt(*a.services)) : toQt(a.name)}};
    return choices;
}

void TransitionForm::load(const QString& clientCode, int ruptureId)
{
    clientCode_ = clientCode;
    ruptureId_ = ruptureId;
    existing_ = false;
    policyReviewed_ = dialogueHeld_ = supervisorInvited_ = false;
    referral_.clear();
    nextSteps_.clear();
    newAgencyName_.clear();
    newAgencyServices_.clear();
    clearErrors();
    if (backend() && backend()->work()) {
        try {
            for (const TransitionPlan& t : backend()->work()->clientDetail(toStd(clientCode)).transitions)
                if (t.ruptureId.value_or(0) == ruptureId_) {
                    existing_ = true;
                    policyReviewed_ = t.policyReviewed;
                    dialogueHeld_ = t.dialogueHeld;
                    supervisorInvited_ = t.supervisorInvited;
                    referral_ = toQt(t.referralAgency.value_or(""));
                    nextSteps_ = toQt(t.nextSteps.value_or(""));
                }
        } catch (const std::exception&) {
            // no such client: the blank form says so on submit
        }
    }
    emit loaded();
}

bool TransitionForm::addAgency()
{
    clearErrors();
    if (newAgencyName_.trimmed().isEmpty()) {
        reject(QStringLiteral("newAgency"), tr("enter the agency's name"));
        return false;
    }
    QString added;
    const bool ok = attempt(
        [&](security::Workspace& store) {
            const Id id = store.addReferralAgency(
                {0, toStd(newAgencyName_.trimmed()), optionalText(newAgencyServices_), std::nullopt});
            for (const ReferralAgency& a : store.referralAgencies())
                if (a.id == id)
                    added = toQt(a.name);
        },
        clientCode_);
    if (ok) {
        referral_ = added;
        newAgencyName_.clear();
        newAgencyServices_.clear();
        emit loaded();
    }
    return ok;
}

bool TransitionForm::submit()
{
    clearErrors();
    const bool ok = attempt(
        [&](security::Workspace& store) {
            NewTransitionPlan p;
            p.clientCode = toStd(clientCode_);
            if (ruptureId_ > 0)
                p.ruptureId = ruptureId_;
            p.policyReviewed = policyReviewed_;
            p.dialogueHeld = dialogueHeld_;
            p.supervisorInvited = supervisorInvited_;
            p.referralAgency = optionalText(referral_);
            p.nextSteps = optionalText(nextSteps_);
            p.createdOn = fromQDate(backend()->asOf());
            store.planTransition(p);
        },
        clientCode_);
    if (ok) {
        existing_ = true;
        emit loaded();
        emit saved();
    }
    return ok;
}

} // namespace alliance::gui
