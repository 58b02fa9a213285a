import QtQuick
import QtQuick.Controls

// A multi-line text field with a visible frame (Basic's TextArea has none) and a focus ring.
// Tab and Shift+Tab move focus on, as in every other field: a tab character is never typed.
TextArea {
    id: root

    wrapMode: TextEdit.Wrap
    Keys.onTabPressed: event => {
        root.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        event.accepted = true
    }
    Keys.onBacktabPressed: event => {
        root.nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason)
        event.accepted = true
    }
    color: Theme.text
    placeholderTextColor: Theme.mutedText
    background: Rectangle {
        color: Theme.surface
        border.color: root.activeFocus ? Theme.focus : Theme.border
        border.width: root.activeFocus ? 2 : 1
        radius: 2
    }
}
