import QtQuick
import QtTest
import Alliance.Ui

// WCAG 2.1 contrast of the Theme's colours in every mode: text 4.5:1 (AA), chart lines and
// focus marks 3:1 (non-text contrast).
TestCase {
    name: "Theme"

    function luminance(c: color): real {
        const channel = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    function contrast(a: color, b: color): real {
        const la = luminance(a)
        const lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }

    function init() {
        failOnWarning(/.?/)
    }
    function cleanup() {
        Theme.mode = "light"
    }

    function test_contrast_data() {
        return [{ tag: "light", mode: "light" }, { tag: "dark", mode: "dark" }, { tag: "contrast", mode: "contrast" }]
    }
    function test_contrast(data) {
        Theme.mode = data.mode
        const grounds = { background: Theme.background, surface: Theme.surface, surfaceAlt: Theme.surfaceAlt }
        const texts = { text: Theme.text, mutedText: Theme.mutedText, accent: Theme.accent, breach: Theme.breach,
                        repair: Theme.repair, warning: Theme.warning, info: Theme.info }
        for (const g in grounds)
            for (const t in texts)
                verify(contrast(texts[t], grounds[g]) >= 4.5,
                       `${data.mode}: ${t} on ${g} is ${contrast(texts[t], grounds[g]).toFixed(2)}:1`)
        verify(contrast(Theme.textOnAccent, Theme.accent) >= 4.5,
               `${data.mode}: text on accent buttons ${Theme.textOnAccent} on ${Theme.accent}: ${contrast(Theme.textOnAccent, Theme.accent).toFixed(2)}`)
        for (const line of [Theme.bond, Theme.goal, Theme.task, Theme.focus])
            verify(contrast(line, Theme.surface) >= 3, `${data.mode}: chart line or focus ${line} on surface`)
    }
}
