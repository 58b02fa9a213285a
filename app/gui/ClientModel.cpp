#include "ClientModel.hpp"

#include "SupervisionPack.hpp"

#include <QUrl>

#include "Alerts.hpp"
#include "Backend.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"
#include "TrajectoryWording.hpp"

#include <map>

#include <QPointF>
#include <QXYSeries>
#include <algorithm>
#include <set>

namespace alliance::gui {
namespace {

// What supervisors (and the plan's counselor) wrote about a plan, oldest first.
QVariantList commentsOf(const std::vector<PlanComment>& comments)
{
    QVariantList list;
    for (const PlanComment& comment : comments)
        list << QVariantMap{{QStringLiteral("author"), toQt(comment.author)},
                            {QStringLiteral("date"), toQt(toIso(comment.writtenOn))},
                            {QStringLiteral("text"), toQt(comment.text)},
                            {QStringLiteral("signedOff"), comment.signedOff}};
    return list;
}

// "Signed off by Morgan Ellis on 2026-11-20" for the latest sign-off, or "".
QString signedOff(const std::vector<PlanComment>& comments)
{
    for (auto c = comments.rbegin(); c != comments.rend(); ++c)
        if (c->signedOff)
            return QCoreApplication::translate("ClientModel", "Signed off by %1 on %2")
                .arg(toQt(c->author), toQt(toIso(c->writtenOn)));
    return {};
}

} // namespace

ClientModel::ClientModel(Backend& backend, QObject* parent) : QAbstractListModel(parent), backend_(backend)
{
    connect(&backend_, &Backend::dataChanged, this, &ClientModel::refresh);
    connect(&backend_, &Backend::clientChanged, this, [this](const QString& code) {
        if (code.compare(clientCode_, Qt::CaseInsensitive) == 0)
            refresh();
    });
    connect(&backend_, &Backend::asOfChanged, this, &ClientModel::refresh);
}

void ClientModel::setClientCode(const QString& code)
{
    if (code == clientCode_)
        return;
    clientCode_ = code;
    instrument_.reset();
    rater_ = QStringLiteral("client");
    emit clientChanged();
    refresh();
}

QString ClientModel::instrument() const
{
    return toQt(spec(report_.instrument).slug);
}

void ClientModel::setInstrument(const QString& slug)
{
    try {
        instrument_ = instrumentFromSlug(toStd(slug));
    } catch (const std::exception&) {
        return;
    }
    refresh();
}

void ClientModel::setRater(const QString& rater)
{
    if (rater == rater_)
        return;
    rater_ = rater;
    refresh();
}

QString ClientModel::raterLabel(const QString& rater)
{
    const auto value = optionalValueOf<Rater>(rater);
    return value ? Labels::of(*value) : QString();
}

QVariantList ClientModel::instrumentChoices() const
{
    QVariantList choices;
    for (const QString& slug : instruments_)
        choices << QVariantMap{{QStringLiteral("value"), slug},
                               {QStringLiteral("label"), Labels::of(instrumentFromSlug(toStd(slug)))}};
    return choices;
}

QVariantList ClientModel::raterChoices() const
{
    QVariantList choices;
    for (const QString& rater : raters_)
        choices << QVariantMap{{QStringLiteral("value"), rater},
                               {QStringLiteral("label"), raterLabel(rater)}};
    return choices;
}

void ClientModel::refresh()
{
    beginResetModel();
    detail_ = {};
    report_ = {};
    instruments_.clear();
    raters_.clear();
    client_.clear();
    ruptures_.clear();
    voidedRuptures_.clear();
    transitions_.clear();
    plans_.clear();
    security::Workspace* store = backend_.work();
    if (store && !clientCode_.isEmpty()) {
        try {
            detail_ = store->clientDetail(toStd(clientCode_));
            std::set<Instrument> usedInstruments;
            std::set<Rater> usedRaters;
            for (const auto& s : detail_.sessions)
                for (const auto& r : s.ratings) {
                    usedInstruments.insert(r.score.instrument);
                    usedRaters.insert(r.rater);
                }
            for (Instrument i : usedInstruments)
                instruments_ << toQt(spec(i).slug);
            for (Rater r : allValues<Rater>())
                if (usedRaters.count(r))
                    raters_ << toQt(slug(r));
            TrajectoryRequest request;
            request.instrument = instrument_;
            request.rater = valueOf<Rater>(rater_);
            request.asOf = fromQDate(backend_.asOf());
            report_ = buildTrajectory(detail_, request, [store](Instrument i, const std::string& d) {
                return store->analysisParams(i, d);
            });
            const Client& c = detail_.client;
            client_ = {{QStringLiteral("code"), toQt(c.code)},
                       {QStringLiteral("displayName"), toQt(c.displayName.value_or(""))},
                       {QStringLiteral("counselor"), toQt(c.counselorName)},
                       {QStringLiteral("status"), toQt(slug(c.status))},
                       {QStringLiteral("statusLabel"), Labels::of(c.status)},
                       {QStringLiteral("startDate"), toQt(toIso(c.startDate))},
                       {QStringLiteral("cadenceDays"), c.cadenceDays}};
            // People read catalogue labels, never slugs.
            std::map<std::string, QString> labels;
            for (const char* kind : {"marker", "strategy", "category"})
                for (const CatalogueEntry& e : store->catalogue(kind))
                    labels[e.slug] = toQt(e.label);
            const auto labelOf = [&labels](const std::string& slug) {
                const auto found = labels.find(slug);
                return found == labels.end() ? toQt(slug) : found->second;
            };
            for (const auto& r : detail_.ruptures) {
                QStringList markers;
                QStringList markerLabels;
                for (const auto& m : r.markers) {
                    markers << toQt(m);
                    markerLabels << labelOf(m);
                }
                ruptures_ << QVariantMap{
                    {QStringLiteral("id"), static_cast<int>(r.id)},
                    {QStringLiteral("session"), r.sessionNumber},
                    {QStringLiteral("date"), toQt(toIso(r.sessionDate))},
                    {QStringLiteral("kind"), toQt(slug(r.kind))},
                    {QStringLiteral("markers"), markers},
                    {QStringLiteral("markerLabels"), markerLabels},
                    {QStringLiteral("kindLabel"), Labels::of(r.kind)},
                    {QStringLiteral("salience"), r.salience},
                    {QStringLiteral("noticedBy"), toQt(slug(r.noticedBy))},
                    {QStringLiteral("noticedByLabel"), Labels::of(r.noticedBy)},
                    {QStringLiteral("categoryLabel"), r.category ? labelOf(*r.category) : QString()},
                    {QStringLiteral("category"), toQt(r.category.value_or(""))},
                    {QStringLiteral("note"), toQt(r.note.value_or(""))},
                    {QStringLiteral("revisions"), r.revisions}};
            }
            for (const auto& r : detail_.voidedRuptures)
                voidedRuptures_ << QVariantMap{{QStringLiteral("id"), static_cast<int>(r.id)},
                                               {QStringLiteral("session"), r.sessionNumber},
                                               {QStringLiteral("kindLabel"), Labels::of(r.kind)}};
            for (const TransitionPlan& t : detail_.transitions)
                transitions_ << QVariantMap{
                    {QStringLiteral("id"), static_cast<int>(t.id)},
                    {QStringLiteral("rupture"), static_cast<int>(t.ruptureId.value_or(0))},
                    {QStringLiteral("date"), toQt(toIso(t.createdOn))},
                    {QStringLiteral("referral"), toQt(t.referralAgency.value_or(""))},
                    {QStringLiteral("nextSteps"), toQt(t.nextSteps.value_or(""))},
                    {QStringLiteral("policyReviewed"), t.policyReviewed},
                    {QStringLiteral("dialogueHeld"), t.dialogueHeld},
                    {QStringLiteral("supervisorInvited"), t.supervisorInvited},
                    {QStringLiteral("comments"), commentsOf(t.comments)},
                    {QStringLiteral("signedOff"), signedOff(t.comments)}};
            for (const auto& p : detail_.plans) {
                QStringList strategies;
                QStringList strategyLabels;
                for (const auto& s : p.strategies) {
                    strategies << toQt(s);
                    strategyLabels << labelOf(s);
                }
                QStringList steps;
                for (const auto& s : p.steps)
                    steps << toQt(s.text);
                plans_ << QVariantMap{
                    {QStringLiteral("id"), static_cast<int>(p.id)},
                    {QStringLiteral("rupture"), static_cast<int>(p.ruptureId)},
                    {QStringLiteral("status"), toQt(slug(p.status))},
                    {QStringLiteral("statusLabel"), Labels::of(p.status)},
                    {QStringLiteral("outcome"), p.outcome ? toQt(slug(*p.outcome)) : QString()},
                    {QStringLiteral("outcomeLabel"), p.outcome ? Labels::of(*p.outcome) : QString()},
                    {QStringLiteral("due"), p.dueDate ? toQt(toIso(*p.dueDate)) : QString()},
                    {QStringLiteral("followUp"), p.followUpSessionNumber.value_or(0)},
                    {QStringLiteral("strategies"), strategies},
                    {QStringLiteral("strategyLabels"), strategyLabels},
                    {QStringLiteral("steps"), steps},
                    {QStringLiteral("note"), toQt(p.note.value_or(""))},
                    {QStringLiteral("revisions"), p.revisions},
                    {QStringLiteral("comments"), commentsOf(p.comments)},
                    {QStringLiteral("signedOff"), signedOff(p.comments)}};
            }
        } catch (const std::exception& e) {
            emit backend_.errorOccurred(Labels::failure(e));
            detail_ = {};
            report_ = {};
        }
    }
    endResetModel();
    emit trajectoryChanged();
}

int ClientModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(report_.points.size());
}

