#include "SupervisionPack.hpp"

#include "Labels.hpp"
#include "QtConvert.hpp"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSaveFile>
#include <QTimer>

#include <stdexcept>

namespace alliance::gui {

namespace {

// Lays text, tables and images down the pages, starting a new page when the next block does not fit.
class Flow {
public:
    Flow(QPdfWriter& writer, QString footer) : writer_(writer), painter_(&writer), footer_(std::move(footer))
    {
        const QRect page = painter_.viewport();
        width_ = page.width();
        height_ = page.height() - lineHeight(9) * 2; // room for the footer
        drawFooter();
    }
    ~Flow()
    {
        if (painter_.isActive())
            painter_.end();
    }
    int pages() const { return pages_; }
    int width() const { return width_; }

    void title(const QString& text) { block(text, 18, true, 0.6); }
    void heading(const QString& text)
    {
        room(lineHeight(13) * 6); // a heading never ends a page: it keeps a few lines of what follows
        block(text, 13, true, 0.5, 0.8);
    }
    void paragraph(const QString& text, int points = 10, bool bold = false)
    {
        block(text, points, bold, 0.35);
    }
    void muted(const QString& text) { block(text, 9, false, 0.35, 0, QColor(90, 90, 90)); }

    // Rows of cells in columns of the given fractions of the width; the first row is a header.
    void table(const std::vector<QStringList>& rows, const std::vector<double>& fractions)
    {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            QFont font = fontOf(9, r == 0);
            painter_.setFont(font);
            int rowHeight = 0;
            std::vector<QRect> cells;
            int x = 0;
            for (std::size_t c = 0; c < fractions.size(); ++c) {
                const int w = static_cast<int>(width_ * fractions[c]);
                const QRect bound =
                    painter_.boundingRect(QRect(x + pad(), 0, w - 2 * pad(), 100000), Qt::TextWordWrap,
                                          c < static_cast<std::size_t>(rows[r].size()) ? rows[r][c] : "");
                rowHeight = std::max(rowHeight, bound.height() + 2 * pad());
                cells.emplace_back(x, 0, w, 0);
                x += w;
            }
            if (y_ + rowHeight > height_ || (r == 0 && y_ + rowHeight * 3 > height_)) {
                newPage();
                if (r > 0) { // the header again at the top of the new page
                    table({rows[0]}, fractions);
                    y_ -= lineHeight(10) / 2;
                }
                painter_.setFont(font);
            }
            if (r == 0)
                painter_.fillRect(QRect(0, y_, x, rowHeight), QColor(235, 238, 242));
            painter_.setPen(QColor(200, 204, 210));
            painter_.drawLine(0, y_ + rowHeight, x, y_ + rowHeight);
            painter_.setPen(Qt::black);
            for (std::size_t c = 0; c < cells.size(); ++c)
                painter_.drawText(
                    QRect(cells[c].x() + pad(), y_ + pad(), cells[c].width() - 2 * pad(), rowHeight),
                    Qt::TextWordWrap, c < static_cast<std::size_t>(rows[r].size()) ? rows[r][c] : QString());
            y_ += rowHeight;
        }
        y_ += lineHeight(10) / 2;
    }

    void image(const QImage& picture)
    {
        if (picture.isNull())
            return;
        const int h = picture.height() * width_ / std::max(1, picture.width());
        room(h);
        painter_.drawImage(QRect(0, y_, width_, h), picture);
        y_ += h + lineHeight(10) / 2;
    }

private:
    QFont fontOf(int points, bool bold) const
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(points);
        font.setBold(bold);
        return font;
    }
    int lineHeight(int points) const { return QFontMetrics(fontOf(points, false), &writer_).height(); }
    int pad() const { return writer_.resolution() / 40; }
    void room(int h)
    {
        if (y_ + h > height_ && y_ > 0)
            newPage();
    }
    void block(const QString& text, int points, bool bold, double after, double before = 0,
               const QColor& colour = Qt::black)
    {
        if (text.isEmpty())
            return;
        const QFont font = fontOf(points, bold);
        painter_.setFont(font);
        y_ += static_cast<int>(lineHeight(points) * before);
        const QRect bound = painter_.boundingRect(QRect(0, 0, width_, 100000), Qt::TextWordWrap, text);
        room(bound.height());
        painter_.setFont(font);
        painter_.setPen(colour);
        painter_.drawText(QRect(0, y_, width_, bound.height()), Qt::TextWordWrap, text);
        painter_.setPen(Qt::black);
        y_ += bound.height() + static_cast<int>(lineHeight(points) * after);
    }
    void newPage()
    {
        writer_.newPage();
        y_ = 0;
        drawFooter();
    }
    void drawFooter()
    {
        ++pages_;
        const QFont saved = painter_.font();
        painter_.setFont(fontOf(8, false));
        painter_.setPen(QColor(90, 90, 90));
        painter_.drawText(QRect(0, height_ + lineHeight(9), width_, lineHeight(9)), Qt::AlignLeft,
                          footer_ + QStringLiteral(" \u00b7 ") + QObject::tr("page %1").arg(pages_));
        painter_.setPen(Qt::black);
        painter_.setFont(saved);
    }

