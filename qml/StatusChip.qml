import QtQuick
import QtQuick.Controls

// A small labelled status marker; colour is never the only signal (the label says it).
Rectangle {
    id: root

    required property string chip
    property string label: chip

    implicitWidth: chipText.implicitWidth + 14
    implicitHeight: chipText.implicitHeight + 6
    radius: height / 2
    color: "transparent"
    border.color: Theme.chipColor(root.chip)
    border.width: 1.5
    Accessible.role: Accessible.StaticText
    Accessible.name: root.label

    Label {
        id: chipText
        anchors.centerIn: parent
        text: root.label
        color: Theme.chipColor(root.chip)
        font.pixelSize: Theme.smallFontSize
        font.bold: true
    }
}
