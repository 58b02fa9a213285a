#pragma once
// Reads what the caseload page and the alerts show in one pass over the caseload. On a database
// file the pass runs on a worker thread through its own read-only connection, so the window shows
// at once and the pages fill when the pass is done (an agency of 5,000 clients takes ~0.4 s); an
// in-memory demo is read at once. Writes made meanwhile are applied again on top of the pass.
#include "AlertsModel.hpp"
#include "Backend.hpp"
#include "CaseloadModel.hpp"

#include <QObject>
#include <QSet>
#include <memory>
#include <thread>

namespace alliance::gui {

// One pass's results: the caseload rows and the alerts, or why the pass failed (safe to show).
struct CaseloadPass {
    std::map<QString, CaseloadModel::Row> rows;
    std::vector<Alert> alerts;
    QString error;
};
// `alerts`: false reads the rows alone.
CaseloadPass readCaseload(security::Workspace& store, const std::optional<std::string>& counselor,
                          const Date& asOf, bool alerts = true);

class CaseloadLoader : public QObject {
    Q_OBJECT
public:
    CaseloadLoader(Backend& backend, CaseloadModel& caseload, AlertsModel& alerts);
    ~CaseloadLoader() override;

    // Starts a new pass (a change of counselor, date or database, or a bulk change); a pass still
    // running is left to finish and its result dropped. On a file, changes that arrive together
    // (a sign-in changes the account, the store and the counselor shown) make one pass, started
    // from the event loop.
    void reload();
    // Blocks until the newest pass is read and shown (tests, the benchmark, --first-frame).
    void finish();

private:
    void start();
    void apply(std::uint64_t generation, CaseloadPass pass);
    void join();

    Backend& backend_;
    CaseloadModel& caseload_;
    AlertsModel& alerts_;
    std::uint64_t generation_ = 0;
    std::thread worker_;
    std::shared_ptr<CaseloadPass> pending_; // filled by the worker, applied on the GUI thread
    QSet<QString> changedMeanwhile_;        // clients written while the pass was running
    bool startQueued_ = false;              // a pass on a file is to start from the event loop
};

} // namespace alliance::gui
