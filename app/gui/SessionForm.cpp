#include "SessionForm.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

namespace alliance::gui {

SessionForm::SessionForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("date"), "date", tr("Date"));
    addField(QStringLiteral("rater"), "rater", tr("Rated by"));
    addField(QStringLiteral("items"), "items", tr("Items"));
    addField(QStringLiteral("note"), "note", tr("Note"));
    for (const char* part : {"tension", "intensity", "resolution"})
        addField(QStringLiteral("report"), part, tr("Post-session report"));
    reset(QString());
}

QVariantList SessionForm::instrumentChoices()
{
    return gui::instrumentChoices();
}

QVariantList SessionForm::raterChoices()
{
    return choicesOf<Rater>();
}

QString SessionForm::instrument() const
{
    return toQt(spec(instrument_).slug);
}

void SessionForm::setInstrument(const QString& slug)
{
    const auto chosen = optionalInstrument(slug);
    if (!chosen)
        return; // not an instrument: keep the current one
    instrument_ = *chosen;
    const InstrumentSpec& s = spec(instrument_);
    statements_ = backend() ? backend()->licensedItemTexts(instrument_) : QStringList();
    itemTexts_ = QStringList(s.itemCount(), QString());
    itemProblems_ = QStringList(s.itemCount(), QString());
    itemTenths_ = QList<int>(s.itemCount(), -1);
    emit instrumentChanged();
    emit itemsChanged();
}

QString SessionForm::rangeText() const
{
    const InstrumentSpec& s = spec(instrument_);
    return tr("%1 · items %2 to %3")
        .arg(Labels::of(instrument_), gui::scoreText(instrument_, s.itemMinTenths),
             gui::scoreText(instrument_, s.itemMaxTenths));
}

QStringList SessionForm::itemLabels() const
{
    QStringList labels;
    const InstrumentSpec& s = spec(instrument_);
    for (int k = 0; k < s.itemCount(); ++k)
        labels << Labels::itemWithDimension(s.id, k);
    return labels;
}

bool SessionForm::complete() const
{
    return !itemTenths_.isEmpty() && !itemTenths_.contains(-1);
}

QString SessionForm::scoreText() const
{
    if (!complete())
        return tr("Enter every item; no item may be left out.");
    const Score s = score(instrument_, std::vector<int>(itemTenths_.begin(), itemTenths_.end()));
    QString text =
        tr("Total %1 · bond %2 · goal %3 · task %4")
            .arg(gui::scoreText(instrument_, s.totalTenths), gui::scoreText(instrument_, s.bondTenths),
                 gui::scoreText(instrument_, s.goalTenths), gui::scoreText(instrument_, s.taskTenths));
    if (belowCutoff())
        text += tr(" · below the cutoff");
    return text;
}

bool SessionForm::belowCutoff() const
{
    if (!complete() || !backend() || !backend()->work())
        return false;
    int total = 0;
    for (int v : itemTenths_)
        total += v;
    try {
        // The agency's stored cutoff and comparator, exactly as the analysis and the CLI use them.
        return backend()->work()->analysisParams(instrument_, "total").belowCutoff(tenthsToDouble(total));
    } catch (const std::exception&) {
        return false;
    }
}

void SessionForm::reset(const QString& clientCode, const QString& instrument)
{
    clientCode_ = clientCode;
    dateText_ = backend() ? backend()->asOfIso() : QDate::currentDate().toString(Qt::ISODate);
    rater_ = toQt(slug(Rater::Client));
    note_.clear();
    reportGiven_ = false;
    tension_ = false;
    intensity_ = 3;
    resolution_ = 3;
    clearErrors();
    // No choice: the first instrument; an unknown one keeps the current instrument. Items start empty.
    const Instrument chosen = instrument.isEmpty() ? allInstruments().front()
                                                   : optionalInstrument(instrument).value_or(instrument_);
    setInstrument(toQt(spec(chosen).slug));
    emit loaded();
}

bool SessionForm::existingRating(const QDate& date, Rater rater) const
{
    try {
        return ratingExists(clientCode_, date, instrument_, rater);
    } catch (const std::exception&) {
        return false; // no such client: the write says so
    }
}

void SessionForm::readItem(int index, const QString& text)
{
    itemTexts_[index] = text.trimmed();
    itemProblems_[index].clear();
    itemTenths_[index] = -1;
    if (itemTexts_[index].isEmpty())
        return;
    try {
        itemTenths_[index] = parseItem(instrument_, index, toStd(itemTexts_[index]));
    } catch (const ValidationError& e) {
        itemProblems_[index] = toQt(printable(e.problem()));
    }
}

void SessionForm::setItemText(int index, const QString& text)
{
    if (index < 0 || index >= itemCount())
        return;
    const QStringList parts = text.split(QLatin1Char(','));
    for (int k = 0; k < parts.size() && index + k < itemCount(); ++k)
        readItem(index + k, parts[k]);
    emit itemsChanged();
}

bool SessionForm::submit()
{
    clearErrors();
    const QDate date = QDate::fromString(dateText_.trimmed(), Qt::ISODate);
    if (!date.isValid()) {
        reject(QStringLiteral("date"), tr("enter a date as YYYY-MM-DD"));
        return false;
    }
    for (int k = 0; k < itemCount(); ++k)
        if (itemTenths_[k] < 0) {
            reject(QStringLiteral("items"), itemProblems_[k].isEmpty()
                                                ? tr("item %1 is empty; every item is needed").arg(k + 1)
                                                : tr("item %1: %2").arg(k + 1).arg(itemProblems_[k]));
            return false;
        }
    // A second rating of the same kind is a correction: say so in words before the core refuses.
    if (const auto rater = optionalValueOf<Rater>(rater_); rater && existingRating(date, *rater)) {
        reject(
            QStringLiteral("rater"),
            tr("the session on %1 already has a %2 rating by %3; correct that one from the session list")
                .arg(date.toString(Qt::ISODate), Labels::of(instrument_), Labels::raterInSentence(*rater)));
        return false;
    }
    int sessionNumber = 0;
    const bool ok = attempt(
        [&](security::Workspace& store) {
            NewRating rating;
            rating.clientCode = toStd(clientCode_);
            rating.date = fromQDate(date);
            rating.instrument = instrument_;
            rating.itemTenths = std::vector<int>(itemTenths_.begin(), itemTenths_.end());
            rating.rater = valueOf<Rater>(rater_);
            rating.note = optionalText(note_);
            std::optional<PostSessionReport> report;
            if (reportGiven_) {
                report = PostSessionReport{tension_, std::nullopt, std::nullopt};
                if (tension_) {
                    report->intensity = intensity_;
                    report->resolution = resolution_;
                }
            }
            sessionNumber = store.logSession(rating, report).sessionNumber;
        },
        clientCode_);
    if (!ok)
        return false;
    const QString loggedInstrument = instrument();
    const QString loggedRater = rater_;
    reset(clientCode_, loggedInstrument);
    emit saved(sessionNumber, loggedInstrument, loggedRater);
    return true;
}

} // namespace alliance::gui
