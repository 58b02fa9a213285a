#pragma once
// Adding a client, or editing one: typed fields, a message per field, submit(), saved / failed.
// The code and start date are set once; display name, counselor, cadence and status can change.
#include "Form.hpp"

#include <QDate>
#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class ClientForm
    : public alliance::gui::Form { // qualified: qmltyperegistrar resolves bases by their written name
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool editing READ editing NOTIFY loaded)
    Q_PROPERTY(QString code MEMBER code_ NOTIFY loaded)
    Q_PROPERTY(QString displayName MEMBER displayName_ NOTIFY loaded)
    Q_PROPERTY(QString counselor MEMBER counselor_ NOTIFY loaded)
    Q_PROPERTY(QDate startDate MEMBER startDate_ NOTIFY loaded)
    // The start date as typed (YYYY-MM-DD); an unreadable date is reported on submit.
    Q_PROPERTY(QString startDateText READ startDateText WRITE setStartDateText NOTIFY loaded)
    Q_PROPERTY(int cadenceDays MEMBER cadenceDays_ NOTIFY loaded)
    Q_PROPERTY(QString status MEMBER status_ NOTIFY loaded)
    Q_PROPERTY(QStringList counselorChoices READ counselorChoices NOTIFY loaded)
    Q_PROPERTY(int counselorIndex READ counselorIndex NOTIFY loaded)
    // [{value, label}] -- the statuses a client can have, labelled for a person.
    Q_PROPERTY(QVariantList statusChoices READ statusChoices CONSTANT)
    Q_PROPERTY(QString codeError READ codeError NOTIFY errorsChanged)
    Q_PROPERTY(QString displayNameError READ displayNameError NOTIFY errorsChanged)
    Q_PROPERTY(QString counselorError READ counselorError NOTIFY errorsChanged)
    Q_PROPERTY(QString startDateError READ startDateError NOTIFY errorsChanged)
    Q_PROPERTY(QString cadenceDaysError READ cadenceDaysError NOTIFY errorsChanged)

public:
    explicit ClientForm(QObject* parent = nullptr);

    bool editing() const { return !originalCode_.isEmpty(); }
    QString startDateText() const
    {
        return startDate_.isValid() ? startDate_.toString(Qt::ISODate) : startDateText_;
    }
    void setStartDateText(const QString& text);
    QStringList counselorChoices() const;
    int counselorIndex() const { return static_cast<int>(counselorChoices().indexOf(counselor_)); }
    QVariantList statusChoices() const;
    QString codeError() const { return errorOf(QStringLiteral("code")); }
    QString displayNameError() const { return errorOf(QStringLiteral("displayName")); }
    QString counselorError() const { return errorOf(QStringLiteral("counselor")); }
    QString startDateError() const { return errorOf(QStringLiteral("startDate")); }
    QString cadenceDaysError() const { return errorOf(QStringLiteral("cadenceDays")); }

    // A blank form for a new client of `counselor` (the current one when empty), starting today.
    Q_INVOKABLE void reset(const QString& counselor = QString());
    // Fills the form from a stored client for editing; false when there is no such client.
    Q_INVOKABLE bool load(const QString& code);
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void saved(const QString& code);

private:
    QString originalCode_;
    QString code_;
    QString displayName_;
    QString counselor_;
    QDate startDate_;
    QString startDateText_;
    int cadenceDays_ = 7;
    QString status_ = QStringLiteral("active");
};

} // namespace alliance::gui
