#include "Backend.hpp"

#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"
#include "security/Accounts.hpp"

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
    return startupError_.isEmpty() && (!store_ || !security::hasAccounts(*store_));
}

QString Backend::userName() const
{
    return work_ ? toQt(work_->account().name) : QString();
}

QString Backend::userRole() const
{
    return work_ ? toQt(std::string(slug(work_->account().role))) : QString();
}

void Backend::setIdleLockSeconds(int seconds)
{
    seconds = std::clamp(seconds, 1, 24 * 3600);
    if (seconds == idleLockSeconds_)
        return;
    idleLockSeconds_ = seconds;
    if (remembering_)
        QSettings().setValue(QStringLiteral("idleLockSeconds"), seconds);
    emit idleLockChanged();
}

QString Backend::refusal(const SignInRefused& e)
{
    switch (e.why()) {
    case SignInRefused::Why::Waiting:
        return tr("Too many wrong passwords. Try again in %n second(s).", nullptr,
                  static_cast<int>(e.waitSeconds()));
    case SignInRefused::Why::Disabled: return tr("This account is disabled. Ask an admin to enable it.");
    case SignInRefused::Why::NoAccounts: return tr("This database has no accounts yet.");
    case SignInRefused::Why::WrongPassword: break;
    }
    return tr("The name or the password is wrong.");
}

QString Backend::signIn(const QString& name, const QString& password)
{
    if (!store_)
        return tr("No database is open.");
    try {
        work_ = std::make_unique<security::Workspace>(
            security::Workspace::signIn(*store_, toStd(name.trimmed()), toStd(password)));
    } catch (const SignInRefused& e) {
        return refusal(e);
    } catch (const std::exception& e) {
        return toQt(printable(e.what()));
    }
    afterSignIn();
    return QString();
}

void Backend::signedInAs(security::Account account)
{
    work_ = std::make_unique<security::Workspace>(*store_, std::move(account));
    afterSignIn();
}

void Backend::afterSignIn()
{
    locked_ = false;
    unlockFailures_ = 0;
    // Counselors see their own caseload; supervisors and admins start on everyone they may see.
    currentCounselor_ = work_->seesOthers() ? QString() : toQt(work_->account().name);
    if (remembering_) {
        const QString remembered = QSettings().value(QStringLiteral("counselor/") + userName()).toString();
        if (counselorNames().contains(remembered))
            currentCounselor_ = remembered;
    }
    emit accountChanged();
    emit currentCounselorChanged();
    emit storeChanged(); // every page reads again, as this account
    emit dataChanged();
}

void Backend::lock()
{
    if (!work_ || locked_)
        return;
    work_->lock(); // the data key is wiped from memory
    locked_ = true;
    unlockFailures_ = 0;
    emit accountChanged();
    emit storeChanged(); // every page lets go of what it showed
}

QString Backend::unlock(const QString& password)
{
    if (!work_ || !locked_)
        return QString();
    try {
        security::Account account = security::signIn(*store_, work_->account().name, toStd(password));
        work_ = std::make_unique<security::Workspace>(*store_, std::move(account));
    } catch (const SignInRefused& e) {
        if (++unlockFailures_ >= 3) {
            signOut();
            return tr("Signed out after three wrong passwords.");
        }
        return refusal(e);
    }
    locked_ = false;
    unlockFailures_ = 0;
    emit accountChanged();
    emit storeChanged();
    emit dataChanged();
    return QString();
}

void Backend::signOut()
{
    if (!work_)
        return;
    work_->lock();
    work_.reset();
    locked_ = false;
    currentCounselor_.clear();
    emit accountChanged();
    emit currentCounselorChanged();
    emit storeChanged();
}

QStringList Backend::counselorNames() const
{
    QStringList names;
    security::Workspace* w = work();
    if (!w)
        return names;
    // The people whose caseloads this account may open: itself, a supervisor's team; everyone
    // for an admin.
    const auto visible = w->visibleCounselors();
    if (!visible.empty()) {
        for (const auto& name : visible)
            names << toQt(name);
        names.sort();
        return names;
    }
    for (const auto& c : w->counselors())
        names << toQt(c.name);
    return names;
}

bool Backend::maySignOffFor(const QString& counselor) const
{
    security::Workspace* w = work();
    return w && w->maySignOff(toStd(counselor));
}

bool Backend::currentIsSupervisor() const
{
    return work_ && work_->account().role == Role::Supervisor;
}

void Backend::setCurrentCounselor(const QString& name)
{
    if (name == currentCounselor_)
        return;
    currentCounselor_ = name;
    if (remembering_ && work_)
        QSettings().setValue(QStringLiteral("counselor/") + userName(), name);
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
    setTheme(settings.value(QStringLiteral("theme")).toString());
    setIdleLockSeconds(settings.value(QStringLiteral("idleLockSeconds"), idleLockSeconds_).toInt());
    // Whose caseload this person looked at last (each account its own).
    if (work_) {
        const QString counselor = settings.value(QStringLiteral("counselor/") + userName()).toString();
        if (counselorNames().contains(counselor))
            setCurrentCounselor(counselor);
    }
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