QVariant ClientModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto k = static_cast<std::size_t>(index.row());
    const SeriesPoint& p = report_.points[k];
    switch (role) {
    case Qt::DisplayRole:
    case NumberRole: return p.sessionNumber;
    case DateRole: return toQt(toIso(p.date));
    case TotalRole: return valueAt(k, QStringLiteral("total"));
    case BondRole: return valueAt(k, QStringLiteral("bond"));
    case GoalRole: return valueAt(k, QStringLiteral("goal"));
    case TaskRole: return valueAt(k, QStringLiteral("task"));
    case PhaseRole: return toQt(phaseSlug(report_.total.phases[k]));
    case PhaseLabelRole: return Labels::of(report_.total.phases[k]);
    case RciRole: return report_.total.rci[k] ? QVariant(*report_.total.rci[k]) : QVariant();
    case BelowCutoffRole: return report_.params.belowCutoff(valueAt(k, QStringLiteral("total")));
    case ReportRole: {
        for (const auto& s : detail_.sessions) {
            if (s.number != p.sessionNumber || !s.report)
                continue;
            if (!s.report->tension)
                return tr("no tension");
            return tr("tension %1/5, resolved %2/5").arg(*s.report->intensity).arg(*s.report->resolution);
        }
        return QString();
    }
    case NoteRole:
        for (const auto& s : detail_.sessions)
            if (s.number == p.sessionNumber)
                return toQt(s.note.value_or(""));
        return QString();
    case RuptureCountRole:
        return static_cast<int>(
            std::count_if(detail_.ruptures.begin(), detail_.ruptures.end(),
                          [&](const Rupture& r) { return r.sessionNumber == p.sessionNumber; }));
    default: return {};
    }
}

