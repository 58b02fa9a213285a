#pragma once
// The composition root shared by the GUI's main() and the QML tests: opens the store (or records
// why it could not), builds the facade and the models, and hands them to QML as singletons.
#include "AlertsModel.hpp"
#include "Backend.hpp"
#include "CaseloadLoader.hpp"
#include "CaseloadModel.hpp"
#include "ClientModel.hpp"
#include "IdleLock.hpp"
#include "TeamModel.hpp"

#include <QDate>
#include <QString>
#include <memory>

namespace alliance::gui {

struct StartupOptions {
    QString databasePath; // empty: $ALLIANCE_DB or the XDG data directory
    bool demo = false;    // a fresh demo caseload in memory; nothing touches the disk
    int demoClients = 96;
    QDate asOf; // "today" for drift and due dates; default: the real today
    QString itemTextDirectory;
    // Signs in at once as this account (tests, measurements); empty: the sign-in page asks.
    QString signInAs, signInPassword;
};

class AppContext {
public:
    explicit AppContext(const StartupOptions& options);
    ~AppContext();

    Backend& backend() { return *backend_; }
    CaseloadModel& caseload() { return *caseload_; }
    ClientModel& client() { return *client_; }
    AlertsModel& alerts() { return *alerts_; }
    TeamModel& team() { return *team_; }
    // Waits until the caseload and the alerts are read (they are read on a worker thread from a
    // database file): tests and measurements that look at them at once.
    void finishReading() { loader_->finish(); }

private:
    std::unique_ptr<Backend> backend_;
    std::unique_ptr<CaseloadModel> caseload_;
    std::unique_ptr<ClientModel> client_;
    std::unique_ptr<AlertsModel> alerts_;
    std::unique_ptr<TeamModel> team_;
    std::unique_ptr<CaseloadLoader> loader_;
    std::unique_ptr<IdleLock> idleLock_;
};

} // namespace alliance::gui
