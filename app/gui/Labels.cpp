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
    return tr("%1 (%2)").arg(item(instrument, index), of(dimension));
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
