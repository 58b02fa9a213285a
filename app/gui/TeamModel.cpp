#include "TeamModel.hpp"

#include "BackgroundRead.hpp"
#include "Errors.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "ReviewJson.hpp"
#include "Text.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace alliance::gui {
namespace {

QVariantMap toVariant(const nlohmann::json& document)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(document.dump())).object().toVariantMap();
}

} // namespace

TeamModel::TeamModel(Backend& backend, QObject* parent) : QObject(parent), backend_(backend)
{
    connect(&backend_, &Backend::dataChanged, this, &TeamModel::invalidate);
    connect(&backend_, &Backend::clientChanged, this, &TeamModel::invalidate);
    connect(&backend_, &Backend::asOfChanged, this, &TeamModel::invalidate);
    connect(&backend_, &Backend::storeChanged, this, &TeamModel::invalidate);
}

QVariantList TeamModel::instrumentChoices()
{
    QVariantList choices;
    for (Instrument i : allInstruments())
        choices << QVariantMap{{QStringLiteral("value"), toQt(spec(i).slug)},
                               {QStringLiteral("label"), Labels::of(i)},
                               {QStringLiteral("min"), tenthsToDouble(spec(i).totalMinTenths())},
                               {QStringLiteral("max"), tenthsToDouble(spec(i).totalMaxTenths())}};
    return choices;
}

void TeamModel::invalidate()
{
    stale_ = true;
    if (active_)
        refresh();
}

void TeamModel::setActive(bool active)
{
    if (active == active_)
        return;
    active_ = active;
    emit activeChanged();
    if (active_ && stale_)
        refresh();
}

void TeamModel::setSupervisor(const QString& name)
{
    supervisorChosen_ = true;
    if (name == supervisor_)
        return;
    supervisor_ = name;
    trendCounselor_.clear();
    emit scopeChanged();
    emit trendChanged();
    invalidate();
}

bool TeamModel::setPeriod(const QString& from, const QString& to)
{
    periodError_.clear();
    try {
        const Date start = parseIsoDate(toStd(from.trimmed()), "from");
        const Date end = parseIsoDate(toStd(to.trimmed()), "to");
        reviewPeriod(fromQDate(backend_.asOf()), start, end); // the same checks as the review's
        from_ = start;
        to_ = end;
        weeks_ = 0;
    } catch (const FieldError& e) {
        const QString field = e.field() == "from" ? tr("From") : e.field() == "to" ? tr("To") : tr("Period");
        periodError_ = field + QStringLiteral(": ") + toQt(printable(e.problem()));
        emit scopeChanged();
        return false;
    }
    emit scopeChanged();
    invalidate();
    return true;
}

void TeamModel::setWeeks(int weeks)
{
    weeks = std::clamp(weeks, 1, 520);
    if (weeks == weeks_)
        return;
    weeks_ = weeks;
    from_.reset();
    to_.reset();
    periodError_.clear();
    emit scopeChanged();
    invalidate();
}

void TeamModel::setTrendCounselor(const QString& name)
{
    if (name == trendCounselor_)
        return;
    trendCounselor_ = name;
    emit trendChanged();
}

QVariantList TeamModel::trendWeeks() const
{
    if (trendCounselor_.isEmpty())
        return trendsMap_.value(QStringLiteral("weeks")).toList();
    for (const QVariant& counselor : trendsMap_.value(QStringLiteral("counselors")).toList())
        if (counselor.toMap().value(QStringLiteral("name")).toString() == trendCounselor_)
            return counselor.toMap().value(QStringLiteral("weeks")).toList();
    return {};
}

// One read of the review, on whichever thread: the review and its two JSON documents as maps.
struct TeamModel::Pass {
    std::optional<CaseloadReview> review;
    QVariantMap reviewMap, trendsMap;
    QString error;
};

TeamModel::Pass TeamModel::read(security::Workspace& store, const ReviewScope& scope,
                                const ReviewPeriod& period)
{
    Pass pass;
    try {
        pass.review = store.reviewCaseload(scope, period);
        pass.reviewMap = toVariant(caseloadReviewJson(*pass.review));
        pass.trendsMap = toVariant(trendsJson(*pass.review));
    } catch (const std::exception& e) {
        pass = {};
        pass.error = Labels::failure(e);
    }
    return pass;
}

TeamModel::~TeamModel()
{
    if (worker_.joinable())
        worker_.join();
}

