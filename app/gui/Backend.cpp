#include "Backend.hpp"

#include "Errors.hpp"
#include "QtConvert.hpp"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTextStream>

namespace alliance::gui {

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

void Backend::changed()
{
    emit dataChanged();
    emit saved();
}

void Backend::notifyClientChanged(const QString& code)
{
    emit clientChanged(code);
    emit saved();
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

bool Backend::maySignOffFor(const QString& counselor) const
{
    return store_ && !currentCounselor_.isEmpty() &&
           store_->maySignOff(toStd(currentCounselor_), toStd(counselor));
}

bool Backend::currentIsSupervisor() const
{
    if (store_ && !currentCounselor_.isEmpty())
        for (const auto& c : store_->counselors())
            if (toQt(c.name) == currentCounselor_)
                return c.role == Role::Supervisor;
    return false;
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

Store& Backend::ensureStore()
{
    if (!store_ && storeFactory_) {
        store_ = storeFactory_();
        emit storeChanged();
    }
    if (!store_)
        throw Error(tr("No database is open.").toStdString());
    return *store_;
}

QStringList Backend::licensedItemTexts(Instrument instrument) const
{
    // Item wording is copyrighted: shown only from a file the agency supplies under its licence.
    const InstrumentSpec& s = spec(instrument);
    QStringList texts;
    if (itemTextDirectory_.isEmpty())
        return texts;
    QFile file(QDir(itemTextDirectory_).filePath(toQt(s.slug) + QStringLiteral(".txt")));
    if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QTextStream in(&file);
        while (!in.atEnd())
            if (const QString line = in.readLine().trimmed(); !line.isEmpty())
                texts << line;
    }
    if (texts.size() != s.itemCount())
        texts.clear();
    return texts;
}

} // namespace alliance::gui
