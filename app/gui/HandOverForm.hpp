#pragma once
// The hand-over rating: the counselor picks any instrument and checks that today's rating by the
// client does not exist yet, then the client answers every item -- each starts unanswered, and
// Confirm needs them all, so an untouched slider never becomes a stored answer. Items stay numbers
// (tenths). What the client sees on failure is worded for the client.
#include "Form.hpp"

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace alliance::gui {

class HandOverForm : public alliance::gui::Form { // qualified for qmltyperegistrar
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString clientCode MEMBER clientCode_ NOTIFY prepared)
    Q_PROPERTY(QString instrument READ instrument WRITE setInstrument NOTIFY prepared)
    // [{value, label}] -- every instrument, not only those the client was rated with before.
    Q_PROPERTY(QVariantList instrumentChoices READ instrumentChoices CONSTANT)
    Q_PROPERTY(int itemCount READ itemCount NOTIFY prepared)
    // The agency's licensed statements when supplied, else "Item 3 (bond)".
    Q_PROPERTY(QStringList itemTexts READ itemTexts NOTIFY prepared)
    Q_PROPERTY(int itemMinTenths READ itemMinTenths NOTIFY prepared)
    Q_PROPERTY(int itemMaxTenths READ itemMaxTenths NOTIFY prepared)
    Q_PROPERTY(int stepTenths READ stepTenths NOTIFY prepared)
    // One per item; -1 while the client has not answered it.
    Q_PROPERTY(QList<int> itemTenths READ itemTenths NOTIFY itemsChanged)
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY itemsChanged)
    Q_PROPERTY(bool complete READ complete NOTIFY itemsChanged)
    Q_PROPERTY(bool confirmed READ confirmed NOTIFY itemsChanged)
    // Shown to the client when their answers could not be saved ("" otherwise).
    Q_PROPERTY(QString clientMessage READ clientMessage NOTIFY itemsChanged)
    // For the counselor: why the chosen questionnaire cannot be handed over.
    Q_PROPERTY(QString instrumentError READ instrumentError NOTIFY errorsChanged)

public:
    explicit HandOverForm(QObject* parent = nullptr);

    QString instrument() const { return instrument_; }
    void setInstrument(const QString& slug);
    QVariantList instrumentChoices() const;
    int itemCount() const { return static_cast<int>(itemTenths_.size()); }
    QStringList itemTexts() const { return itemTexts_; }
    int itemMinTenths() const { return itemMinTenths_; }
    int itemMaxTenths() const { return itemMaxTenths_; }
    int stepTenths() const { return stepTenths_; }
    QList<int> itemTenths() const { return itemTenths_; }
    int answeredCount() const;
    bool complete() const { return !itemTenths_.isEmpty() && answeredCount() == itemCount(); }
    bool confirmed() const { return confirmed_; }
    QString clientMessage() const { return clientMessage_; }
    QString instrumentError() const { return errorOf(QStringLiteral("instrument")); }

    // For the counselor, before handing over: false (with the reason in `message`) when the
    // client already rated today's session with this instrument.
    Q_INVOKABLE bool prepare();
    Q_INVOKABLE void setItem(int index, int tenths);
    Q_INVOKABLE void startOver();
    Q_INVOKABLE bool confirm();

signals:
    void prepared();
    void itemsChanged();
    void saved();

private:
    QString clientCode_;
    QString instrument_;
    QStringList itemTexts_;
    QList<int> itemTenths_;
    int itemMinTenths_ = 0;
    int itemMaxTenths_ = 100;
    int stepTenths_ = 1;
    bool confirmed_ = false;
    QString clientMessage_;
};

} // namespace alliance::gui