void TeamModel::refresh()
{
    const std::uint64_t generation = ++generation_;
    security::Workspace* store = backend_.work();
    supervisorNames_.clear();
    if (!store) {
        apply(generation, {});
        return;
    }
    ReviewScope scope;
    ReviewPeriod period;
    try {
        const auto people = store->counselors();
        for (const Counselor& k : people) {
            const bool supervises = std::any_of(people.begin(), people.end(), [&](const Counselor& other) {
                return other.supervisorName == k.name;
            });
            // An admin reviews any team; a supervisor their own only (the core refuses the rest).
            const bool mine = backend_.isAdmin() || toQt(k.name) == backend_.userName();
            if ((k.role == Role::Supervisor || supervises) && mine)
                supervisorNames_ << toQt(k.name);
        }
        if (!supervisorChosen_) {
            // A supervisor sees their own team first; anyone else, the first team.
            const QString own = backend_.userName();
            supervisor_ = supervisorNames_.contains(own) ? own
                          : supervisorNames_.isEmpty()   ? QString()
                                                         : supervisorNames_.first();
            emit scopeChanged();
        }
        if (!supervisor_.isEmpty() && !supervisorNames_.contains(supervisor_))
            supervisor_.clear(); // the team is gone (the database changed, someone else signed in)
        if (supervisor_.isEmpty() && !backend_.isAdmin() && !supervisorNames_.isEmpty()) {
            supervisor_ = supervisorNames_.first(); // "everyone" is an admin's scope
            emit scopeChanged();
        }
        scope = supervisor_.isEmpty() ? ReviewScope{ReviewScope::Kind::Everyone, ""}
                                      : ReviewScope{ReviewScope::Kind::Supervisor, toStd(supervisor_)};
        // As the CLI's default: from N weeks before the as-of date to it; or the dates chosen.
        const Date asOf = fromQDate(backend_.asOf());
        period = weeks_ > 0 ? reviewPeriod(asOf, addDaysSaturating(asOf, -7 * weeks_))
                            : reviewPeriod(asOf, from_, to_);
    } catch (const std::exception& e) {
        Pass failed;
        failed.error = Labels::failure(e);
        apply(generation, std::move(failed));
        return;
    }
    const std::string path = store->databasePath();
    if (path.empty()) { // in memory (the demo): no second connection can see it
        apply(generation, read(*store, scope, period));
        return;
    }
    // A file: read on a worker through its own read-only connection (everyone at agency L takes
    // ~0.3 s); the page says it is reading meanwhile. One worker at a time.
    if (worker_.joinable())
        worker_.join();
    setLoading(true);
    auto result = std::make_shared<Pass>();
    pending_ = result;
    worker_ = startBackgroundRead(
        this, *store, result, [scope](security::Workspace& own) { own.noteReviewRead(scope); },
        [scope, period](security::Workspace& reader) { return read(reader, scope, period); },
        [this, result, generation] {
            if (pending_ == result)
                apply(generation, std::move(*result));
        });
}

void TeamModel::finish()
{
    if (worker_.joinable())
        worker_.join();
    if (pending_)
        apply(generation_, std::move(*pending_));
}

void TeamModel::setLoading(bool loading)
{
    if (loading == loading_)
        return;
    loading_ = loading;
    emit loadingChanged();
}

void TeamModel::apply(std::uint64_t generation, Pass pass)
{
    if (generation != generation_)
        return; // a newer read was asked for
    pending_.reset();
    review_ = std::move(pass.review);
    reviewMap_ = std::move(pass.reviewMap);
    trendsMap_ = std::move(pass.trendsMap);
    error_ = pass.error;
    stale_ = false;
    setLoading(false);
    emit reviewChanged();
    emit trendChanged();
}

QVariantList TeamModel::clientsBehind(const QString& counselor, const QString& figure) const
{
    QVariantList list;
    if (!review_)
        return list;
    for (const ClientReview* c : alliance::clientsBehind(*review_, toStd(counselor), toStd(figure))) {
        QStringList facts;
        facts << (c->sessions == 1 ? tr("1 session in the period")
                                   : tr("%1 sessions in the period").arg(c->sessions));
        if (c->sessions > 0)
            facts << tr("%1 rated by the client").arg(c->ratedSessions);
        if (c->opened > 0)
            facts << tr("breaches: %1 repaired, %2 unrepaired, %3 pending")
                         .arg(c->repaired)
                         .arg(c->unrepaired)
                         .arg(c->pending);
        if (c->drifting)
            facts << tr("drifting");
        if (c->belowCutoff)
            facts << tr("below the cutoff");
        if (c->atCeiling)
            facts << tr("at the ceiling");
        if (c->plansOpen > 0)
            facts << (c->plansOpen == 1
                          ? tr("1 plan open, %1 overdue").arg(c->plansOverdue)
                          : tr("%1 plans open, %2 overdue").arg(c->plansOpen).arg(c->plansOverdue));
        if (!c->active)
            facts << tr("no longer active");
        list << QVariantMap{{QStringLiteral("code"), toQt(c->code)},
                            {QStringLiteral("counselor"), toQt(c->counselor)},
                            {QStringLiteral("facts"), facts.join(QStringLiteral("; "))}};
    }
    return list;
}

QVariantList TeamModel::clientsOfWeek(const QString& counselor, int week) const
{
    QVariantList list;
    if (!review_ || week < 0)
        return list;
    const auto index = static_cast<std::size_t>(week);
    for (const ClientReview* c : alliance::clientsOfWeek(*review_, toStd(counselor), index)) {
        const auto w = std::find_if(c->weeks.begin(), c->weeks.end(),
                                    [&](const ClientReview::Week& k) { return k.index == index; });
        QStringList facts;
        if (w->ratings > 0)
            facts << (w->ratings == 1 ? tr("1 client rating") : tr("%1 client ratings").arg(w->ratings));
        if (w->breachesOpened > 0)
            facts << tr("breach opened");
        if (w->breachesRepaired > 0)
            facts << tr("breach repaired");
        if (w->rupturesFlagged > 0)
            facts << tr("rupture flagged");
        if (w->plansClosed > 0)
            facts << tr("repair plan closed");
        list << QVariantMap{{QStringLiteral("code"), toQt(c->code)},
                            {QStringLiteral("counselor"), toQt(c->counselor)},
                            {QStringLiteral("facts"), facts.join(QStringLiteral("; "))}};
    }
    return list;
}

} // namespace alliance::gui
