#include "Backend.hpp"

#include "Alerts.hpp"
#include "Errors.hpp"
#include "QtConvert.hpp"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTextStream>

namespace alliance::gui {
namespace {

Instrument instrumentOf(const QString& slug)
{
    return instrumentFromSlug(toStd(slug));
}

std::string joinItems(const QStringList& items)
{
    return toStd(items.join(QLatin1Char(',')));
}

} // namespace

Backend::Backend(std::unique_ptr<Store> store, QString databasePath, QString startupError,
                 QString startupErrorKind, QObject* parent)
    : QObject(parent), store_(std::move(store)), databasePath_(std::move(databasePath)),
      startupError_(std::move(startupError)), startupErrorKind_(std::move(startupErrorKind)),
      asOf_(QDate::currentDate())
{
    if (store_) {
        const auto newest = store_->newestRecordDate();
        if (newest && *newest > today() + boost::gregorian::days(1))
            clockBehindRecordDate_ = toQt(toIso(*newest));
    }
}

Backend::~Backend() = default;

template <class F> bool Backend::attempt(F&& write)
{
    try {
        if (!store_)
            throw Error("no database is open");
        write(*store_);
        changed();
        return true;
    } catch (const ValidationError& e) {
        emit errorOccurred(toQt(e.field()), toQt(e.what()));
    } catch (const NotFound& e) {
        emit errorOccurred(QString(), toQt(e.what()));
    } catch (const std::exception& e) {
        emit errorOccurred(QString(), toQt(e.what()));
    }
    return false;
}

void Backend::changed()
{
    emit dataChanged();
}

bool Backend::needsFirstRun() const
{
    return startupError_.isEmpty() && (!store_ || store_->counselors().empty());
}

QStringList Backend::counselorNames() const
{
    QStringList names;
    if (store_)
        for (const auto& c : store_->counselors())
            names << toQt(c.name);
    return names;
}

void Backend::setCurrentCounselor(const QString& name)
{
    if (name == currentCounselor_)
        return;
    currentCounselor_ = name;
    if (remembering_)
        QSettings().setValue(QStringLiteral("counselor"), name);
    emit currentCounselorChanged();
}

QVariantList Backend::instrumentChoices()
{
    QVariantList choices;
    for (Instrument i : allInstruments())
        choices << QVariantMap{{QStringLiteral("value"), toQt(spec(i).slug)},
                               {QStringLiteral("label"), toQt(spec(i).shortName)}};
    return choices;
}

QVariantList Backend::raterChoices()
{
    return {QVariantMap{{QStringLiteral("value"), QStringLiteral("client")},
                        {QStringLiteral("label"), tr("Client")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("counselor")},
                        {QStringLiteral("label"), tr("Counselor")}},
            QVariantMap{{QStringLiteral("value"), QStringLiteral("observer")},
                        {QStringLiteral("label"), tr("Observer")}}};
}

void Backend::setTheme(const QString& theme)
{
    if (theme == theme_)
        return;
    theme_ = theme;
    if (remembering_)
        QSettings().setValue(QStringLiteral("theme"), theme);
    emit themeChanged();
}

void Backend::rememberChoices()
{
    const QSettings settings;
    const QString counselor = settings.value(QStringLiteral("counselor")).toString();
    if (counselorNames().contains(counselor))
        setCurrentCounselor(counselor);
    setTheme(settings.value(QStringLiteral("theme")).toString());
    remembering_ = true;
}

void Backend::setAsOf(const QDate& date)
{
    if (date == asOf_ || !date.isValid())
        return;
    asOf_ = date;
    emit asOfChanged();
}

bool Backend::createFirstCounselor(const QString& name, const QString& role)
{
    try {
        if (!store_ && storeFactory_) {
            store_ = storeFactory_();
            emit storeChanged();
        }
    } catch (const std::exception& e) {
        emit errorOccurred(QString(), toQt(e.what()));
        return false;
    }
    const bool ok =
        attempt([&](Store& s) { s.addCounselor(toStd(name.trimmed()), toStd(role), std::nullopt); });
    if (ok)
        setCurrentCounselor(name.trimmed());
    return ok;
}

QVariantMap Backend::logSession(const QString& clientCode, const QString& dateIso, const QString& instrument,
                                const QStringList& items, const QString& rater, const QString& note)
{
    LoggedRating logged;
    const bool ok = attempt([&](Store& s) {
        NewRating r;
        r.clientCode = toStd(clientCode);
        r.date = parseIsoDate(toStd(dateIso.trimmed()), "date");
        r.instrument = instrumentOf(instrument);
        r.itemTenths = parseItems(r.instrument, joinItems(items));
        r.rater = toStd(rater);
        r.note = optionalText(note);
        logged = s.logRating(r);
    });
    return {{QStringLiteral("ok"), ok}, {QStringLiteral("sessionNumber"), logged.sessionNumber}};
}

bool Backend::recordPostSessionReport(const QString& clientCode, int sessionNumber, bool tension,
                                      int intensity, int resolution)
{
    const bool ok = attempt([&](Store& s) {
        PostSessionReport report;
        report.tension = tension;
        if (tension) {
            report.intensity = intensity;
            report.resolution = resolution;
        }
        s.recordPostSessionReport(toStd(clientCode), sessionNumber, report);
    });
    return ok;
}

QString Backend::checkItem(const QString& instrument, int index, const QString& text) const
{
    try {
        const InstrumentSpec& s = spec(instrumentOf(instrument));
        QStringList probe;
        for (int i = 0; i < s.itemCount(); ++i)
            probe << (i == index ? text.trimmed() : QString::number(s.itemMinTenths / 10));
        parseItems(s.id, joinItems(probe));
        return {};
    } catch (const ValidationError& e) {
        // "item 3: value 6 out of range 1..5" -> the part after the field name.
        const std::string what = e.what();
        const auto colon = what.find(": ");
        return toQt(colon == std::string::npos ? what : what.substr(colon + 2));
    }
}

QVariantMap Backend::scorePreview(const QString& instrument, const QStringList& items) const
{
    try {
        const Instrument i = instrumentOf(instrument);
        const Score s = score(i, parseItems(i, joinItems(items)));
        const auto below = s.belowCutoff();
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("total"), tenthsToDouble(s.totalTenths)},
                {QStringLiteral("bond"), tenthsToDouble(s.bondTenths)},
                {QStringLiteral("goal"), tenthsToDouble(s.goalTenths)},
                {QStringLiteral("task"), tenthsToDouble(s.taskTenths)},
                {QStringLiteral("belowCutoff"), below.value_or(false)}};
    } catch (const std::exception& e) {
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), toQt(e.what())}};
    }
}

