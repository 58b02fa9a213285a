#pragma once
// A read of a database file on a worker thread, through its own read-only connection, so the
// window stays responsive; the result is handed back on the GUI thread. Shared by the caseload's
// loader and the Team page.
#include "Labels.hpp"
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

// First runs `note(work)` here -- the account's own workspace checks and records the read, as the
// worker's read-only copy records nothing; then `read(Workspace&) -> Result` on a new thread
// against the database of `work`, as the same account (with a copy of its key, wiped when the read
// ends). A failure of either goes into `result->error` (worded for a person). Then `done()` runs on
// `context`'s thread -- dropped if `context` is gone by then (its owner must join the returned
// thread, if any, before it goes).
template <class Result, class Note, class Read, class Done>
std::thread startBackgroundRead(QObject* context, security::Workspace& work, std::shared_ptr<Result> result,
                                Note note, Read read, Done done)
{
    try {
        note(work);
    } catch (const std::exception& e) {
        result->error = Labels::failure(e);
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
        return {};
    }
    auto key = std::make_shared<security::SecretKey>(work.keyCopy());
    return std::thread([context, path = work.databasePath(), account = work.account(), key, result,
                        read = std::move(read), done = std::move(done)]() mutable {
        try {
            Store reader(path, OpenMode::ReadOnly);
            reader.sealing().unlock(std::move(*key));
            security::Workspace readerWork(reader, account);
            *result = read(readerWork);
        } catch (const std::exception& e) {
            result->error = Labels::failure(e);
        }
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
    });
}

} // namespace alliance::gui
