import QtQuick
import QtQuick.Controls

// The one primary action of a page or dialog: accent background, text that passes WCAG AA.
Button {
    id: root

    highlighted: true
    palette.dark: Theme.accent
    palette.brightText: Theme.onAccent
    palette.mid: Qt.darker(Theme.accent, 1.3)
}