QVariantMap Backend::instrumentInfo(const QString& instrument) const
{
    try {
        const InstrumentSpec& s = spec(instrumentOf(instrument));
        QStringList labels;
        QStringList dimensions;
        for (int k = 0; k < s.itemCount(); ++k) {
            labels << toQt(s.itemLabels[static_cast<std::size_t>(k)]);
            dimensions << toQt(dimensionSlug(s.itemDimension[static_cast<std::size_t>(k)]));
        }
        // Item wording is copyrighted: shown only from a file the agency supplies under its licence.
        QStringList texts;
        if (!itemTextDirectory_.isEmpty()) {
            QFile file(QDir(itemTextDirectory_).filePath(toQt(s.slug) + QStringLiteral(".txt")));
            if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
                QTextStream in(&file);
                while (!in.atEnd())
                    if (const QString line = in.readLine().trimmed(); !line.isEmpty())
                        texts << line;
            }
            if (texts.size() != s.itemCount())
                texts.clear();
        }
        return {{QStringLiteral("slug"), toQt(s.slug)},
                {QStringLiteral("name"), toQt(s.name)},
                {QStringLiteral("itemCount"), s.itemCount()},
                {QStringLiteral("min"), s.itemMinTenths / 10.0},
                {QStringLiteral("max"), s.itemMaxTenths / 10.0},
                {QStringLiteral("step"), s.wholeNumberItems ? 1.0 : 0.1},
                {QStringLiteral("labels"), labels},
                {QStringLiteral("dimensions"), dimensions},
                {QStringLiteral("texts"), texts}};
    } catch (const std::exception&) {
        return {};
    }
}

