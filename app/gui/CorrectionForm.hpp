// Correcting one rating of a session: amend its items or void it, with a required reason; the
// earlier versions are shown as history. Items stay numbers (tenths) from the controls to the store.
#pragma once
#include "Form.hpp"

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class CorrectionForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loaded)
    Q_PROPERTY(QString title READ title NOTIFY loaded)
    Q_PROPERTY(QList<int> itemTenths READ itemTenths NOTIFY itemsChanged)
    Q_PROPERTY(QStringList itemLabels READ itemLabels NOTIFY loaded)
    Q_PROPERTY(int itemMinTenths READ itemMinTenths NOTIFY loaded)
    Q_PROPERTY(int itemMaxTenths READ itemMaxTenths NOTIFY loaded)
    // 10 for whole-number items (WAI-SR), 1 for items with one decimal (SRS, quick rating).
    Q_PROPERTY(int stepTenths READ stepTenths NOTIFY loaded)
    Q_PROPERTY(bool voided READ voided NOTIFY loaded)
    Q_PROPERTY(QString totalText READ totalText NOTIFY itemsChanged)
    Q_PROPERTY(QString reason MEMBER reason_ NOTIFY loaded)
    // [{date, action, reason, total}] -- earlier versions, oldest first, worded for a person.
    Q_PROPERTY(QVariantList history READ history NOTIFY loaded)
    Q_PROPERTY(QString itemsError READ itemsError NOTIFY errorsChanged)
    Q_PROPERTY(QString reasonError READ reasonError NOTIFY errorsChanged)

public:
    explicit CorrectionForm(QObject* parent = nullptr);

    bool isLoaded() const { return ratingId_ != 0; }
    QString title() const { return title_; }
    QList<int> itemTenths() const { return itemTenths_; }
    QStringList itemLabels() const { return itemLabels_; }
    int itemMinTenths() const { return itemMinTenths_; }
    int itemMaxTenths() const { return itemMaxTenths_; }
    int stepTenths() const { return stepTenths_; }
    bool voided() const { return voided_; }
    QString totalText() const;
    QVariantList history() const { return history_; }
    QString itemsError() const { return errorOf(QStringLiteral("items")); }
    QString reasonError() const { return errorOf(QStringLiteral("reason")); }

    // The rating of `clientCode`'s session `sessionNumber` by instrument and rater (slugs as the
    // client model has them); false when there is none.
    Q_INVOKABLE bool load(const QString& clientCode, int sessionNumber, const QString& instrument,
                          const QString& rater);
    Q_INVOKABLE void setItem(int index, int tenths);
    Q_INVOKABLE bool amend();
    Q_INVOKABLE bool voidRating();

signals:
    void loaded();
    void itemsChanged();
    void saved();

private:
    void refresh();
    bool correct(const std::function<void(security::Workspace&)>& write);

    Id ratingId_ = 0;
    QString clientCode_;
    Instrument instrument_ = Instrument::Bgt;
    QString title_;
    QList<int> itemTenths_;
    QStringList itemLabels_;
    int itemMinTenths_ = 0;
    int itemMaxTenths_ = 100;
    int stepTenths_ = 1;
    bool voided_ = false;
    QString reason_;
    QVariantList history_;
};

} // namespace alliance::gui
