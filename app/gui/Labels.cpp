#include "Labels.hpp"

#include "QtConvert.hpp"
#include "Text.hpp"

namespace alliance::gui {

QString Labels::of(Rater value)
{
    switch (value) {
    case Rater::Client: return tr("Client");
    case Rater::Counselor: return tr("Counselor");
    case Rater::Observer: return tr("Observer");
    }
    return {};
}

QString Labels::raterInSentence(Rater value)
{
    switch (value) {
    case Rater::Client: return tr("the client");
    case Rater::Counselor: return tr("the counselor");
    case Rater::Observer: return tr("an observer");
    }
    return {};
}

QString Labels::of(Role value)
{
    switch (value) {
    case Role::Counselor: return tr("Counselor");
    case Role::Supervisor: return tr("Supervisor");
    case Role::Admin: return tr("Administrator");
    }
    return {};
}

QString Labels::of(ClientStatus value)
{
    switch (value) {
    case ClientStatus::Active: return tr("Active");
    case ClientStatus::Closed: return tr("Closed");
    case ClientStatus::Transferred: return tr("Transferred");
    }
    return {};
}

QString Labels::of(RuptureKind value)
{
    switch (value) {
    case RuptureKind::Withdrawal: return tr("Withdrawal (moving away)");
    case RuptureKind::Confrontation: return tr("Confrontation (moving against)");
    }
    return {};
}

QString Labels::of(NoticedBy value)
{
    switch (value) {
    case NoticedBy::Counselor: return tr("I noticed it in session");
    case NoticedBy::ClientScore: return tr("The client's scores");
    case NoticedBy::ClientReport: return tr("The client's post-session report");
    case NoticedBy::Supervisor: return tr("A supervisor");
    }
    return {};
}

QString Labels::of(PlanStatus value)
{
    switch (value) {
    case PlanStatus::Planned: return tr("Planned");
    case PlanStatus::InProgress: return tr("In progress");
    case PlanStatus::Closed: return tr("Closed");
    }
    return {};
}

QString Labels::of(Outcome value)
{
    switch (value) {
    case Outcome::Resolved: return tr("Resolved");
    case Outcome::Partly: return tr("Partly resolved");
    case Outcome::Unresolved: return tr("Unresolved");
    case Outcome::Transferred: return tr("Transferred to another professional");
    }
    return {};
}

QString Labels::of(Instrument value)
{
    switch (value) {
    case Instrument::WaiSr: return tr("WAI-SR");
    case Instrument::Srs: return tr("SRS");
    case Instrument::Bgt: return tr("Quick rating");
    }
    return {};
}

QString Labels::of(Dimension value)
{
    switch (value) {
    case Dimension::Bond: return tr("bond");
    case Dimension::Goal: return tr("goal");
    case Dimension::Task: return tr("task");
    case Dimension::Overall: return tr("overall");
    }
    return {};
}

QString Labels::of(Pattern value)
{
    switch (value) {
    case Pattern::Insufficient: return tr("too few sessions to tell");
    case Pattern::Stable: return tr("stable");
    case Pattern::Growing: return tr("growing");
    case Pattern::Declining: return tr("declining");
    case Pattern::HighLowHigh: return tr("high-low-high");
    }
    return {};
}

QString Labels::of(Phase value)
{
    switch (value) {
    case Phase::Development: return QString();
    case Phase::Breach: return tr("breach");
    case Phase::Repair: return tr("repair");
    }
    return {};
}

QString Labels::item(Instrument instrument, int index)
{
    switch (instrument) {
    case Instrument::WaiSr: return tr("item %1").arg(index + 1);
    case Instrument::Srs: {
        const QString labels[] = {tr("Relationship"), tr("Goals and topics"), tr("Approach or method"),
                                  tr("Overall")};
        return index >= 0 && index < 4 ? labels[index] : QString();
    }
    case Instrument::Bgt: {
        const QString labels[] = {tr("Bond"), tr("Goal"), tr("Task")};
        return index >= 0 && index < 3 ? labels[index] : QString();
    }
    }
    return {};
}

QString Labels::itemWithDimension(Instrument instrument, int index)
{
    const Dimension dimension = spec(instrument).itemDimension.at(static_cast<std::size_t>(index));
    const QString label = item(instrument, index);
    if (label.compare(of(dimension), Qt::CaseInsensitive) == 0)
        return label; // "Bond", not "Bond (bond)"
    return tr("%1 (%2)").arg(label, of(dimension));
}

QString Labels::failure(const std::exception& error)
{
    const auto* refused = dynamic_cast<const AccessDenied*>(&error);
    if (!refused)
        return toQt(printable(error.what()));
    const QString subject = toQt(printable(refused->subject()));
    switch (refused->refusal()) {
    case AccessDenied::Refusal::NotOnCaseload:
        return tr("Client %1 is not on your caseload or your team's.").arg(subject);
    case AccessDenied::Refusal::OwnCounselorOnly:
        return tr("Only the counselor of client %1 changes their records.").arg(subject);
    case AccessDenied::Refusal::CommentNotAllowed:
        return tr("Only the counselor of client %1, their supervisor or an admin comments on their plans.")
            .arg(subject);
    case AccessDenied::Refusal::AdminOnly: return tr("Only an admin may do this.");
    case AccessDenied::Refusal::MoveAdminOnly:
        return tr("Only an admin moves a client to another counselor.");
    case AccessDenied::Refusal::OwnCaseloadOnly:
        return tr("You add clients to your own caseload; an admin adds them for others.");
    case AccessDenied::Refusal::OtherCaseload:
        return tr("The caseload of %1 is not yours or your team's.").arg(subject);
    case AccessDenied::Refusal::EveryoneAdminOnly:
        return tr("Only an admin reviews every counselor's caseload.");
    case AccessDenied::Refusal::MustChangePassword:
        return tr("An admin set your password: choose your own on Your account first.");
    }
    return toQt(printable(error.what()));
}

QString Labels::problem(const FieldError& error)
{
    const std::vector<std::string>& v = error.values();
    const auto value = [&v](std::size_t i) { return i < v.size() ? toQt(v[i]) : QString(); };
    switch (error.reason()) {
    case Reason::Required: return tr("this is needed");
    case Reason::NotANumber: return tr("enter a plain number");
    case Reason::OutOfRange:
        return v.size() == 2 ? tr("enter a value from %1 to %2").arg(value(0), value(1))
                             : tr("this value is out of range");
    case Reason::WholeNumber: return tr("enter a whole number from %1 to %2").arg(value(0), value(1));
    case Reason::NotADate: return tr("enter a real date as YYYY-MM-DD");
    case Reason::DateOutOfRange: return tr("enter a date from %1 to %2").arg(value(0), value(1));
    case Reason::InFuture: return tr("%1 is in the future").arg(value(0));
    case Reason::TooLong: return tr("too long: %1 bytes of text, at most %2").arg(value(0), value(1));
    case Reason::TooShort: return tr("too short: %1 characters, at least %2").arg(value(0), value(1));
    case Reason::SingleLine: return tr("keep this on one line");
    case Reason::BadCharacters:
        return tr("contains characters that cannot be stored (control, invisible or look-alike characters)");
    case Reason::NotAllowed: return tr("choose one of the offered values");
    case Reason::AlreadyRecorded: return tr("this is already on record");
    case Reason::Unchanged: return tr("nothing was changed");
    case Reason::AlreadyVoid: return tr("this is already void");
    case Reason::NotFound: return tr("not found");
    case Reason::Other: break;
    }
    return toQt(printable(error.problem()));
}

std::optional<Instrument> optionalInstrument(const QString& slug)
{
    for (Instrument i : allInstruments())
        if (spec(i).slug == slug.toStdString())
            return i;
    return std::nullopt;
}

QVariantList instrumentChoices()
{
    QVariantList choices;
    for (Instrument i : allInstruments())
        choices << QVariantMap{{QStringLiteral("value"), toQt(spec(i).slug)},
                               {QStringLiteral("label"), Labels::of(i)}};
    return choices;
}

} // namespace alliance::gui
