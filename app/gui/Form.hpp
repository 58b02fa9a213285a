#pragma once
// What every form object shares: it runs one write against the store, and turns a core error into
// a message on the field at fault (worded with the field's label, never a CLI flag) or on the form.
// Nothing throws into QML.
#include "Store.hpp"
#include "security/Workspace.hpp"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace alliance::gui {

class Backend;

class Form : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Form is the base of the form objects")
    Q_PROPERTY(QString message READ message NOTIFY errorsChanged)
    Q_PROPERTY(QString firstErrorField READ firstErrorField NOTIFY errorsChanged)

public:
    using QObject::QObject;
    // A message about the form as a whole ("" when none).
    QString message() const { return message_; }
    // The form's property name of the first field at fault, for QML to move focus there.
    QString firstErrorField() const { return firstErrorField_; }

signals:
    void errorsChanged();
    // `field` is the form's property name ("" for the form); `message` is worded for a person.
    void failed(const QString& field, const QString& message);

protected:
    // Runs `write` on the open store and announces the change -- of client `clientCode` only when
    // one is given, else of everything; false (with errors set) otherwise.
    bool attempt(const std::function<void(security::Workspace&)>& write,
                 const QString& clientCode = QString());
    // Reports a problem found before the store was asked.
    void reject(const QString& field, const QString& problem);
    void clearErrors();

    // Declares a field: its property name, the core's id for it ("CODE", "--name") and its label.
    void addField(const QString& id, const std::string& coreField, const QString& label);
    // The message on one field ("" when it is fine).
    QString errorOf(const QString& id) const;
    // The form field a core field id belongs to; "" for the form itself.
    QString fieldFor(const std::string& coreField) const;

    // Adds `value` to `list` or takes it out; false when the list already was that way.
    static bool setMember(QStringList& list, const QString& value, bool member);
    // [{value, label, group}] of one of the store's catalogues (marker | strategy | category),
    // only the entries of `group` when one is given; empty when no database is open.
    static QVariantList catalogueChoices(const std::string& kind, const QString& group = QString());
    // True when the client's session on `date` already has a rating (void or not) by `rater` with
    // `instrument`. Throws NotFound when there is no such client.
    static bool ratingExists(const QString& clientCode, const QDate& date, Instrument instrument,
                             Rater rater);

    static Backend* backend();

private:
    struct Field {
        QString id;
        std::string coreField;
        QString label;
        QString error;
    };
    QList<Field> fields_;
    QString message_;
    QString firstErrorField_;
};

} // namespace alliance::gui
