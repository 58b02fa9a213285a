#include "WindowSnapshot.hpp"

#include <QPainter>
#include <QQuickWindow>

namespace alliance::gui {

WindowSnapshot::WindowSnapshot(QQuickItem* parent) : QQuickPaintedItem(parent)
{
    // Nothing in the picture can be read or used: it is not part of the accessibility tree.
    setAcceptedMouseButtons(Qt::NoButton);
}

void WindowSnapshot::capture()
{
    if (window())
        image_ = window()->grabWindow();
    update();
}

void WindowSnapshot::clear()
{
    image_ = QImage();
    update();
}

void WindowSnapshot::paint(QPainter* painter)
{
    if (!image_.isNull())
        painter->drawImage(boundingRect(), image_);
}

} // namespace alliance::gui
