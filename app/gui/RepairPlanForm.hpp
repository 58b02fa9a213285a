#pragma once
// Planning a repair for a rupture -- strategies (immediate, exploratory and the training deck's
// steps), steps in the counselor's own words, a due date, a note -- and following it through:
// closing it with an outcome and the follow-up session -- and correcting it (with a reason; the
// earlier versions shown as history).
#include "Form.hpp"

#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class RepairPlanForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int ruptureId READ ruptureId NOTIFY loaded)
    Q_PROPERTY(int planId READ planId NOTIFY loaded)
    // Correcting plan planId: its strategies, steps, due date, note and, once closed, outcome.
    Q_PROPERTY(bool amending READ amending NOTIFY loaded)
    Q_PROPERTY(bool planClosed READ planClosed NOTIFY loaded)
    Q_PROPERTY(QString reason MEMBER reason_ NOTIFY loaded)
    // [{date, reason, summary}] -- earlier versions, oldest first, worded for a person.
    Q_PROPERTY(QVariantList history READ history NOTIFY loaded)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY errorsChanged)
    // A supervisor's comment on plan planId, written as the person chosen in the header.
    Q_PROPERTY(QString comment MEMBER comment_ NOTIFY loaded)
    Q_PROPERTY(QString commentError READ commentError NOTIFY errorsChanged)
    Q_PROPERTY(QString outcomeError READ outcomeError NOTIFY errorsChanged)
    // [{value, label, group}] with group immediate | exploratory | deck.
    Q_PROPERTY(QVariantList strategyChoices READ strategyChoices NOTIFY loaded)
    Q_PROPERTY(QStringList strategies READ strategies NOTIFY strategiesChanged)
    // One step per line.
    Q_PROPERTY(QString stepsText MEMBER stepsText_ NOTIFY loaded)
    Q_PROPERTY(QString dueText MEMBER dueText_ NOTIFY loaded)
    Q_PROPERTY(QString note MEMBER note_ NOTIFY loaded)
    Q_PROPERTY(QString outcome MEMBER outcome_ NOTIFY loaded)
    Q_PROPERTY(QVariantList outcomeChoices READ outcomeChoices CONSTANT)
    // 0: no follow-up session yet.
    Q_PROPERTY(int followUpSession MEMBER followUpSession_ NOTIFY loaded)
    Q_PROPERTY(QString strategiesError READ strategiesError NOTIFY errorsChanged)
    Q_PROPERTY(QString stepsError READ stepsError NOTIFY errorsChanged)
    Q_PROPERTY(QString dueError READ dueError NOTIFY errorsChanged)
    Q_PROPERTY(QString noteError READ noteError NOTIFY errorsChanged)
    Q_PROPERTY(QString followUpError READ followUpError NOTIFY errorsChanged)

public:
    explicit RepairPlanForm(QObject* parent = nullptr);

    int ruptureId() const { return static_cast<int>(ruptureId_); }
    int planId() const { return static_cast<int>(planId_); }
    bool amending() const { return amending_; }
    bool planClosed() const { return planClosed_; }
    QVariantList history() const { return history_; }
    QString reasonError() const { return errorOf(QStringLiteral("reason")); }
    QString outcomeError() const { return errorOf(QStringLiteral("outcome")); }
    QString commentError() const { return errorOf(QStringLiteral("comment")); }
    QVariantList strategyChoices() const;
    QStringList strategies() const { return strategies_; }
    static QVariantList outcomeChoices();
    QString strategiesError() const { return errorOf(QStringLiteral("strategies")); }
    QString stepsError() const { return errorOf(QStringLiteral("steps")); }
    QString dueError() const { return errorOf(QStringLiteral("due")); }
    QString noteError() const { return errorOf(QStringLiteral("note")); }
    QString followUpError() const { return errorOf(QStringLiteral("followUpSession")); }

    // A blank plan for rupture `ruptureId`.
    Q_INVOKABLE void reset(int ruptureId);
    // Following plan `planId` through: outcome "resolved", follow-up `followUpSession`.
    Q_INVOKABLE void follow(int ruptureId, int planId, int followUpSession);
    // Plan `planId` of rupture `ruptureId` as recorded, to correct it; false when there is none.
    Q_INVOKABLE bool amend(int ruptureId, int planId);
    Q_INVOKABLE void setStrategy(const QString& strategy, bool chosen);
    // Saves a new plan, or when amending the correction (a reason is needed).
    Q_INVOKABLE bool submit();
    Q_INVOKABLE bool closePlan();
    // Adds the comment as the person chosen in the header; with signOff, signs the plan off (only
    // the counselor's supervisor or an admin may: the core refuses anyone else).
    Q_INVOKABLE bool addComment(bool signOff = false);

signals:
    void loaded();
    void strategiesChanged();
    void saved(int planId);
    void closed(int planId);
    void commented(int planId);

private:
    // The client whose rupture the plan is for ("" when unknown: then every page refreshes).
    QString clientOfPlan() const;
    // The steps typed one per line, blank lines left out.
    std::vector<std::string> steps() const;

    Id ruptureId_ = 0;
    Id planId_ = 0;
    bool amending_ = false;
    bool planClosed_ = false;
    QString reason_;
    QString comment_;
    QVariantList history_;
    QStringList strategies_;
    QString stepsText_;
    QString dueText_;
    QString note_;
    QString outcome_;
    int followUpSession_ = 0;
};

} // namespace alliance::gui
