import QtQuick
import QtQuick.Controls

// The one primary action of a page or dialog: accent background, text that passes WCAG AA.
Button {
    id: root

    highlighted: true
    palette.dark: Theme.accent
    palette.brightText: Theme.onAccent
    palette.mid: Qt.darker(Theme.accent, 1.3)
    // Disabled must look disabled: the inactive colours, not the accent with dark text.
    palette.disabled.dark: Theme.surfaceAlt
    palette.disabled.brightText: Theme.mutedText
}
