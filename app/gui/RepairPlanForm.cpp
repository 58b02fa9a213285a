#include "RepairPlanForm.hpp"

#include "Backend.hpp"
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
    Id id = 0;
    const bool ok = attempt([&](Store& store) {
        NewRepairPlan plan;
        plan.ruptureId = ruptureId_;
        for (const QString& s : strategies_)
            plan.strategies.push_back(toStd(s));
        for (const QString& step : stepsText_.split(QLatin1Char('\n')))
            if (!step.trimmed().isEmpty())
                plan.steps.push_back(toStd(step.trimmed()));
        if (dueDate.isValid())
            plan.dueDate = fromQDate(dueDate);
        plan.note = optionalText(note_);
        plan.createdOn = fromQDate(backend()->asOf());
        id = store.planRepair(plan);
    });
    if (ok) {
        reset(static_cast<int>(ruptureId_));
        emit saved(static_cast<int>(id));
    }
    return ok;
}

bool RepairPlanForm::closePlan()
{
    clearErrors();
    const bool ok = attempt([&](Store& store) {
        store.closeRepair(planId_, valueOf<Outcome>(outcome_),
                          followUpSession_ > 0 ? std::optional<SessionRef>(followUpSession_) : std::nullopt,
                          fromQDate(backend()->asOf()));
    });
    if (ok)
        emit closed(static_cast<int>(planId_));
    return ok;
}

} // namespace alliance::gui