int Backend::flagRupture(const QString& clientCode, int sessionNumber, const QString& kind,
                         const QStringList& markers, int salience, const QString& noticedBy,
                         const QString& category, const QString& note)
{
    Id id = -1;
    const bool ok = attempt([&](Store& s) {
        NewRupture r;
        r.clientCode = toStd(clientCode);
        r.session = sessionNumber;
        r.kind = toStd(kind);
        for (const auto& m : markers)
            r.markers.push_back(toStd(m));
        r.salience = salience;
        r.noticedBy = toStd(noticedBy);
        r.category = optionalText(category);
        r.note = optionalText(note);
        id = s.flagRupture(r);
    });
    return ok ? static_cast<int>(id) : -1;
}

int Backend::planRepair(int ruptureId, const QStringList& strategies, const QStringList& steps,
                        const QString& dueIso, const QString& note)
{
    Id id = -1;
    const bool ok = attempt([&](Store& s) {
        NewRepairPlan p;
        p.ruptureId = ruptureId;
        for (const auto& slug : strategies)
            p.strategies.push_back(toStd(slug));
        for (const auto& step : steps)
            if (!step.trimmed().isEmpty())
                p.steps.push_back(toStd(step.trimmed()));
        if (!dueIso.trimmed().isEmpty())
            p.dueDate = parseIsoDate(toStd(dueIso.trimmed()), "due date");
        p.note = optionalText(note);
        p.createdOn = fromQDate(asOf_);
        id = s.planRepair(p);
    });
    return ok ? static_cast<int>(id) : -1;
}

bool Backend::closeRepair(int planId, const QString& outcome, int followUpSession)
{
    const bool ok = attempt([&](Store& s) {
        s.closeRepair(planId, toStd(outcome),
                      followUpSession > 0 ? std::optional<SessionRef>(followUpSession) : std::nullopt,
                      fromQDate(asOf_));
    });
    return ok;
}

int Backend::planTransition(const QString& clientCode, int ruptureId, bool policyReviewed, bool dialogueHeld,
                            bool supervisorInvited, const QString& referral, const QString& nextSteps)
{
    Id id = -1;
    const bool ok = attempt([&](Store& s) {
        NewTransitionPlan p;
        p.clientCode = toStd(clientCode);
        if (ruptureId > 0)
            p.ruptureId = ruptureId;
        p.policyReviewed = policyReviewed;
        p.dialogueHeld = dialogueHeld;
        p.supervisorInvited = supervisorInvited;
        p.referralAgency = optionalText(referral);
        p.nextSteps = optionalText(nextSteps);
        p.createdOn = fromQDate(asOf_);
        id = s.planTransition(p);
    });
    return ok ? static_cast<int>(id) : -1;
}

bool Backend::addReferralAgency(const QString& name, const QString& services, const QString& contact)
{
    const bool ok = attempt([&](Store& s) {
        s.addReferralAgency({0, toStd(name.trimmed()), optionalText(services), optionalText(contact)});
    });
    return ok;
}

QVariantList Backend::referralAgencies() const
{
    QVariantList list;
    if (store_)
        for (const auto& a : store_->referralAgencies())
            list << QVariantMap{{QStringLiteral("name"), toQt(a.name)},
                                {QStringLiteral("services"), toQt(a.services.value_or(""))},
                                {QStringLiteral("contact"), toQt(a.contact.value_or(""))}};
    return list;
}

bool Backend::acknowledgeAlert(const QString& id, const QString& reason, int snoozeDays)
{
    const bool ok = attempt([&](Store& s) {
        alliance::acknowledgeAlert(s, toStd(id), toStd(reason.trimmed()),
                                   snoozeDays > 0 ? std::optional<int>(snoozeDays) : std::nullopt,
                                   fromQDate(asOf_));
    });
    return ok;
}

QVariantList Backend::catalogue(const QString& kind) const
{
    QVariantList list;
    if (store_)
        for (const auto& e : store_->catalogue(toStd(kind)))
            list << QVariantMap{{QStringLiteral("slug"), toQt(e.slug)},
                                {QStringLiteral("label"), toQt(e.label)},
                                {QStringLiteral("group"), toQt(e.group)}};
    return list;
}

} // namespace alliance::gui