QHash<int, QByteArray> ClientModel::roleNames() const
{
    return {{NumberRole, "number"},
            {DateRole, "date"},
            {TotalRole, "total"},
            {BondRole, "bond"},
            {GoalRole, "goal"},
            {TaskRole, "task"},
            {PhaseRole, "phase"},
            {PhaseLabelRole, "phaseLabel"},
            {RciRole, "rci"},
            {BelowCutoffRole, "belowCutoff"},
            {RuptureCountRole, "ruptureCount"},
            {ReportRole, "report"},
            {NoteRole, "note"}};
}

double ClientModel::valueAt(std::size_t k, const QString& which) const
{
    const Score& s = report_.points[k].score;
    int tenths = s.totalTenths;
    if (which == QLatin1String("bond"))
        tenths = s.bondTenths;
    else if (which == QLatin1String("goal"))
        tenths = s.goalTenths;
    else if (which == QLatin1String("task"))
        tenths = s.taskTenths;
    return tenthsToDouble(tenths);
}

QString ClientModel::headerText() const
{
    if (detail_.client.code.empty())
        return {};
    const Client& c = detail_.client;
    return tr("%1 · counselor %2 · every %3 days · %4")
        .arg(c.displayName ? toQt(*c.displayName) : tr("no display name"), toQt(c.counselorName))
        .arg(c.cadenceDays)
        .arg(Labels::of(c.status).toLower());
}

QString ClientModel::ruleText() const
{
    return report_.points.empty() ? QString() : TrajectoryWording::rule(report_.rule, report_.params);
}

QString ClientModel::summaryText() const
{
    if (report_.points.empty())
        return tr("No %1 ratings by the %2 yet.")
            .arg(toQt(spec(instrument_.value_or(Instrument::Srs)).shortName), raterLabel(rater_).toLower());
    return TrajectoryWording::summary(report_);
}

int ClientModel::rowOfSession(int number) const
{
    for (std::size_t k = 0; k < report_.points.size(); ++k)
        if (report_.points[k].sessionNumber == number)
            return static_cast<int>(k);
    return -1;
}

