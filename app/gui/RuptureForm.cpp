#include "RuptureForm.hpp"

#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

RuptureForm::RuptureForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("sessionNumber"), "session", tr("Session"));
    addField(QStringLiteral("markers"), "marker", tr("Markers"));
    addField(QStringLiteral("salience"), "salience", tr("Salience"));
    addField(QStringLiteral("category"), "category", tr("Challenge"));
    addField(QStringLiteral("note"), "note", tr("Note"));
    reset(QString(), 1);
}

QVariantList RuptureForm::kindChoices()
{
    return choicesOf<RuptureKind>();
}

QVariantList RuptureForm::noticedByChoices()
{
    return choicesOf<NoticedBy>();
}

void RuptureForm::setKind(const QString& kind)
{
    const auto chosen = optionalValueOf<RuptureKind>(kind);
    if (!chosen)
        return; // not a kind: keep the current one
    kind_ = toQt(slug(*chosen));
    markers_.clear(); // a withdrawal marker never describes a confrontation
    emit kindChanged();
    emit markersChanged();
}

QVariantList RuptureForm::markerChoices() const
{
    return catalogueChoices("marker", kind_);
}

QVariantList RuptureForm::categoryChoices() const
{
    return QVariantList{QVariantMap{{QStringLiteral("value"), QString()},
                                    {QStringLiteral("label"), tr("(no category)")}}} +
           catalogueChoices("category");
}

void RuptureForm::reset(const QString& clientCode, int sessionNumber, const QString& noticedBy)
{
    clientCode_ = clientCode;
    sessionNumber_ = std::max(1, sessionNumber);
    salience_ = 3;
    noticedBy_ = toQt(slug(optionalValueOf<NoticedBy>(noticedBy).value_or(NoticedBy::Counselor)));
    category_.clear();
    note_.clear();
    clearErrors();
    setKind(toQt(slug(RuptureKind::Withdrawal)));
    emit loaded();
}

void RuptureForm::setMarker(const QString& marker, bool chosen)
{
    if (setMember(markers_, marker, chosen))
        emit markersChanged();
}

bool RuptureForm::submit()
{
    clearErrors();
    Id id = 0;
    const bool ok = attempt([&](Store& store) {
        NewRupture r;
        r.clientCode = toStd(clientCode_);
        r.session = sessionNumber_;
        r.kind = valueOf<RuptureKind>(kind_);
        for (const QString& m : markers_)
            r.markers.push_back(toStd(m));
        r.salience = salience_;
        r.noticedBy = valueOf<NoticedBy>(noticedBy_);
        r.category = optionalText(category_);
        r.note = optionalText(note_);
        id = store.flagRupture(r);
    });
    if (ok)
        emit saved(static_cast<int>(id));
    return ok;
}

} // namespace alliance::gui
