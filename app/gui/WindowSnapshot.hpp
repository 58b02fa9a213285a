#pragma once
// A still picture of the window. While a modal dialog is open the pages behind it are hidden --
// so a screen reader meets only the dialog, not a page it cannot reach -- and this picture, taken
// the moment before, stands in for them under the dialog's dimming.
#include <QImage>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace alliance::gui {

class WindowSnapshot : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit WindowSnapshot(QQuickItem* parent = nullptr);

    // Takes the picture of the window as it is now.
    Q_INVOKABLE void capture();
    // Lets the picture go.
    Q_INVOKABLE void clear();
    void paint(QPainter* painter) override;

private:
    QImage image_;
};

} // namespace alliance::gui
