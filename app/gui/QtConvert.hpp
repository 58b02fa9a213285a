#pragma once
// The one place where core values meet Qt types.
#include "Dates.hpp"
#include "Instruments.hpp"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <optional>
#include <string>

namespace alliance::gui {

inline std::string toStd(const QString& text)
{
    return text.toStdString();
}

inline QString toQt(const std::string& text)
{
    return QString::fromStdString(text);
}

inline QDate toQDate(const Date& date)
{
    return QDate(date.year(), date.month(), date.day());
}

inline Date fromQDate(const QDate& date)
{
    return Date(static_cast<unsigned short>(date.year()), static_cast<unsigned short>(date.month()),
                static_cast<unsigned short>(date.day()));
}

// Empty text -> nullopt; anything else is kept exactly (validated by the core).
inline std::optional<std::string> optionalText(const QString& text)
{
    return text.trimmed().isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}

// A score in the instrument's own units: "47" for WAI-SR, "33.5" for SRS and the quick rating.
inline QString scoreText(Instrument instrument, int tenths)
{
    return spec(instrument).wholeNumberItems ? QString::number(tenths / 10)
                                             : QString::number(tenths / 10.0, 'f', 1);
}

} // namespace alliance::gui
