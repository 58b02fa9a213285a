#pragma once
// The supervision pack: a PDF of one client for supervision -- the trajectory chart as the app
// draws it, the series' sessions with their phases, the breach episodes, and the rupture and repair
// log with plans, outcomes and supervisors' comments -- written with Qt's own PDF writer
// (QPdfWriter, QPainter). The de-identified variant names the client by code only, names no
// person and carries no free text (names, notes, steps, comments) unless `withText` asks for it.
#include "Model.hpp"
#include "TrajectoryReport.hpp"

#include <QDate>
#include <QImage>
#include <QString>

#include <map>

namespace alliance::gui {

struct PackOptions {
    bool deidentified = false;
    bool withText = false; // in a de-identified pack: notes, steps and comments too (never names)
};

struct PackContent {
    const ClientDetail& detail;
    const TrajectoryReport& report;
    std::map<std::string, QString> labels; // catalogue slug -> label
    QString ruleText;
    QDate asOf;
};

// Writes the PDF to `path` (the owner's only; made aside and moved into place). Returns the number
// of pages; throws std::runtime_error when the file cannot be written.
int writeSupervisionPack(const PackContent& content, const QImage& chart, const QString& path,
                         const PackOptions& options);

// The trajectory chart as the client page draws it (qml/TrajectoryChart.qml, every line shown) for
// the client ClientModel holds, rendered in a window of `size` off screen: for a pack written
// without the app's window (alliance-tracker --supervision-pack, alliance report --pdf).
QImage renderTrajectoryChart(const QSize& size);

} // namespace alliance::gui
