#pragma once
// Acknowledging an alert, or snoozing it for some days, with the reason: what was done, or why it
// is not a concern. The alert's id stays inside; the person reads its title.
#include "Form.hpp"

namespace alliance::gui {

class AcknowledgeForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    // "C-003 · A breach was not repaired", as the worklist shows it.
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QString reason MEMBER reason_ NOTIFY loaded)
    // 0: until something new happens; 1..365: hidden for that many days.
    Q_PROPERTY(int snoozeDays MEMBER snoozeDays_ NOTIFY loaded)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY errorsChanged)
    Q_PROPERTY(QString snoozeDaysError READ snoozeDaysError NOTIFY errorsChanged)

public:
    explicit AcknowledgeForm(QObject* parent = nullptr);

    QString title() const { return title_; }
    QString reasonError() const { return errorOf(QStringLiteral("reason")); }
    QString snoozeDaysError() const { return errorOf(QStringLiteral("snoozeDays")); }

    Q_INVOKABLE void reset(const QString& alertId, const QString& title);
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved();

private:
    QString alertId_;
    QString title_;
    QString reason_;
    int snoozeDays_ = 0;
};

} // namespace alliance::gui
