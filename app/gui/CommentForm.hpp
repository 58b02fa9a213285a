#pragma once
// A comment on a transition plan (and a supervisor's sign-off with it), written as the person
// chosen in the header. Repair plans take theirs in RepairPlanForm, beside the plan's other writes.
#include "Form.hpp"

namespace alliance::gui {

class CommentForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int transitionId READ transitionId NOTIFY loaded)
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    Q_PROPERTY(QString text MEMBER text_ NOTIFY loaded)
    Q_PROPERTY(QString textError READ textError NOTIFY errorsChanged)

public:
    explicit CommentForm(QObject* parent = nullptr);

    int transitionId() const { return transitionId_; }
    QString clientCode() const { return clientCode_; }
    QString textError() const { return errorOf(QStringLiteral("text")); }

    Q_INVOKABLE void reset(const QString& clientCode, int transitionId);
    // Adds the comment; with signOff, signs the plan off (the core refuses anyone but the
    // counselor's supervisor or an admin).
    Q_INVOKABLE bool submit(bool signOff);

signals:
    void loaded();
    void saved();

private:
    QString clientCode_;
    int transitionId_ = 0;
    QString text_;
};

} // namespace alliance::gui
