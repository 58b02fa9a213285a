import QtQuick
import QtQuick.Shapes

// The last sessions' totals as a tiny line (values 0..1 of the instrument's range).
Item {
    id: root

    property var values: []
    property color color: Theme.accent

    implicitWidth: 96
    implicitHeight: 28
    Accessible.role: Accessible.Graphic
    Accessible.name: values.length > 1 ? qsTr("Trend of the last %1 sessions").arg(values.length) : qsTr("No trend yet")

    Shape {
        anchors.fill: parent
        visible: root.values.length > 1
        ShapePath {
            strokeColor: root.color
            strokeWidth: 2
            fillColor: "transparent"
            PathPolyline {
                path: {
                    const points = []
                    const n = root.values.length
                    for (let i = 0; i < n; ++i)
                        points.push(Qt.point(i * (root.width - 4) / Math.max(1, n - 1) + 2,
                                             root.height - 2 - root.values[i] * (root.height - 4)))
                    return points
                }
            }
        }
    }
}
