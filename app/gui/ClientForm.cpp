#include "ClientForm.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

ClientForm::ClientForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("code"), "code", tr("Client code"));
    addField(QStringLiteral("displayName"), "display_name", tr("Display name"));
    addField(QStringLiteral("counselor"), "counselor", tr("Counselor"));
    addField(QStringLiteral("startDate"), "start", tr("Start date"));
    addField(QStringLiteral("cadenceDays"), "cadence_days", tr("Days between sessions"));
    reset();
}

QStringList ClientForm::counselorChoices() const
{
    return backend() ? backend()->counselorNames() : QStringList();
}

QVariantList ClientForm::statusChoices() const
{
    return choicesOf<ClientStatus>();
}

void ClientForm::setStartDateText(const QString& text)
{
    startDateText_ = text;
    startDate_ = QDate::fromString(text.trimmed(), Qt::ISODate);
}

void ClientForm::reset(const QString& counselor)
{
    originalCode_.clear();
    code_.clear();
    displayName_.clear();
    counselor_ = !counselor.isEmpty() ? counselor : backend() ? backend()->currentCounselor() : QString();
    if (counselor_.isEmpty() && !counselorChoices().isEmpty())
        counselor_ = counselorChoices().constFirst();
    startDate_ = backend() ? backend()->asOf() : QDate::currentDate();
    cadenceDays_ = 7;
    status_ = QStringLiteral("active");
    clearErrors();
    emit loaded();
}

bool ClientForm::load(const QString& code)
{
    clearErrors();
    if (!backend() || !backend()->work())
        return false;
    try {
        const Client client = backend()->work()->clientDetail(toStd(code)).client;
        originalCode_ = toQt(client.code);
        code_ = originalCode_;
        displayName_ = client.displayName ? toQt(*client.displayName) : QString();
        counselor_ = toQt(client.counselorName);
        startDate_ = toQDate(client.startDate);
        cadenceDays_ = client.cadenceDays;
        status_ = toQt(slug(client.status));
    } catch (const std::exception&) {
        return false;
    }
    emit loaded();
    return true;
}

bool ClientForm::submit()
{
    clearErrors();
    if (!editing() && code_.trimmed().isEmpty()) {
        reject(QStringLiteral("code"), tr("enter the client's code"));
        return false;
    }
    // The core says which dates it takes; only a date the calendar type cannot hold stops here.
    if (!startDate_.isValid() || startDate_.year() < 1400 || startDate_.year() > 9999) {
        reject(QStringLiteral("startDate"), tr("enter a real date as YYYY-MM-DD"));
        return false;
    }
    std::optional<std::string> name;
    if (!displayName_.trimmed().isEmpty())
        name = toStd(displayName_.trimmed());
    QString savedCode = code_.trimmed();
    const bool ok = attempt(
        [&](security::Workspace& store) {
            if (editing()) {
                store.updateClient(toStd(originalCode_),
                                   {name, toStd(counselor_), cadenceDays_, valueOf<ClientStatus>(status_)});
                savedCode = originalCode_;
            } else {
                store.addClient({toStd(code_), toStd(counselor_), name, fromQDate(startDate_), cadenceDays_});
                savedCode = toQt(store.clientDetail(toStd(code_)).client.code); // as stored: trimmed, NFC
            }
        },
        editing() ? originalCode_ : code_.trimmed());
    if (ok)
        emit saved(savedCode);
    return ok;
}

} // namespace alliance::gui
