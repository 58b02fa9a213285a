pragma Singleton
import QtQuick

// Colours, spacing and fonts for the whole app. Three palettes: light, dark and high contrast;
// text colours meet WCAG AA (4.5:1) against their backgrounds in each.
QtObject {
    id: root

    property string mode: "light"   // light | dark | contrast

    readonly property bool dark: mode !== "light"
    readonly property color background: mode === "light" ? "#f6f7f9" : mode === "dark" ? "#16181d" : "#000000"
    readonly property color surface: mode === "light" ? "#ffffff" : mode === "dark" ? "#20232a" : "#000000"
    readonly property color surfaceAlt: mode === "light" ? "#eef1f5" : mode === "dark" ? "#2a2e36" : "#1a1a1a"
    readonly property color border: mode === "light" ? "#c9ced6" : mode === "dark" ? "#434954" : "#ffffff"
    readonly property color text: mode === "light" ? "#1f2328" : mode === "dark" ? "#e8eaed" : "#ffffff"
    readonly property color mutedText: mode === "light" ? "#4f5864" : mode === "dark" ? "#b3bac4" : "#ffffff"
    readonly property color accent: mode === "light" ? "#0b5cad" : mode === "dark" ? "#7cb8ff" : "#ffff00"
    readonly property color textOnAccent: mode === "light" ? "#ffffff" : "#000000"
    readonly property color breach: mode === "light" ? "#b3261e" : mode === "dark" ? "#ff8a80" : "#ff6e6e"
    readonly property color breachShade: mode === "light" ? "#22b3261e" : "#33ff8a80"
    readonly property color repair: mode === "light" ? "#17702f" : mode === "dark" ? "#7ee2a8" : "#00ff7f"
    readonly property color warning: mode === "light" ? "#8a4b00" : mode === "dark" ? "#ffcc80" : "#ffd700"
    readonly property color info: mode === "light" ? "#5a3d99" : mode === "dark" ? "#c8b3ff" : "#ffffff"
    readonly property color bond: mode === "light" ? "#8a3ffc" : mode === "dark" ? "#c6a4ff" : "#ff80ff"
    readonly property color goal: mode === "light" ? "#9c5000" : mode === "dark" ? "#ffb870" : "#ffa500"
    readonly property color task: mode === "light" ? "#00707a" : mode === "dark" ? "#5fd6e0" : "#00ffff"
    readonly property color focus: mode === "contrast" ? "#ffff00" : accent

    readonly property int spacing: 8
    readonly property int padding: 16
    readonly property int radius: 6
    readonly property int fontSize: 14
    readonly property int smallFontSize: 12
    readonly property int titleFontSize: 20
    readonly property int largeFontSize: 28

    function chipColor(chip: string): color {
        switch (chip) {
        case "breach-open":
        case "unrepaired":
            return breach
        case "repair-pending":
            return warning
        case "drifting":
            return info
        case "below-cutoff":
            return warning
        case "ceiling":
            return mutedText
        }
        return mutedText
    }
}
