#pragma once
// A read of a database file on a worker thread, through its own read-only connection, so the
// window stays responsive; the result is handed back on the GUI thread. Shared by the caseload's
// loader and the Team page.
#include "QtConvert.hpp"
#include "Store.hpp"
#include "Text.hpp"
#include "security/Workspace.hpp"

#include <QMetaObject>
#include <QObject>
#include <memory>
#include <string>
#include <thread>

namespace alliance::gui {

// Starts `read(Workspace&) -> Result` on a new thread against the database of `work`, as the same
// account (with a copy of its key, wiped when the read ends); a failure goes into `result->error`
// (safe to show). Then `done()` runs on `context`'s thread -- dropped if `context` is gone by then
// (its owner must join the returned thread before it goes).
template <class Result, class Read, class Done>
std::thread startBackgroundRead(QObject* context, const security::Workspace& work,
                                std::shared_ptr<Result> result, Read read, Done done)
{
    auto key = std::make_shared<security::SecretKey>(work.keyCopy());
    return std::thread([context, path = work.databasePath(), account = work.account(), key, result,
                        read = std::move(read), done = std::move(done)]() mutable {
        try {
            Store reader(path, OpenMode::ReadOnly);
            reader.sealing().unlock(std::move(*key));
            security::Workspace readerWork(reader, account);
            *result = read(readerWork);
        } catch (const std::exception& e) {
            result->error = toQt(printable(e.what()));
        }
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
    });
}

} // namespace alliance::gui
