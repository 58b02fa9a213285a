#include "Form.hpp"

#include "Labels.hpp"

#include "Backend.hpp"
#include "Errors.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

namespace alliance::gui {

Backend* Form::backend()
{
    return Backend::instance();
}

void Form::addField(const QString& id, const std::string& coreField, const QString& label)
{
    fields_.append({id, coreField, label, QString()});
}

QString Form::fieldFor(const std::string& coreField) const
{
    // "item 3" and "step 2" are about the items (steps) as a whole: the form has one field for them.
    const auto space = coreField.find(' ');
    const std::string key = space == std::string::npos ? coreField : coreField.substr(0, space) + "s";
    for (const Field& field : fields_)
        if (!key.empty() && (field.coreField == coreField || field.coreField == key))
            return field.id;
    return QString();
}

bool Form::setMember(QStringList& list, const QString& value, bool member)
{
    if (list.contains(value) == member)
        return false;
    if (member)
        list << value;
    else
        list.removeAll(value);
    return true;
}

QVariantList Form::catalogueChoices(const std::string& kind, const QString& group)
{
    QVariantList choices;
    if (backend() && backend()->work())
        for (const CatalogueEntry& e : backend()->work()->catalogue(kind))
            if (group.isEmpty() || toQt(e.group) == group)
                choices << QVariantMap{{QStringLiteral("value"), toQt(e.slug)},
                                       {QStringLiteral("label"), toQt(e.label)},
                                       {QStringLiteral("group"), toQt(e.group)}};
    return choices;
}

bool Form::ratingExists(const QString& clientCode, const QDate& date, Instrument instrument, Rater rater)
{
    return backend() && backend()->work() &&
           backend()->work()->hasRating(toStd(clientCode), fromQDate(date), instrument, rater);
}

QString Form::errorOf(const QString& id) const
{
    for (const Field& field : fields_)
        if (field.id == id)
            return field.error;
    return QString();
}

void Form::clearErrors()
{
    message_.clear();
    firstErrorField_.clear();
    for (Field& field : fields_)
        field.error.clear();
    emit errorsChanged();
}

void Form::reject(const QString& fieldId, const QString& problem)
{
    QString label;
    for (Field& field : fields_)
        if (field.id == fieldId) {
            field.error = problem;
            label = field.label;
        }
    if (label.isEmpty())
        message_ = problem; // the form's own message, or a field it does not know
    if (firstErrorField_.isEmpty())
        firstErrorField_ = label.isEmpty() ? QString() : fieldId;
    emit errorsChanged();
    emit failed(label.isEmpty() ? QString() : fieldId,
                label.isEmpty() ? problem : tr("%1: %2").arg(label, problem));
}

bool Form::attempt(const std::function<void(security::Workspace&)>& write, const QString& clientCode)
{
    clearErrors();
    Backend* owner = backend();
    if (!owner) {
        reject(QString(), tr("No database is open."));
        return false;
    }
    security::Workspace* work = owner->work();
    if (!work) {
        reject(QString(), owner->locked() ? tr("The app is locked: unlock it first.") : tr("Sign in first."));
        return false;
    }
    try {
        write(*work);
        if (clientCode.isEmpty())
            owner->notifyChanged();
        else
            owner->notifyClientChanged(clientCode);
        return true;
    } catch (const FieldError& e) { // a validation error, or something named that is not found
        reject(fieldFor(e.field()), Labels::problem(e));
    } catch (const AccessDenied& e) {
        reject(QString(), Labels::failure(e));
    } catch (const std::exception& e) {
        reject(QString(), toQt(printable(e.what())));
    }
    return false;
}

} // namespace alliance::gui
