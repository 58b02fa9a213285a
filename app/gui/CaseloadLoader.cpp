#include "CaseloadLoader.hpp"

#include "BackgroundRead.hpp"
#include "Labels.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

namespace alliance::gui {

CaseloadPass readCaseload(security::Workspace& store, const std::optional<std::string>& counselor,
                          const Date& asOf, bool alerts)
{
    CaseloadPass pass;
    try {
        const auto acks = store.alertAcks();
        const ParamsLookup params = store.params();
        store.forEachClientDetail(
            counselor,
            [&](const ClientDetail& detail) {
                CaseloadModel::Row row = CaseloadModel::rowFor(detail, asOf, params);
                if (alerts) {
                    auto more = clientAlerts(detail, asOf, acks, params);
                    pass.alerts.insert(pass.alerts.end(), std::make_move_iterator(more.begin()),
                                       std::make_move_iterator(more.end()));
                }
                QString code = row.code;
                pass.rows.emplace(std::move(code), std::move(row));
            },
            DetailDepth::ForAnalysis);
        orderBySeverity(pass.alerts);
    } catch (const std::exception& e) {
        pass = {};
        pass.error = Labels::failure(e);
    }
    return pass;
}

CaseloadLoader::CaseloadLoader(Backend& backend, CaseloadModel& caseload, AlertsModel& alerts)
    : backend_(backend), caseload_(caseload), alerts_(alerts)
{
    connect(&backend_, &Backend::dataChanged, this, &CaseloadLoader::reload);
    connect(&backend_, &Backend::storeChanged, this, &CaseloadLoader::reload);
    connect(&backend_, &Backend::currentCounselorChanged, this, &CaseloadLoader::reload);
    connect(&backend_, &Backend::asOfChanged, this, &CaseloadLoader::reload);
    connect(&backend_, &Backend::clientChanged, this, [this](const QString& code) {
        if (caseload_.loading())
            changedMeanwhile_.insert(code);
    });
}

CaseloadLoader::~CaseloadLoader()
{
    join();
}

void CaseloadLoader::join()
{
    if (worker_.joinable())
        worker_.join();
}

void CaseloadLoader::reload()
{
    security::Workspace* work = backend_.work();
    if (work && !work->databasePath().empty()) {
        if (!startQueued_) {
            startQueued_ = true;
            caseload_.setLoading(true); // the page says it is reading from now on
            QMetaObject::invokeMethod(this, &CaseloadLoader::start, Qt::QueuedConnection);
        }
        return;
    }
    start();
}

void CaseloadLoader::start()
{
    if (!std::exchange(startQueued_, false) && backend_.work() && !backend_.work()->databasePath().empty())
        return; // started already by finish()
    const std::uint64_t generation = ++generation_;
    security::Workspace* store = backend_.work();
    if (!store) {
        apply(generation, {});
        return;
    }
    const std::optional<std::string> counselor = optionalText(backend_.currentCounselor());
    const Date asOf = fromQDate(backend_.asOf());
    const std::string path = store->databasePath();
    if (path.empty()) { // in memory: no second connection can see it
        apply(generation, readCaseload(*store, counselor, asOf));
        return;
    }
    join(); // one worker at a time; a pass takes well under a second
    caseload_.setLoading(true);
    changedMeanwhile_.clear();
    auto result = std::make_shared<CaseloadPass>();
    pending_ = result;
    worker_ = startBackgroundRead(
        this, *store, result, [counselor](security::Workspace& own) { own.noteCaseloadRead(counselor); },
        [counselor, asOf](security::Workspace& reader) { return readCaseload(reader, counselor, asOf); },
        [this, result, generation] {
            if (pending_ == result)
                apply(generation, std::move(*result));
        });
}

void CaseloadLoader::finish()
{
    if (startQueued_)
        start();
    join();
    if (pending_)
        apply(generation_, std::move(*pending_));
}

void CaseloadLoader::apply(std::uint64_t generation, CaseloadPass pass)
{
    if (generation != generation_)
        return; // a newer pass was asked for
    pending_.reset();
    if (!pass.error.isEmpty())
        emit backend_.errorOccurred(pass.error);
    caseload_.take(std::move(pass.rows));
    alerts_.take(std::move(pass.alerts));
    caseload_.setLoading(false);
    const QSet<QString> changed = std::exchange(changedMeanwhile_, {});
    for (const QString& code : changed) { // written after the pass's snapshot was taken
        caseload_.updateClient(code);
        alerts_.updateClient(code);
    }
}

} // namespace alliance::gui
