pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Log a session's rating by keyboard in seconds: date (today), instrument, items, note, Enter.
// Typing "4,3,5,..." into the first item fills them all.
Dialog {
    id: root

    property string clientCode: ""
    property alias dateText: dateField.text
    property alias noteText: noteField.text
    property alias instrumentIndex: instrumentBox.currentIndex
    property alias raterIndex: raterBox.currentIndex
    property alias reportGiven: reportBox.checked
    property alias tension: tensionBox.checked
    property alias intensity: intensityBox.value
    property alias resolution: resolutionBox.value
    property var info: Backend.instrumentInfo(instrumentBox.currentValue)
    property var values: []
    readonly property var preview: root.previewOf(instrumentBox.currentValue, values)

    // Held as a plain JS object so the page reads its keys directly.
    function previewOf(instrument: string, items: var): var {
        return plain(Backend.scorePreview(instrument, items))
    }
    // A map from C++ as a plain JS value (the Qt 6.4 linter cannot see a map's keys).
    function plain(map: var): var {
        return map
    }
    function reset() {
        const v = []
        for (let i = 0; i < info.itemCount; ++i)
            v.push("")
        values = v
    }
    function setValue(index: int, text: string) {
        const parts = text.split(",")
        const v = values.slice()
        if (parts.length > 1) {
            for (let i = 0; i < parts.length && index + i < v.length; ++i)
                v[index + i] = parts[i].trim()
        } else {
            v[index] = text.trim()
        }
        values = v
    }
    function save() {
        const result = plain(Backend.logSession(clientCode, dateField.text, instrumentBox.currentValue, values,
                                          raterBox.currentValue, noteField.text))
        if (!result.ok)
            return
        // The client's own post-session report belongs to the same session.
        if (reportBox.checked && !Backend.recordPostSessionReport(clientCode, result.sessionNumber, tensionBox.checked,
                                                                  intensityBox.value, resolutionBox.value))
            return
        noteField.text = ""
        reportBox.checked = false
        reset()
        close()
    }

    title: qsTr("Log a session for %1").arg(clientCode)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 720
    padding: Theme.padding
    focus: true
    onAboutToShow: {
        dateField.text = Backend.asOfIso
        const current = instrumentBox.model.indexOf(ClientModel.instrument)
        instrumentBox.currentIndex = Math.max(0, current)
        reset()
        dateField.forceActiveFocus()
    }
    onInfoChanged: reset()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        GridLayout {
            columns: 6
            columnSpacing: Theme.spacing
            Label { text: qsTr("Date"); color: Theme.text }
            TextField {
                id: dateField
                Layout.preferredWidth: 120
                inputMask: "9999-99-99"
                Accessible.name: qsTr("Session date, year-month-day")
                KeyNavigation.tab: instrumentBox
            }
            Label { text: qsTr("Instrument"); color: Theme.text }
            ComboBox {
                id: instrumentBox
                model: Backend.instrumentChoices
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Instrument")
            }
            Label { text: qsTr("Rated by"); color: Theme.text }
            ComboBox {
                id: raterBox
                model: Backend.raterChoices
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Rated by")
            }
        }

        Label {
            text: root.info.name + " · " + qsTr("items %1 to %2").arg(root.info.min).arg(root.info.max)
            color: Theme.mutedText
        }
        GridLayout {
            columns: root.info.itemCount > 4 ? 6 : 4
            columnSpacing: Theme.spacing
            rowSpacing: 2
            Repeater {
                model: root.info.itemCount
                ColumnLayout {
                    id: cell
                    required property int index
                    readonly property string error: root.values[index] === undefined || root.values[index] === ""
                                                    ? "" : Backend.checkItem(instrumentBox.currentValue, index, root.values[index])
                    spacing: 0
                    Label {
                        text: root.info.labels[cell.index] + " · " + root.info.dimensions[cell.index]
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFontSize
                    }
                    TextField {
                        Layout.preferredWidth: 100
                        text: root.values[cell.index] || ""
                        Accessible.name: qsTr("%1, %2").arg(root.info.labels[cell.index]).arg(root.info.dimensions[cell.index])
                        Accessible.description: cell.error
                        color: cell.error === "" ? Theme.text : Theme.breach
                        objectName: "item" + cell.index
                        // "4,3,5,..." fills the items from here on when the field is left or Enter is pressed.
                        onTextEdited: if (text.indexOf(",") < 0) root.setValue(cell.index, text)
                        onEditingFinished: if (text.indexOf(",") >= 0) root.setValue(cell.index, text)
                        onAccepted: {
                            if (text.indexOf(",") >= 0)
                                root.setValue(cell.index, text)
                            root.save()
                        }
                    }
                    Label {
                        text: cell.error
                        visible: cell.error !== ""
                        color: Theme.breach
                        font.pixelSize: Theme.smallFontSize
                        Layout.maximumWidth: 110
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
        Label {
            color: root.preview.ok && root.preview.belowCutoff ? Theme.warning : Theme.text
            font.bold: true
            text: root.preview.ok
                  ? qsTr("Total %1 · bond %2 · goal %3 · task %4%5").arg(root.preview.total).arg(root.preview.bond)
                    .arg(root.preview.goal).arg(root.preview.task).arg(root.preview.belowCutoff ? qsTr(" · below the cutoff") : "")
                  : qsTr("Enter every item; no item may be left out.")
        }
        CheckBox {
            id: reportBox
            text: qsTr("Record the client's post-session report")
            Accessible.name: text
        }
        RowLayout {
            visible: reportBox.checked
            spacing: Theme.spacing
            Layout.leftMargin: 32
            CheckBox {
                id: tensionBox
                text: qsTr("Tension in the session")
                Accessible.name: qsTr("The client felt tension in the session")
            }
            Label { text: qsTr("strength"); color: Theme.text; enabled: tensionBox.checked }
            SpinBox {
                id: intensityBox
                from: 1
                to: 5
                value: 3
                enabled: tensionBox.checked
                Accessible.name: qsTr("Tension intensity, 1 to 5")
            }
            Label { text: qsTr("resolved"); color: Theme.text; enabled: tensionBox.checked }
            SpinBox {
                id: resolutionBox
                from: 1
                to: 5
                value: 3
                enabled: tensionBox.checked
                Accessible.name: qsTr("How far the tension was resolved, 1 to 5")
            }
        }
        FramedTextArea {
            id: noteField
            objectName: "noteField"
            Layout.fillWidth: true
            Layout.preferredHeight: 70
            placeholderText: qsTr("Note (optional): was the score discussed with the client?")
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Session note")
        }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel logging") }
            AccentButton {
                objectName: "saveButton"
                text: qsTr("Save (Enter)")
                enabled: root.preview.ok
                Accessible.name: qsTr("Save the session")
                onClicked: root.save()
            }
        }
    }
}