QVariantList ClientModel::episodes() const
{
    QVariantList list;
    for (const auto& e : report_.total.episodes) {
        const int onset = report_.sessionAt(e.onset);
        const int end = e.closedAt ? report_.sessionAt(*e.closedAt) : report_.points.back().sessionNumber;
        list << QVariantMap{
            {QStringLiteral("onset"), onset},
            {QStringLiteral("end"), end},
            {QStringLiteral("status"), toQt(statusSlug(e.status))},
            {QStringLiteral("baseline"), e.baseline},
            {QStringLiteral("lowest"), e.lowest},
            {QStringLiteral("repairedAt"), e.repairedAt ? report_.sessionAt(*e.repairedAt) : 0}};
    }
    return list;
}

QVariantList ClientModel::flags() const
{
    QVariantList list;
    for (const auto& f : report_.flags)
        list << QVariantMap{{QStringLiteral("kind"), toQt(f.kind)},
                            {QStringLiteral("id"), toQt(alertId(report_.clientCode, f))},
                            {QStringLiteral("session"), f.sessionNumber.value_or(0)},
                            {QStringLiteral("reason"), TrajectoryWording::reason(f)},
                            {QStringLiteral("suggestion"), TrajectoryWording::suggestion(f)},
                            {QStringLiteral("rule"), TrajectoryWording::ruleOf(f)},
                            {QStringLiteral("severity"), f.severity}};
    return list;
}

double ClientModel::axisMin() const
{
    return tenthsToDouble(spec(report_.instrument).totalMinTenths());
}

double ClientModel::axisMax() const
{
    return tenthsToDouble(spec(report_.instrument).totalMaxTenths());
}

double ClientModel::dimensionAxisMax() const
{
    const InstrumentSpec& s = spec(report_.instrument);
    return tenthsToDouble(s.itemMaxTenths * std::max(1, s.dimensionItemCount(Dimension::Bond)));
}

double ClientModel::cutoff() const
{
    return report_.params.cutoff.value_or(-1.0);
}

int ClientModel::lastSessionNumber() const
{
    return report_.points.empty() ? 0 : report_.points.back().sessionNumber;
}

void ClientModel::fillSeries(QObject* series, const QString& which) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(report_.points.size()));
    for (std::size_t k = 0; k < report_.points.size(); ++k)
        points.append(QPointF(report_.points[k].sessionNumber, valueAt(k, which)));
    xy->replace(points);
}

void ClientModel::fillPhase(QObject* series, const QString& phase) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    QList<QPointF> points;
    for (std::size_t k = 0; k < report_.points.size(); ++k)
        if (toQt(phaseSlug(report_.total.phases[k])) == phase)
            points.append(QPointF(report_.points[k].sessionNumber, valueAt(k, QStringLiteral("total"))));
    xy->replace(points);
}

void ClientModel::fillRuptures(QObject* series) const
{
    std::vector<int> sessions;
    for (const auto& r : detail_.ruptures)
        sessions.push_back(r.sessionNumber);
    fillAtSessions(series, sessions);
}

void ClientModel::fillPlanFollowUps(QObject* series) const
{
    std::vector<int> sessions;
    for (const auto& p : detail_.plans)
        if (p.followUpSessionNumber)
            sessions.push_back(*p.followUpSessionNumber);
    fillAtSessions(series, sessions);
}

void ClientModel::fillAtSessions(QObject* series, const std::vector<int>& sessions) const
{
    auto* xy = qobject_cast<QXYSeries*>(series);
    if (!xy)
        return;
    QList<QPointF> points;
    for (int session : sessions)
        for (std::size_t k = 0; k < report_.points.size(); ++k)
            if (report_.points[k].sessionNumber == session)
                points.append(QPointF(session, valueAt(k, QStringLiteral("total"))));
    xy->replace(points);
}

QString ClientModel::writeSupervisionPack(const QVariant& chart, const QString& file, bool deidentified,
                                          bool withText)
{
    security::Workspace* work = backend_.work();
    if (!work || detail_.client.code.empty())
        return tr("No client is open.");
    const QString path = file.startsWith(QLatin1String("file:")) ? QUrl(file).toLocalFile() : file;
    if (path.isEmpty())
        return tr("Choose a file for the pack.");
    try {
        work->audit({"export", detail_.client.code, std::nullopt,
                     std::string("supervision pack") + (deidentified ? ", de-identified" : "") +
                         (deidentified && withText ? ", with text" : "")});
        std::map<std::string, QString> labels;
        for (const char* kind : {"marker", "strategy", "category"})
            for (const CatalogueEntry& e : work->catalogue(kind))
                labels[e.slug] = toQt(e.label);
        gui::writeSupervisionPack({detail_, report_, labels, ruleText(), backend_.asOf()},
                                  chart.value<QImage>(), path, {deidentified, withText});
    } catch (const std::exception& e) {
        return Labels::failure(e);
    }
    return {};
}

} // namespace alliance::gui
