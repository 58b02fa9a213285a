#include "AcknowledgeForm.hpp"

#include "Alerts.hpp"
#include "Backend.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

AcknowledgeForm::AcknowledgeForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("reason"), "reason", tr("Reason"));
    addField(QStringLiteral("snoozeDays"), "snooze_days", tr("Snooze days"));
}

void AcknowledgeForm::reset(const QString& alertId, const QString& title)
{
    alertId_ = alertId;
    title_ = title;
    reason_.clear();
    snoozeDays_ = 0;
    clearErrors();
    emit loaded();
}

bool AcknowledgeForm::submit()
{
    clearErrors();
    if (reason_.trimmed().isEmpty()) {
        reject(QStringLiteral("reason"), tr("say what was done, or why it is not a concern"));
        return false;
    }
    QString client;
    try {
        client = toQt(clientCodeOfAlert(toStd(alertId_)));
    } catch (const std::exception&) {
        // not an alert id: the core says so on submit
    }
    const bool ok = attempt(
        [&](security::Workspace& store) {
            store.acknowledgeAlert(toStd(alertId_), toStd(reason_.trimmed()),
                                   snoozeDays_ > 0 ? std::optional<int>(snoozeDays_) : std::nullopt,
                                   fromQDate(backend()->asOf()));
        },
        client);
    if (ok)
        emit saved();
    return ok;
}

} // namespace alliance::gui
