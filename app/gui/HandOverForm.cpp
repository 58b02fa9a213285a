#include "HandOverForm.hpp"

#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"

#include <algorithm>

namespace alliance::gui {

HandOverForm::HandOverForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("instrument"), "rater", tr("Instrument"));
    setInstrument(QStringLiteral("srs"));
}

QVariantList HandOverForm::instrumentChoices() const
{
    return gui::instrumentChoices();
}

void HandOverForm::setInstrument(const QString& slug)
{
    const auto chosen = optionalInstrument(slug);
    if (!chosen)
        return; // not an instrument: keep the current one
    const InstrumentSpec& s = spec(*chosen);
    instrument_ = toQt(s.slug);
    itemMinTenths_ = s.itemMinTenths;
    itemMaxTenths_ = s.itemMaxTenths;
    stepTenths_ = s.wholeNumberItems ? 10 : 1;
    const QStringList licensed = backend() ? backend()->licensedItemTexts(*chosen) : QStringList();
    itemTexts_.clear();
    for (int k = 0; k < s.itemCount(); ++k)
        itemTexts_ << (licensed.size() == s.itemCount() ? licensed[k] : Labels::itemWithDimension(s.id, k));
    startOver(); // sizes the answers to the new items before anyone reads them
    emit prepared();
}

int HandOverForm::answeredCount() const
{
    return static_cast<int>(
        std::count_if(itemTenths_.begin(), itemTenths_.end(), [](int v) { return v >= 0; }));
}

bool HandOverForm::prepare()
{
    clearErrors();
    startOver();
    if (!backend() || !backend()->work()) {
        reject(QString(), tr("No database is open."));
        return false;
    }
    try {
        const Instrument chosen = instrumentFromSlug(toStd(instrument_));
        if (ratingExists(clientCode_, backend()->asOf(), chosen, Rater::Client)) {
            reject(QStringLiteral("instrument"),
                   tr("%1 already rated the session on %2 with the %3; correct that rating from the "
                      "session list instead")
                       .arg(clientCode_, backend()->asOf().toString(Qt::ISODate), toQt(spec(chosen).name)));
            return false;
        }
    } catch (const std::exception&) {
        reject(QString(), tr("This client cannot be found."));
        return false;
    }
    return true;
}

void HandOverForm::setItem(int index, int tenths)
{
    if (index < 0 || index >= itemTenths_.size() || confirmed_)
        return;
    itemTenths_[index] = std::clamp(tenths, itemMinTenths_, itemMaxTenths_);
    emit itemsChanged();
}

void HandOverForm::startOver()
{
    itemTenths_ = QList<int>(static_cast<qsizetype>(itemTexts_.size()), -1);
    confirmed_ = false;
    clientMessage_.clear();
    emit itemsChanged();
}

bool HandOverForm::confirm()
{
    if (!complete() || confirmed_)
        return false;
    NewRating rating;
    rating.clientCode = toStd(clientCode_);
    rating.instrument = instrumentFromSlug(toStd(instrument_));
    rating.itemTenths = std::vector<int>(itemTenths_.begin(), itemTenths_.end());
    rating.rater = Rater::Client;
    const bool ok = attempt(
        [&](security::Workspace& store) {
            rating.date = backend() ? fromQDate(backend()->asOf()) : today();
            store.logSession(rating, std::nullopt);
        },
        clientCode_);
    confirmed_ = ok;
    // The counselor's detail stays in `message`; the client reads a plain sentence.
    clientMessage_ =
        ok ? QString()
           : tr("Your answers could not be saved. Please hand the device back to your counselor.");
    emit itemsChanged();
    if (ok)
        emit saved();
    return ok;
}

} // namespace alliance::gui
