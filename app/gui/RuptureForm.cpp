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
    addField(QStringLiteral("reason"), "reason", tr("Reason for the correction"));
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
    ruptureId_ = 0;
    voided_ = false;
    reason_.clear();
    history_.clear();
    sessionNumber_ = std::max(1, sessionNumber);
    salience_ = 3;
    noticedBy_ = toQt(slug(optionalValueOf<NoticedBy>(noticedBy).value_or(NoticedBy::Counselor)));
    category_.clear();
    note_.clear();
    clearErrors();
    setKind(toQt(slug(RuptureKind::Withdrawal)));
    emit loaded();
}

bool RuptureForm::load(const QString& clientCode, int sessionNumber, int ruptureId)
{
    if (!backend() || !backend()->work())
        return false;
    try {
        security::Workspace& store = *backend()->work();
        const auto [current, voided] = store.storedRupture(ruptureId);
        QVariantList history;
        for (const RuptureRevision& revision : store.ruptureHistory(ruptureId)) {
            const RuptureChanges& was = revision.previous;
            history << QVariantMap{
                {QStringLiteral("date"), toQt(toIso(revision.revisedOn))},
                {QStringLiteral("action"), revision.action == "void" ? tr("voided") : tr("amended")},
                {QStringLiteral("reason"), toQt(revision.reason)},
                {QStringLiteral("summary"),
                 tr("was %1, salience %2, noticed by %3%4")
                     .arg(Labels::of(was.kind))
                     .arg(was.salience)
                     .arg(Labels::of(was.noticedBy), revision.previousVoided ? tr(", void") : QString())}};
        }
        reset(clientCode, sessionNumber);
        ruptureId_ = ruptureId;
        voided_ = voided;
        history_ = history;
        setKind(toQt(slug(current.kind)));
        for (const auto& m : current.markers)
            markers_ << toQt(m);
        salience_ = current.salience;
        noticedBy_ = toQt(slug(current.noticedBy));
        category_ = toQt(current.category.value_or(""));
        note_ = toQt(current.note.value_or(""));
    } catch (const std::exception&) {
        reset(clientCode, sessionNumber);
        return false;
    }
    emit markersChanged();
    emit loaded();
    return true;
}

void RuptureForm::setMarker(const QString& marker, bool chosen)
{
    if (setMember(markers_, marker, chosen))
        emit markersChanged();
}

RuptureChanges RuptureForm::details() const
{
    RuptureChanges r;
    r.kind = valueOf<RuptureKind>(kind_);
    for (const QString& m : markers_)
        r.markers.push_back(toStd(m));
    r.salience = salience_;
    r.noticedBy = valueOf<NoticedBy>(noticedBy_);
    r.category = optionalText(category_);
    r.note = optionalText(note_);
    return r;
}

bool RuptureForm::submit()
{
    clearErrors();
    if (amending()) {
        const Id id = ruptureId_;
        const bool ok =
            attempt([&](security::Workspace& store) { store.amendRupture(id, details(), toStd(reason_)); },
                    clientCode_);
        if (ok)
            emit saved(static_cast<int>(id));
        return ok;
    }
    Id id = 0;
    const bool ok = attempt(
        [&](security::Workspace& store) {
            NewRupture rupture{details(), toStd(clientCode_), sessionNumber_};
            id = store.flagRupture(rupture);
        },
        clientCode_);
    if (ok)
        emit saved(static_cast<int>(id));
    return ok;
}

bool RuptureForm::voidRupture()
{
    clearErrors();
    const Id id = ruptureId_;
    if (!amending() ||
        !attempt([&](security::Workspace& store) { store.voidRupture(id, toStd(reason_)); }, clientCode_))
        return false;
    emit voidedRupture(static_cast<int>(id));
    return true;
}

} // namespace alliance::gui
