import QtQuick
import QtQuick.Controls

// A multi-line text field with a visible frame (Basic's TextArea has none) and a focus ring.
TextArea {
    id: root

    wrapMode: TextEdit.Wrap
    color: Theme.text
    placeholderTextColor: Theme.mutedText
    background: Rectangle {
        color: Theme.surface
        border.color: root.activeFocus ? Theme.focus : Theme.border
        border.width: root.activeFocus ? 2 : 1
        radius: 2
    }
}
