#include "CorrectionForm.hpp"

#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {
CorrectionForm::CorrectionForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("items"), "items", tr("Items"));
    addField(QStringLiteral("reason"), "reason", tr("Reason"));
}

QString CorrectionForm::totalText() const
{
    int total = 0;
    for (int v : itemTenths_)
        total += v;
    return scoreText(instrument_, total);
}

bool CorrectionForm::load(const QString& clientCode, int sessionNumber, const QString& instrument,
                          const QString& rater)
{
    clearErrors();
    ratingId_ = 0;
    reason_.clear();
    if (!backend() || !backend()->work())
        return false;
    try {
        security::Workspace& store = *backend()->work();
        instrument_ = instrumentFromSlug(toStd(instrument));
        const Rater rated = valueOf<Rater>(rater);
        ratingId_ = store.findRating(toStd(clientCode), sessionNumber, instrument_, rated);
        clientCode_ = clientCode;
        const InstrumentSpec& s = spec(instrument_);
        itemMinTenths_ = s.itemMinTenths;
        itemMaxTenths_ = s.itemMaxTenths;
        stepTenths_ = s.wholeNumberItems ? 10 : 1;
        itemLabels_.clear();
        for (int i = 0; i < s.itemCount(); ++i)
            itemLabels_ << Labels::itemWithDimension(s.id, i);
        title_ = tr("Session %1 of %2: %3 rating by %4")
                     .arg(sessionNumber)
                     .arg(clientCode, toQt(s.name), Labels::raterInSentence(rated));
        refresh();
    } catch (const std::exception&) {
        ratingId_ = 0;
        return false;
    }
    emit loaded();
    return true;
}

void CorrectionForm::refresh()
{
    security::Workspace& store = *backend()->work();
    const StoredRating current = store.storedRating(ratingId_);
    itemTenths_ = QList<int>(current.rating.score.itemTenths.begin(), current.rating.score.itemTenths.end());
    voided_ = current.voided;
    history_.clear();
    for (const RatingRevision& revision : store.ratingHistory(ratingId_))
        history_ << QVariantMap{
            {QStringLiteral("date"), toQt(toIso(revision.revisedOn))},
            {QStringLiteral("action"), revision.action == "void" ? tr("voided") : tr("amended")},
            {QStringLiteral("reason"), toQt(revision.reason)},
            {QStringLiteral("total"), scoreText(instrument_, revision.previous.totalTenths)}};
    emit itemsChanged();
}

void CorrectionForm::setItem(int index, int tenths)
{
    if (index < 0 || index >= itemTenths_.size() || itemTenths_[index] == tenths)
        return;
    itemTenths_[index] = tenths;
    emit itemsChanged();
}

bool CorrectionForm::amend()
{
    const std::vector<int> items(itemTenths_.begin(), itemTenths_.end());
    return correct([&](security::Workspace& store) { store.amendRating(ratingId_, items, toStd(reason_)); });
}

bool CorrectionForm::voidRating()
{
    return correct([&](security::Workspace& store) { store.voidRating(ratingId_, toStd(reason_)); });
}

bool CorrectionForm::correct(const std::function<void(security::Workspace&)>& write)
{
    if (!isLoaded() || !attempt(write, clientCode_))
        return false;
    reason_.clear(); // the next correction needs its own reason
    refresh();
    emit loaded();
    emit saved();
    return true;
}

} // namespace alliance::gui
