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
    try {
        kind_ = toQt(slug(valueOf<RuptureKind>(kind)));
    } catch (const std::exception&) {
        return; // not a kind: keep the current one
    }
    markers_.clear(); // a withdrawal marker never describes a confrontation
    emit kindChanged();
    emit markersChanged();
}

QVariantList RuptureForm::markerChoices() const
{
    QVariantList choices;
    if (backend() && backend()->store())
        for (const CatalogueEntry& e : backend()->store()->catalogue("marker"))
            if (toQt(e.group) == kind_)
                choices << QVariantMap{{QStringLiteral("value"), toQt(e.slug)},
                                       {QStringLiteral("label"), toQt(e.label)}};
    return choices;
}

QVariantList RuptureForm::categoryChoices() const
{
    QVariantList choices{
        QVariantMap{{QStringLiteral("value"), QString()}, {QStringLiteral("label"), tr("(no category)")}}};
    if (backend() && backend()->store())
        for (const CatalogueEntry& e : backend()->store()->catalogue("category"))
            choices << QVariantMap{{QStringLiteral("value"), toQt(e.slug)},
                                   {QStringLiteral("label"), toQt(e.label)}};
    return choices;
}

void RuptureForm::reset(const QString& clientCode, int sessionNumber, const QString& noticedBy)
{
    clientCode_ = clientCode;
    sessionNumber_ = std::max(1, sessionNumber);
    salience_ = 3;
    noticedBy_ = toQt(slug(NoticedBy::Counselor));
    try {
        if (!noticedBy.isEmpty())
            noticedBy_ = toQt(slug(valueOf<NoticedBy>(noticedBy)));
    } catch (const std::exception&) {
    }
    category_.clear();
    note_.clear();
    clearErrors();
    setKind(toQt(slug(RuptureKind::Withdrawal)));
    emit loaded();
}

void RuptureForm::setMarker(const QString& marker, bool chosen)
{
    if (markers_.contains(marker) == chosen)
        return;
    if (chosen)
        markers_ << marker;
    else
        markers_.removeAll(marker);
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
