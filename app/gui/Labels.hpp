#pragma once
// What a person reads for each word of the core's vocabularies (Vocabulary.hpp), in one table per
// vocabulary, translated. QML gets its choices from here as [{value, label}]: the value is the
// core's slug (never shown), the label is this text. No QML file lists a vocabulary by hand.
#include "Errors.hpp"
#include "Instruments.hpp"
#include "Trajectory.hpp"
#include "Vocabulary.hpp"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <optional>

namespace alliance::gui {

struct Labels {
    Q_DECLARE_TR_FUNCTIONS(Labels)

public:
    static QString of(Rater value);
    static QString of(Role value);
    static QString of(ClientStatus value);
    static QString of(RuptureKind value);
    static QString of(NoticedBy value);
    static QString of(PlanStatus value);
    static QString of(Outcome value);
    static QString of(Instrument value);
    static QString of(Dimension value); // "bond", inside a sentence
    static QString of(Pattern value);   // "declining", inside a sentence
    static QString of(Phase value);     // "breach", "repair"; "" for a development
    // An item's licence-free label: "item 3" (WAI-SR), "Goals and topics" (SRS), "Bond".
    static QString item(Instrument instrument, int index);
    // "item 3 (bond)", "Goals and topics (goal)".
    static QString itemWithDimension(Instrument instrument, int index);
    // What is wrong with a field's input, from the core's reason and values (the form adds the
    // field's label); the core's own English words only for a reason it does not name.
    static QString problem(const FieldError& error);
    // What a person is told when the core refused or failed: a refusal worded from its rule, else
    // the core's words made safe to show.
    static QString failure(const std::exception& error);
    // "the client", "the counselor": the rater inside a sentence.
    static QString raterInSentence(Rater value);
};

// [{value: slug, label}] for every value of a vocabulary, in its table's order.
template <class E> QVariantList choicesOf()
{
    QVariantList choices;
    for (E value : allValues<E>())
        choices << QVariantMap{{QStringLiteral("value"),
                                QString::fromUtf8(slugOf(value).data(), qsizetype(slugOf(value).size()))},
                               {QStringLiteral("label"), Labels::of(value)}};
    return choices;
}

QVariantList instrumentChoices();

// The value a choice carries back from QML; throws ValidationError (on the vocabulary's field)
// for anything else.
template <class E> E valueOf(const QString& slug)
{
    return parseSlug<E>(slug.toStdString());
}

// The value a choice names, or nothing for a word outside the vocabulary.
template <class E> std::optional<E> optionalValueOf(const QString& slug)
{
    for (E value : allValues<E>())
        if (slugOf(value) == slug.toStdString())
            return value;
    return std::nullopt;
}

// The instrument a choice names, or nothing.
std::optional<Instrument> optionalInstrument(const QString& slug);

} // namespace alliance::gui
