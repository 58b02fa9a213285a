#pragma once
// The client's post-session report of one session, corrected: tension, how strong, how far
// resolved. Replacing answers on record needs a reason; the replaced ones are kept and listed.
#include "Form.hpp"

#include <QVariantList>

namespace alliance::gui {

class ReportForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loaded)
    // True when the session has a report on record (a change then needs a reason).
    Q_PROPERTY(bool onRecord READ onRecord NOTIFY loaded)
    Q_PROPERTY(bool tension MEMBER tension_ NOTIFY loaded)
    Q_PROPERTY(int intensity MEMBER intensity_ NOTIFY loaded)
    Q_PROPERTY(int resolution MEMBER resolution_ NOTIFY loaded)
    Q_PROPERTY(QString reason MEMBER reason_ NOTIFY loaded)
    // [{date, reason, summary}] -- the reports it replaced, oldest first, worded for a person.
    Q_PROPERTY(QVariantList history READ history NOTIFY loaded)
    Q_PROPERTY(QString tensionError READ tensionError NOTIFY errorsChanged)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY errorsChanged)

public:
    explicit ReportForm(QObject* parent = nullptr);

    bool isLoaded() const { return !clientCode_.isEmpty(); }
    bool onRecord() const { return onRecord_; }
    QVariantList history() const { return history_; }
    QString tensionError() const { return errorOf(QStringLiteral("tension")); }
    QString reasonError() const { return errorOf(QStringLiteral("reason")); }

    // The report of `clientCode`'s session `sessionNumber` (none yet: no tension); false when
    // there is no such session.
    Q_INVOKABLE bool load(const QString& clientCode, int sessionNumber);
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved();

private:
    QString clientCode_;
    int sessionNumber_ = 0;
    bool onRecord_ = false;
    bool tension_ = false;
    int intensity_ = 3;
    int resolution_ = 3;
    QString reason_;
    QVariantList history_;
};

} // namespace alliance::gui
