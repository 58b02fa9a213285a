#include "AppContext.hpp"

#include "Demo.hpp"
#include "Errors.hpp"
#include "Paths.hpp"
#include "QtConvert.hpp"
#include "Text.hpp"

#include <QFileInfo>

namespace alliance::gui {

AppContext::AppContext(const StartupOptions& options)
{
    std::unique_ptr<Store> store;
    QString path;
    QString error;
    QString errorKind;
    std::function<std::unique_ptr<Store>()> factory;
    const Date asOf = options.asOf.isValid() ? fromQDate(options.asOf) : today();
    try {
        if (options.demo) {
            path = QStringLiteral(":memory: (demo)");
            store = std::make_unique<Store>(":memory:", OpenMode::CreateIfMissing);
            fillDemo(*store, {options.demoClients, 1, asOf});
        } else {
            path = options.databasePath.isEmpty() ? toQt(defaultDatabasePath()) : options.databasePath;
            if (QFileInfo::exists(path)) {
                store = std::make_unique<Store>(toStd(path), OpenMode::MustExist);
            } else {
                const std::string target = toStd(path);
                factory = [target] { return std::make_unique<Store>(target, OpenMode::CreateIfMissing); };
            }
        }
    } catch (const SchemaTooNew& e) {
        error = toQt(e.what());
        errorKind = QStringLiteral("newer");
    } catch (const DatabaseLocked& e) {
        error = toQt(printable(e.what()));
        errorKind = QStringLiteral("locked");
    } catch (const std::exception& e) { // not ours, permission denied, unreadable
        error = toQt(printable(e.what()));
        errorKind = QStringLiteral("unreadable");
    }
    backend_ = std::make_unique<Backend>(std::move(store), path, error, errorKind);
    backend_->setAsOf(toQDate(asOf));
    backend_->setItemTextDirectory(options.itemTextDirectory);
    if (factory)
        backend_->setStoreFactory(factory);
    caseload_ = std::make_unique<CaseloadModel>(*backend_);
    client_ = std::make_unique<ClientModel>(*backend_);
    alerts_ = std::make_unique<AlertsModel>(*backend_);
    team_ = std::make_unique<TeamModel>(*backend_);
    Backend::setInstance(backend_.get());
    CaseloadModel::setInstance(caseload_.get());
    ClientModel::setInstance(client_.get());
    AlertsModel::setInstance(alerts_.get());
    TeamModel::setInstance(team_.get());
    loader_ = std::make_unique<CaseloadLoader>(*backend_, *caseload_, *alerts_);
    idleLock_ = std::make_unique<IdleLock>(*backend_);
    if (!options.signInAs.isEmpty()) {
        const QString refused = backend_->signIn(options.signInAs, options.signInPassword);
        if (!refused.isEmpty())
            qWarning("cannot sign in as the account given: %s", qPrintable(refused));
    }
    loader_->reload();
}

AppContext::~AppContext()
{
    idleLock_.reset();
    loader_.reset(); // waits for a pass still reading
    Backend::setInstance(nullptr);
    CaseloadModel::setInstance(nullptr);
    ClientModel::setInstance(nullptr);
    AlertsModel::setInstance(nullptr);
    TeamModel::setInstance(nullptr);
}

} // namespace alliance::gui
