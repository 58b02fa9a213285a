#include "IdleLock.hpp"

#include "Backend.hpp"

#include <QCoreApplication>
#include <QEvent>

namespace alliance::gui {

IdleLock::IdleLock(Backend& backend, QObject* parent) : QObject(parent), backend_(backend)
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, &backend_, &Backend::lock);
    connect(&backend_, &Backend::idleLockChanged, this, &IdleLock::restart);
    connect(&backend_, &Backend::accountChanged, this, &IdleLock::restart);
    if (QCoreApplication* app = QCoreApplication::instance())
        app->installEventFilter(this);
    restart();
}

IdleLock::~IdleLock()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleLock::restart()
{
    // Counting only matters while someone is signed in and the app is open.
    if (backend_.signedIn() && !backend_.locked())
        timer_.start(backend_.idleLockSeconds() * 1000);
    else
        timer_.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (timer_.isActive())
            timer_.start(backend_.idleLockSeconds() * 1000);
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace alliance::gui
