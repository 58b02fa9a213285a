#pragma once
// Flagging a rupture: the session, its kind (withdrawal or confrontation), that kind's markers,
// salience, who noticed it, the training deck's challenge category and a note. The same form
// corrects a rupture on record (amend or void, with a reason; earlier versions as history).
#include "Form.hpp"

#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class RuptureForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    // The rupture being corrected; 0 while flagging a new one.
    Q_PROPERTY(int ruptureId READ ruptureId NOTIFY loaded)
    Q_PROPERTY(bool amending READ amending NOTIFY loaded)
    Q_PROPERTY(bool voided READ voided NOTIFY loaded)
    Q_PROPERTY(QString reason MEMBER reason_ NOTIFY loaded)
    // [{date, action, reason, summary}] -- earlier versions, oldest first, worded for a person.
    Q_PROPERTY(QVariantList history READ history NOTIFY loaded)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY errorsChanged)
    Q_PROPERTY(int sessionNumber MEMBER sessionNumber_ NOTIFY loaded)
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY kindChanged)
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)
    // [{value, label}] -- the markers of the chosen kind.
    Q_PROPERTY(QVariantList markerChoices READ markerChoices NOTIFY kindChanged)
    Q_PROPERTY(QStringList markers READ markers NOTIFY markersChanged)
    Q_PROPERTY(int salience MEMBER salience_ NOTIFY loaded)
    Q_PROPERTY(QString noticedBy MEMBER noticedBy_ NOTIFY loaded)
    Q_PROPERTY(QVariantList noticedByChoices READ noticedByChoices CONSTANT)
    Q_PROPERTY(QString category MEMBER category_ NOTIFY loaded)
    // [{value, label}] -- "no category" ("") first, then the deck's challenges.
    Q_PROPERTY(QVariantList categoryChoices READ categoryChoices NOTIFY loaded)
    Q_PROPERTY(QString note MEMBER note_ NOTIFY loaded)
    Q_PROPERTY(QString sessionError READ sessionError NOTIFY errorsChanged)
    Q_PROPERTY(QString markersError READ markersError NOTIFY errorsChanged)
    Q_PROPERTY(QString salienceError READ salienceError NOTIFY errorsChanged)
    Q_PROPERTY(QString categoryError READ categoryError NOTIFY errorsChanged)
    Q_PROPERTY(QString noteError READ noteError NOTIFY errorsChanged)

public:
    explicit RuptureForm(QObject* parent = nullptr);

    QString clientCode() const { return clientCode_; }
    int ruptureId() const { return static_cast<int>(ruptureId_); }
    bool amending() const { return ruptureId_ != 0; }
    bool voided() const { return voided_; }
    QVariantList history() const { return history_; }
    QString reasonError() const { return errorOf(QStringLiteral("reason")); }
    QString kind() const { return kind_; }
    void setKind(const QString& kind);
    static QVariantList kindChoices();
    QVariantList markerChoices() const;
    QStringList markers() const { return markers_; }
    static QVariantList noticedByChoices();
    QVariantList categoryChoices() const;
    QString sessionError() const { return errorOf(QStringLiteral("sessionNumber")); }
    QString markersError() const { return errorOf(QStringLiteral("markers")); }
    QString salienceError() const { return errorOf(QStringLiteral("salience")); }
    QString categoryError() const { return errorOf(QStringLiteral("category")); }
    QString noteError() const { return errorOf(QStringLiteral("note")); }

    // A blank form for `clientCode`'s session `sessionNumber`, noticed by `noticedBy` (a slug of
    // noticedByChoices; the counselor when empty).
    Q_INVOKABLE void reset(const QString& clientCode, int sessionNumber,
                           const QString& noticedBy = QString());
    // Rupture `ruptureId` of `clientCode`'s session `sessionNumber` as recorded, to correct it;
    // false when there is no such rupture.
    Q_INVOKABLE bool load(const QString& clientCode, int sessionNumber, int ruptureId);
    Q_INVOKABLE void setMarker(const QString& marker, bool chosen);
    // Flags the rupture, or when amending saves the correction (a reason is needed).
    Q_INVOKABLE bool submit();
    // Voids the rupture being corrected (a reason is needed): kept, no longer analysed.
    Q_INVOKABLE bool voidRupture();

signals:
    void loaded();
    void kindChanged();
    void markersChanged();
    void saved(int ruptureId);
    void voidedRupture(int ruptureId);

private:
    RuptureChanges details() const;

    QString clientCode_;
    Id ruptureId_ = 0;
    bool voided_ = false;
    QString reason_;
    QVariantList history_;
    int sessionNumber_ = 1;
    QString kind_;
    QStringList markers_;
    int salience_ = 3;
    QString noticedBy_;
    QString category_;
    QString note_;
};

} // namespace alliance::gui
