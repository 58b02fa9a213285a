import QtQuick
import QtQuick.Controls

// The one primary action of a page or dialog: accent background and text that passes WCAG AA;
// disabled, it takes the inactive colours so it never looks available when it is not.
Button {
    id: root

    implicitHeight: 40
    contentItem: Text {
        text: root.text
        font: root.font
        color: root.enabled ? Theme.textOnAccent : Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 100
        implicitHeight: 40
        color: !root.enabled ? Theme.surfaceAlt : root.down ? Qt.darker(Theme.accent, 1.25) : Theme.accent
        border.color: root.visualFocus ? Theme.text : "transparent"
        border.width: 2
    }
}
