#pragma once
// Logging a session's rating by keyboard in seconds: date, instrument, rater, every item, a note
// and, when the client gave one, the post-session report -- saved together or not at all. Items are
// typed as text (so "4,3,5,..." in the first fills them all) but held and stored as numbers
// (tenths); the preview and the below-cutoff warning use the stored cutoff and comparator.
#include "Form.hpp"

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class SessionForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    Q_PROPERTY(QString dateText MEMBER dateText_ NOTIFY loaded)
    Q_PROPERTY(QString instrument READ instrument WRITE setInstrument NOTIFY instrumentChanged)
    Q_PROPERTY(QString rater MEMBER rater_ NOTIFY loaded)
    Q_PROPERTY(QVariantList instrumentChoices READ instrumentChoices CONSTANT)
    Q_PROPERTY(QVariantList raterChoices READ raterChoices CONSTANT)
    // "WAI-SR · items 1 to 5"
    Q_PROPERTY(QString rangeText READ rangeText NOTIFY instrumentChanged)
    Q_PROPERTY(int itemCount READ itemCount NOTIFY instrumentChanged)
    // "Item 3 (bond)" per item; the agency's licensed statements when supplied ("" otherwise).
    Q_PROPERTY(QStringList itemLabels READ itemLabels NOTIFY instrumentChanged)
    Q_PROPERTY(QStringList itemStatements READ itemStatements NOTIFY instrumentChanged)
    // What each item field shows, and its problem ("" when fine or still empty).
    Q_PROPERTY(QStringList itemTexts READ itemTexts NOTIFY itemsChanged)
    Q_PROPERTY(QStringList itemProblems READ itemProblems NOTIFY itemsChanged)
    // One per item in tenths; -1 while the item is empty or unreadable.
    Q_PROPERTY(QList<int> itemTenths READ itemTenths NOTIFY itemsChanged)
    Q_PROPERTY(bool complete READ complete NOTIFY itemsChanged)
    // "Total 36.0 · bond 12.0 · goal 12.0 · task 12.0", or what is still missing.
    Q_PROPERTY(QString scoreText READ scoreText NOTIFY itemsChanged)
    Q_PROPERTY(bool belowCutoff READ belowCutoff NOTIFY itemsChanged)
    Q_PROPERTY(QString note MEMBER note_ NOTIFY loaded)
    Q_PROPERTY(bool reportGiven MEMBER reportGiven_ NOTIFY loaded)
    Q_PROPERTY(bool tension MEMBER tension_ NOTIFY loaded)
    Q_PROPERTY(int intensity MEMBER intensity_ NOTIFY loaded)
    Q_PROPERTY(int resolution MEMBER resolution_ NOTIFY loaded)
    Q_PROPERTY(QString dateError READ dateError NOTIFY errorsChanged)
    Q_PROPERTY(QString raterError READ raterError NOTIFY errorsChanged)
    Q_PROPERTY(QString itemsError READ itemsError NOTIFY errorsChanged)
    Q_PROPERTY(QString noteError READ noteError NOTIFY errorsChanged)
    Q_PROPERTY(QString reportError READ reportError NOTIFY errorsChanged)

public:
    explicit SessionForm(QObject* parent = nullptr);

    QString clientCode() const { return clientCode_; }
    QString instrument() const;
    void setInstrument(const QString& slug);
    static QVariantList instrumentChoices();
    static QVariantList raterChoices();
    QString rangeText() const;
    int itemCount() const { return static_cast<int>(itemTenths_.size()); }
    QStringList itemLabels() const;
    QStringList itemStatements() const { return statements_; }
    QStringList itemTexts() const { return itemTexts_; }
    QStringList itemProblems() const { return itemProblems_; }
    QList<int> itemTenths() const { return itemTenths_; }
    bool complete() const;
    QString scoreText() const;
    bool belowCutoff() const;
    QString dateError() const { return errorOf(QStringLiteral("date")); }
    QString raterError() const { return errorOf(QStringLiteral("rater")); }
    QString itemsError() const { return errorOf(QStringLiteral("items")); }
    QString noteError() const { return errorOf(QStringLiteral("note")); }
    QString reportError() const { return errorOf(QStringLiteral("report")); }

    // A blank form for `clientCode` on the reference date, with `instrument` (the client's usual
    // one; any when empty) and the client as rater.
    Q_INVOKABLE void reset(const QString& clientCode, const QString& instrument = QString());
    // Sets item `index` from what was typed; "4,3,5" fills items index, index+1, ... in turn.
    Q_INVOKABLE void setItemText(int index, const QString& text);
    // Saves the rating, and the report when given, in one transaction; emits saved(session number).
    Q_INVOKABLE bool submit();

signals:
    void loaded();
    void instrumentChanged();
    void itemsChanged();
    // The session's number in the client's date order, and the series it was logged in.
    void saved(int sessionNumber, const QString& instrument, const QString& rater);

private:
    void readItem(int index, const QString& text);
    bool existingRating(const QDate& date, Rater rater) const;

    QString clientCode_;
    Instrument instrument_ = Instrument::Bgt;
    QString dateText_;
    QString rater_ = QStringLiteral("client");
    QStringList statements_;
    QStringList itemTexts_;
    QStringList itemProblems_;
    QList<int> itemTenths_;
    QString note_;
    bool reportGiven_ = false;
    bool tension_ = false;
    int intensity_ = 3;
    int resolution_ = 3;
};

} // namespace alliance::gui
