import QtQuick
import QtQuick.Controls

// A dialog's scrolling body that keeps the focused field in view: Tab, a shortcut or "focus the
// field at fault" never leaves the person typing into a field they cannot see.
ScrollView {
    id: root

    // Scrolls just enough to show `item` when it is inside this view.
    function reveal(item: Item) {
        const flick = root.contentItem as Flickable
        if (item === null || flick === null)
            return
        let ancestor = item.parent
        while (ancestor !== null && ancestor !== flick.contentItem)
            ancestor = ancestor.parent
        if (ancestor === null)
            return
        const margin = 8
        const top = item.mapToItem(flick.contentItem, 0, 0).y
        const bottom = top + item.height
        if (top - margin < flick.contentY)
            flick.contentY = Math.max(0, top - margin)
        else if (bottom + margin > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(bottom + margin - flick.height, flick.contentHeight - flick.height))
    }

    clip: true
    contentWidth: availableWidth

    // After layout: a field that has just been shown has no place yet when it takes focus.
    function revealFocus() {
        if (root.visible)
            afterLayout.restart()
    }

    Timer {
        id: afterLayout
        interval: 0
        onTriggered: root.reveal(root.Window.activeFocusItem)
    }

    Connections {
        target: root.Window.window
        function onActiveFocusItemChanged() { root.revealFocus() }
    }
    Connections {
        target: root.contentItem as Flickable
        function onContentHeightChanged() { root.revealFocus() }
    }
}
