#pragma once
// Planning a repair for a rupture -- strategies (immediate, exploratory and the training deck's
// steps), steps in the counselor's own words, a due date, a note -- and following it through:
// closing it with an outcome and the follow-up session.
#include "Form.hpp"

#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class RepairPlanForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int ruptureId READ ruptureId NOTIFY loaded)
    Q_PROPERTY(int planId READ planId NOTIFY loaded)
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
    Q_INVOKABLE void setStrategy(const QString& strategy, bool chosen);
    Q_INVOKABLE bool submit();
    Q_INVOKABLE bool closePlan();

signals:
    void loaded();
    void strategiesChanged();
    void saved(int planId);
    void closed(int planId);

private:
    Id ruptureId_ = 0;
    Id planId_ = 0;
    QStringList strategies_;
    QString stepsText_;
    QString dueText_;
    QString note_;
    QString outcome_;
    int followUpSession_ = 0;
};

} // namespace alliance::gui
