#include "Labels.hpp"

#include "QtConvert.hpp"

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
