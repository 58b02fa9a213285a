#include "RepairPlanForm.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

RepairPlanForm::RepairPlanForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("strategies"), "strategy", tr("Strategies"));
    addField(QStringLiteral("steps"), "steps", tr("Steps"));
    addField(QStringLiteral("due"), "due", tr("Due date"));
    addField(QStringLiteral("note"), "note", tr("Note"));
    addField(QStringLiteral("followUpSession"), "session", tr("Follow-up session"));
    addField(QStringLiteral("outcome"), "outcome", tr("Outcome"));
    addField(QStringLiteral("reason"), "reason", tr("Reason for the correction"));
    addField(QStringLiteral("comment"), "text", tr("Comment"));
    addField(QStringLiteral("comment"), "author", tr("Comment"));
    reset(0);
}

QVariantList RepairPlanForm::strategyChoices() const
{
    return catalogueChoices("strategy");
}

QVariantList RepairPlanForm::outcomeChoices()
{
    return choicesOf<Outcome>();
}

void RepairPlanForm::reset(int ruptureId)
{
    ruptureId_ = ruptureId;
    planId_ = 0;
    amending_ = false;
    planClosed_ = false;
    reason_.clear();
    comment_.clear();
    history_.clear();
    strategies_.clear();
    stepsText_.clear();
    dueText_.clear();
    note_.clear();
    outcome_ = toQt(slug(Outcome::Resolved));
    followUpSession_ = 0;
    clearErrors();
    emit loaded();
    emit strategiesChanged();
}

void RepairPlanForm::follow(int ruptureId, int planId, int followUpSession)
{
    reset(ruptureId);
    planId_ = planId;
    followUpSession_ = followUpSession;
    emit loaded();
}

bool RepairPlanForm::amend(int ruptureId, int planId)
{
    if (!backend() || !backend()->work())
        return false;
    reset(ruptureId);
    try {
        security::Workspace& store = *backend()->work();
        const RepairPlanChanges current = store.storedRepairPlan(planId);
        for (const RepairPlanRevision& revision : store.repairPlanHistory(planId)) {
            const RepairPlanChanges& was = revision.previous;
            QStringList summary;
            summary << tr("%n strategies", nullptr, static_cast<int>(was.strategies.size()))
                    << tr("%n steps", nullptr, static_cast<int>(was.steps.size()));
            if (was.dueDate)
                summary << tr("due %1").arg(toQt(toIso(*was.dueDate)));
            if (was.outcome)
                summary << tr("outcome: %1").arg(Labels::of(*was.outcome));
            history_ << QVariantMap{{QStringLiteral("date"), toQt(toIso(revision.revisedOn))},
                                    {QStringLiteral("reason"), toQt(revision.reason)},
                                    {QStringLiteral("summary"), tr("was: %1").arg(summary.join(tr(", ")))}};
        }
        for (const auto& s : current.strategies)
            strategies_ << toQt(s);
        QStringList lines;
        for (const auto& step : current.steps)
            lines << toQt(step);
        stepsText_ = lines.join(QLatin1Char('\n'));
        dueText_ = current.dueDate ? toQt(toIso(*current.dueDate)) : QString();
        note_ = toQt(current.note.value_or(""));
        planClosed_ = current.outcome.has_value();
        if (current.outcome)
            outcome_ = toQt(slug(*current.outcome));
        planId_ = planId;
        amending_ = true;
    } catch (const std::exception&) {
        reset(ruptureId);
        return false;
    }
    emit loaded();
    emit strategiesChanged();
    return true;
}

QString RepairPlanForm::clientOfPlan() const
{
    try {
        if (backend() && backend()->work())
            return toQt(backend()->work()->clientCodeOfRupture(ruptureId_));
    } catch (const NotFound&) {
        // no such rupture: the write says so
    } catch (const AccessDenied&) {
        // not this person's client: the write says so
    }
    return QString();
}

std::vector<std::string> RepairPlanForm::steps() const
{
    std::vector<std::string> steps;
    for (const QString& step : stepsText_.split(QLatin1Char('\n')))
        if (!step.trimmed().isEmpty())
            steps.push_back(toStd(step.trimmed()));
    return steps;
}

void RepairPlanForm::setStrategy(const QString& strategy, bool chosen)
{
    if (setMember(strategies_, strategy, chosen))
        emit strategiesChanged();
}

bool RepairPlanForm::submit()
{
    clearErrors();
    const QString due = dueText_.trimmed();
    const QDate dueDate = QDate::fromString(due, Qt::ISODate);
    if (!due.isEmpty() && !dueDate.isValid()) {
        reject(QStringLiteral("due"), tr("enter a date as YYYY-MM-DD, or leave it empty"));
        return false;
    }
    std::vector<std::string> strategies;
    for (const QString& s : strategies_)
        strategies.push_back(toStd(s));
    const std::optional<Date> dueOn =
        dueDate.isValid() ? std::optional<Date>(fromQDate(dueDate)) : std::nullopt;
    if (amending_) {
        const Id id = planId_;
        const bool ok = attempt(
            [&](security::Workspace& store) {
                const std::optional<Outcome> outcome =
                    planClosed_ ? std::optional<Outcome>(valueOf<Outcome>(outcome_)) : std::nullopt;
                store.amendRepairPlan(id, {strategies, steps(), dueOn, optionalText(note_), outcome},
                                      toStd(reason_));
            },
            clientOfPlan());
        if (ok)
            emit saved(static_cast<int>(id));
        return ok;
    }
    Id id = 0;
    const bool ok = attempt(
        [&](security::Workspace& store) {
            id = store.planRepair(
                {ruptureId_, strategies, steps(), dueOn, optionalText(note_), fromQDate(backend()->asOf())});
        },
        clientOfPlan());
    if (ok) {
        reset(static_cast<int>(ruptureId_));
        emit saved(static_cast<int>(id));
    }
    return ok;
}

bool RepairPlanForm::addComment(bool signOff)
{
    clearErrors();
    // Written by the signed-in person (the core checks who may comment and sign off).
    const Id plan = planId_;
    const bool ok = attempt(
        [&](security::Workspace& store) {
            store.addPlanComment(plan, toStd(comment_), fromQDate(backend()->asOf()), signOff);
        },
        clientOfPlan());
    if (ok) {
        comment_.clear();
        emit loaded();
        emit commented(static_cast<int>(plan));
    }
    return ok;
}

bool RepairPlanForm::closePlan()
{
    clearErrors();
    const bool ok = attempt(
        [&](security::Workspace& store) {
            store.closeRepair(planId_, valueOf<Outcome>(outcome_),
                              followUpSession_ > 0 ? std::optional<SessionRef>(followUpSession_)
                                                   : std::nullopt,
                              fromQDate(backend()->asOf()));
        },
        clientOfPlan());
    if (ok)
        emit closed(static_cast<int>(planId_));
    return ok;
}

} // namespace alliance::gui