    QPdfWriter& writer_;
    QPainter painter_;
    QString footer_;
    int width_ = 0, height_ = 0, y_ = 0, pages_ = 0;
};

QString number(double value)
{
    return QString::number(value, 'f', value == static_cast<int>(value) ? 0 : 1);
}

} // namespace

int writeSupervisionPack(const PackContent& content, const QImage& chart, const QString& path,
                         const PackOptions& options)
{
    const ClientDetail& detail = content.detail;
    const TrajectoryReport& report = content.report;
    const bool names = !options.deidentified;
    const bool text = !options.deidentified || options.withText;
    const auto labelOf = [&](const std::string& slug) {
        const auto found = content.labels.find(slug);
        return found == content.labels.end() ? toQt(slug) : found->second;
    };
    const QString code = toQt(detail.client.code);
    const QString withheld = QObject::tr("(withheld)");

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Alliance Tracker"));
        writer.setTitle(QObject::tr("Supervision pack: %1").arg(code));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        writer.setResolution(150);
        Flow flow(writer, QObject::tr("Supervision pack, client %1%2, as of %3")
                              .arg(code, options.deidentified ? QObject::tr(" (de-identified)") : QString(),
                                   content.asOf.toString(Qt::ISODate)));

        flow.title(QObject::tr("Supervision pack: client %1").arg(code));
        QStringList about;
        if (names && detail.client.displayName)
            about << QObject::tr("Name: %1").arg(toQt(*detail.client.displayName));
        about << QObject::tr("Counselor: %1").arg(names ? toQt(detail.client.counselorName) : withheld)
              << QObject::tr("Started %1, sessions every %2 days, %3")
                     .arg(toQt(toIso(detail.client.startDate)))
                     .arg(detail.client.cadenceDays)
                     .arg(Labels::of(detail.client.status))
              << QObject::tr("Series: %1 rated by %2, %3 sessions")
                     .arg(toQt(spec(report.instrument).name), Labels::raterInSentence(report.rater))
                     .arg(report.points.size());
        flow.paragraph(about.join(QLatin1Char('\n')));
        flow.muted(content.ruleText);
        if (options.deidentified)
            flow.muted(
                text ? QObject::tr("De-identified: the client's code only and no names; notes, steps and "
                                   "comments included as chosen.")
                     : QObject::tr("De-identified: the client's code only, no names and no free text."));

        flow.heading(QObject::tr("Trajectory"));
        flow.image(chart);

        flow.heading(QObject::tr("Breach episodes"));
        if (report.total.episodes.empty()) {
            flow.paragraph(QObject::tr("No breach by the rule."));
        } else {
            std::vector<QStringList> rows{{QObject::tr("Onset (session)"), QObject::tr("Date"),
                                           QObject::tr("Status"), QObject::tr("Repaired at session")}};
            for (const Episode& e : report.total.episodes)
                rows.push_back({QString::number(report.sessionAt(e.onset)),
                                toQt(toIso(report.dateAt(e.onset))),
                                e.status == EpisodeStatus::Pending    ? QObject::tr("open")
                                : e.status == EpisodeStatus::Repaired ? QObject::tr("repaired")
                                                                      : QObject::tr("unrepaired"),
                                e.repairedAt ? QString::number(report.sessionAt(*e.repairedAt)) : QString()});
            flow.table(rows, {0.2, 0.25, 0.25, 0.3});
        }

        flow.heading(QObject::tr("Sessions"));
        std::vector<QStringList> sessions{{QObject::tr("Session"), QObject::tr("Date"), QObject::tr("Total"),
                                           QObject::tr("Bond"), QObject::tr("Goal"), QObject::tr("Task"),
                                           QObject::tr("Phase")}};
        for (std::size_t k = 0; k < report.points.size(); ++k) {
            const Score& s = report.points[k].score;
            sessions.push_back(
                {QString::number(report.points[k].sessionNumber), toQt(toIso(report.points[k].date)),
                 number(tenthsToDouble(s.totalTenths)), number(tenthsToDouble(s.bondTenths)),
                 number(tenthsToDouble(s.goalTenths)), number(tenthsToDouble(s.taskTenths)),
                 k < report.total.phases.size() ? toQt(phaseSlug(report.total.phases[k])) : QString()});
        }
        flow.table(sessions, {0.12, 0.2, 0.13, 0.13, 0.13, 0.13, 0.16});

        flow.heading(QObject::tr("Ruptures and repairs"));
        if (detail.ruptures.empty())
            flow.paragraph(QObject::tr("No rupture flagged."));
        for (const Rupture& r : detail.ruptures) {
            QStringList markers;
            for (const auto& m : r.markers)
                markers << labelOf(m);
            flow.paragraph(
                QObject::tr("Rupture at session %1 (%2): %3, salience %4 of 5. How it was noticed: %5")
                    .arg(r.sessionNumber)
                    .arg(toQt(toIso(r.sessionDate)), Labels::of(r.kind))
                    .arg(r.salience)
                    .arg(Labels::of(r.noticedBy)),
                10, true);
            QStringList lines;
            if (!markers.isEmpty())
                lines << QObject::tr("Markers: %1").arg(markers.join(QStringLiteral(", ")));
            if (r.category)
                lines << QObject::tr("Challenge: %1").arg(labelOf(*r.category));
            if (r.note)
                lines << QObject::tr("Note: %1").arg(text ? toQt(*r.note) : withheld);
            flow.paragraph(lines.join(QLatin1Char('\n')));
            for (const RepairPlan& p : detail.plans) {
                if (p.ruptureId != r.id)
                    continue;
                QStringList strategies;
                for (const auto& s : p.strategies)
                    strategies << labelOf(s);
                QStringList plan;
                plan << QObject::tr("Repair plan of %1%2: %3")
                            .arg(toQt(toIso(p.createdOn)),
                                 p.dueDate ? QObject::tr(", due %1").arg(toQt(toIso(*p.dueDate))) : QString(),
                                 p.outcome ? QObject::tr("closed, %1").arg(Labels::of(*p.outcome))
                                           : Labels::of(p.status));
                plan << QObject::tr("Strategies: %1").arg(strategies.join(QStringLiteral("; ")));
                for (const RepairStep& step : p.steps)
                    plan << QObject::tr("Step %1%2: %3")
                                .arg(step.position)
                                .arg(step.done ? QObject::tr(" (done)") : QString(),
                                     text ? toQt(step.text) : withheld);
                if (p.note)
                    plan << QObject::tr("Note: %1").arg(text ? toQt(*p.note) : withheld);
                if (p.followUpSessionNumber)
                    plan << QObject::tr("Followed up at session %1").arg(*p.followUpSessionNumber);
                flow.paragraph(plan.join(QLatin1Char('\n')));
                for (const PlanComment& c : p.comments)
                    flow.paragraph(QObject::tr("Comment by %1 on %2%3: %4")
                                       .arg(names ? toQt(c.author) : QObject::tr("a colleague"),
                                            toQt(toIso(c.writtenOn)),
                                            c.signedOff ? QObject::tr(", signing the plan off") : QString(),
                                            text ? toQt(c.text) : withheld),
                                   9);
            }
        }
        if (!report.flags.empty()) {
            flow.heading(QObject::tr("Open flags"));
            for (const Flag& f : report.flags)
                flow.paragraph(toQt(f.reason) + QStringLiteral("\n\u2192 ") + toQt(f.suggestion));
        }
        pages = flow.pages();
    }
    if (!file.commit())
        throw std::runtime_error("cannot write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    return pages;
}

QImage renderTrajectoryChart(const QSize& size)
{
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.setSource(QUrl(QStringLiteral("qrc:/qt/qml/Alliance/Ui/TrajectoryChart.qml")));
    if (view.status() != QQuickView::Ready || !view.rootObject())
        throw std::runtime_error("cannot load the trajectory chart");
    for (const char* line : {"showTotal", "showBond", "showGoal", "showTask"})
        view.rootObject()->setProperty(line, true);
    view.resize(size);
    view.show();
    // A few frames: the chart lays its series and axes out over the first ones.
    QEventLoop wait;
    int frames = 0;
    QObject::connect(&view, &QQuickWindow::frameSwapped, &wait, [&] {
        if (++frames >= 3)
            wait.quit();
        else
            view.update();
    });
    QTimer::singleShot(10000, &wait, &QEventLoop::quit);
    view.update();
    wait.exec();
    return view.grabWindow();
}

} // namespace alliance::gui
