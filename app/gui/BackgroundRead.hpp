#pragma once
// A read of a database file on a worker thread, through its own read-only connection, so the
// window stays responsive; the result is handed back on the GUI thread. Shared by the caseload's
// loader and the Team page.
#include "QtConvert.hpp"
#include "Store.hpp"
#include "Text.hpp"

#include <QMetaObject>
#include <QObject>
#include <memory>
#include <string>
#include <thread>

namespace alliance::gui {

// Starts `read(Store&) -> Result` on a new thread against `path`; a failure goes into
// `result->error` (safe to show). Then `done()` runs on `context`'s thread -- dropped if `context`
// is gone by then (its owner must join the returned thread before it goes).
template <class Result, class Read, class Done>
std::thread startBackgroundRead(QObject* context, const std::string& path, std::shared_ptr<Result> result,
                                Read read, Done done)
{
    return std::thread([context, path, result, read = std::move(read), done = std::move(done)]() mutable {
        try {
            Store reader(path, OpenMode::ReadOnly);
            *result = read(reader);
        } catch (const std::exception& e) {
            result->error = toQt(printable(e.what()));
        }
        QMetaObject::invokeMethod(context, std::move(done), Qt::QueuedConnection);
    });
}

} // namespace alliance::gui
