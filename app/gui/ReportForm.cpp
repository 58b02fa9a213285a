#include "ReportForm.hpp"

#include "Backend.hpp"
#include "QtConvert.hpp"

namespace alliance::gui {

namespace {

QString summaryOf(const PostSessionReport& report)
{
    if (!report.tension)
        return ReportForm::tr("no tension");
    return ReportForm::tr("tension, strength %1, resolved %2")
        .arg(report.intensity.value_or(0))
        .arg(report.resolution.value_or(0));
}

} // namespace

ReportForm::ReportForm(QObject* parent) : Form(parent)
{
    addField(QStringLiteral("tension"), "tension", tr("Tension"));
    addField(QStringLiteral("tension"), "intensity", tr("How strong"));
    addField(QStringLiteral("tension"), "resolution", tr("How far resolved"));
    addField(QStringLiteral("reason"), "reason", tr("Reason for the correction"));
}

bool ReportForm::load(const QString& clientCode, int sessionNumber)
{
    clearErrors();
    clientCode_.clear();
    if (!backend() || !backend()->work())
        return false;
    try {
        security::Workspace& store = *backend()->work();
        const ClientDetail detail = store.clientDetail(toStd(clientCode));
        if (sessionNumber < 1 || sessionNumber > static_cast<int>(detail.sessions.size()))
            return false;
        const auto& report = detail.sessions[static_cast<std::size_t>(sessionNumber - 1)].report;
        onRecord_ = report.has_value();
        tension_ = report && report->tension;
        intensity_ = report ? report->intensity.value_or(3) : 3;
        resolution_ = report ? report->resolution.value_or(3) : 3;
        history_.clear();
        for (const ReportRevision& revision :
             store.postSessionReportHistory(toStd(clientCode), sessionNumber))
            history_ << QVariantMap{{QStringLiteral("date"), toQt(toIso(revision.revisedOn))},
                                    {QStringLiteral("reason"), toQt(revision.reason)},
                                    {QStringLiteral("summary"), summaryOf(revision.previous)}};
    } catch (const std::exception&) {
        return false;
    }
    clientCode_ = clientCode;
    sessionNumber_ = sessionNumber;
    reason_.clear();
    emit loaded();
    return true;
}

bool ReportForm::submit()
{
    clearErrors();
    if (!isLoaded())
        return false;
    PostSessionReport report{tension_, std::nullopt, std::nullopt};
    if (tension_) {
        report.intensity = intensity_;
        report.resolution = resolution_;
    }
    const std::optional<std::string> reason = optionalText(reason_);
    const bool ok = attempt(
        [&](security::Workspace& store) {
            store.recordPostSessionReport(toStd(clientCode_), sessionNumber_, report, reason);
        },
        clientCode_);
    if (!ok)
        return false;
    const QString code = clientCode_; // load() starts from a clean form
    load(code, sessionNumber_);       // the new version on record, the old one in the history
    emit saved();
    return true;
}

} // namespace alliance::gui
