#pragma once
// The QML_SINGLETON factory for objects main() (or a test) builds and owns: QML gets the
// instance set here and never takes ownership of it.
#include <QJSEngine>

class QQmlEngine;

namespace alliance::gui {

template <class T> class MainOwnedSingleton {
public:
    static T* create(QQmlEngine*, QJSEngine*)
    {
        Q_ASSERT(instance_);
        QJSEngine::setObjectOwnership(instance_, QJSEngine::CppOwnership);
        return instance_;
    }
    static void setInstance(T* instance) { instance_ = instance; }
    // The instance main() (or a test) set; null before and after.
    static T* instance() { return instance_; }

private:
    static inline T* instance_ = nullptr;
};

} // namespace alliance::gui
