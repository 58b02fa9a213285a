#pragma once
// Locks the app after Backend.idleLockSeconds without a key press, click, scroll or touch: every
// input event to the application restarts the count (an application-wide event filter).
#include <QObject>
#include <QTimer>

namespace alliance::gui {

class Backend;

class IdleLock : public QObject {
    Q_OBJECT

public:
    explicit IdleLock(Backend& backend, QObject* parent = nullptr);
    ~IdleLock() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void restart();

    Backend& backend_;
    QTimer timer_;
};

} // namespace alliance::gui
