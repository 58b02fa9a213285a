pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Log a session's rating by keyboard in seconds: date (today), instrument, items, note, Enter.
// Typing "4,3,5,..." into the first item fills them all. The state lives in SessionForm; this
// only binds. An error stays on its field and focus moves there.
ModalDialog {
    id: root

    readonly property SessionForm form: SessionForm {
        onSaved: (session, instrument, rater) => {
            root.close()
            root.sessionSaved(session, instrument, rater)
        }
        onFailed: root.focusFieldAtFault()
    }

    signal sessionSaved(int session, string instrument, string rater)

    function openFor(clientCode: string, instrument: string) {
        form.reset(clientCode, instrument)
        open()
        dateField.forceActiveFocus(Qt.TabFocusReason)
    }
    // The first item that is empty or unreadable (the one the items' message is about).
    function firstItemToFix(): int {
        for (let i = 0; i < form.itemCount; ++i)
            if (form.itemTenths[i] < 0)
                return i
        return 0
    }
    function focusFieldAtFault() {
        const fields = { date: dateField, rater: raterBox, items: items.itemAt(firstItemToFix()), note: noteField,
                         report: reportBox }
        const field = fields[form.firstErrorField]
        if (field)
            field.forceActiveFocus(Qt.TabFocusReason)
    }

    title: qsTr("Log a session for %1").arg(form.clientCode)
    width: Math.min(720, (Overlay.overlay ? Overlay.overlay.width : 760) - 2 * Theme.padding)
    height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 700) - 2 * Theme.padding)
    padding: Theme.padding

    FormScroll {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label { text: qsTr("Date"); color: Theme.text; height: dateField.height; verticalAlignment: Text.AlignVCenter }
                TextField {
                    id: dateField
                    width: 120
                    text: root.form.dateText
                    inputMask: "9999-99-99"
                    Accessible.name: qsTr("Session date, year-month-day")
                    Accessible.description: root.form.dateError
                    onTextEdited: root.form.dateText = text
                    onAccepted: root.form.submit()
                }
                Label { text: qsTr("Instrument"); color: Theme.text; height: dateField.height; verticalAlignment: Text.AlignVCenter }
                ComboBox {
                    id: instrumentBox
                    model: root.form.instrumentChoices
                    textRole: "label"
                    valueRole: "value"
                    implicitContentWidthPolicy: ComboBox.WidestText
                    currentIndex: count > 0 ? indexOfValue(root.form.instrument) : -1 // again once the choices are in
                    Accessible.name: qsTr("Instrument")
                    onActivated: root.form.instrument = currentValue
                }
                Label { text: qsTr("Rated by"); color: Theme.text; height: dateField.height; verticalAlignment: Text.AlignVCenter }
                ComboBox {
                    id: raterBox
                    model: root.form.raterChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: count > 0 ? indexOfValue(root.form.rater) : -1 // again once the choices are in
                    Accessible.name: qsTr("Rated by")
                    Accessible.description: root.form.raterError
                    onActivated: root.form.rater = currentValue
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.dateError }
            FieldError { Layout.fillWidth: true; text: root.form.raterError }

            Label { text: root.form.rangeText; color: Theme.mutedText }
            GridLayout {
                columns: Math.max(1, Math.floor(root.availableWidth / 116))
                columnSpacing: Theme.spacing
                rowSpacing: 2
                Repeater {
                    id: items
                    model: root.form.itemCount
                    ColumnLayout {
                        id: cell
                        required property int index
                        readonly property string problem: root.form.itemProblems[index] ?? ""
                        spacing: 0
                        function forceActiveFocus() { itemField.forceActiveFocus() }
                        Label {
                            text: root.form.itemLabels[cell.index] ?? ""
                            color: Theme.mutedText
                            font.pixelSize: Theme.smallFontSize
                            Layout.maximumWidth: 110
                            elide: Text.ElideRight
                        }
                        TextField {
                            id: itemField
                            Layout.preferredWidth: 100
                            text: root.form.itemTexts[cell.index] ?? ""
                            Accessible.name: (root.form.itemStatements[cell.index] ?? "") !== ""
                                             ? root.form.itemStatements[cell.index] : root.form.itemLabels[cell.index] ?? ""
                            Accessible.description: cell.problem
                            color: cell.problem === "" ? Theme.text : Theme.breach
                            objectName: "item" + cell.index
                            // "4,3,5,..." fills the items from here on when the field is left or Enter is pressed.
                            onTextEdited: if (text.indexOf(",") < 0) root.form.setItemText(cell.index, text)
                            onEditingFinished: if (text.indexOf(",") >= 0) root.form.setItemText(cell.index, text)
                            onAccepted: {
                                if (text.indexOf(",") >= 0)
                                    root.form.setItemText(cell.index, text)
                                root.form.submit()
                            }
                        }
                        Label {
                            text: cell.problem
                            visible: cell.problem !== ""
                            color: Theme.breach
                            font.pixelSize: Theme.smallFontSize
                            Layout.maximumWidth: 110
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.itemsError }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: root.form.belowCutoff ? Theme.warning : Theme.text
                font.bold: true
                text: root.form.scoreText
            }
            CheckBox {
                id: reportBox
                text: qsTr("Record the client's post-session report")
                checked: root.form.reportGiven
                Accessible.name: text
                onToggled: root.form.reportGiven = checked
            }
            Flow {
                visible: root.form.reportGiven
                Layout.fillWidth: true
                Layout.leftMargin: 32
                spacing: Theme.spacing
                CheckBox {
                    id: tensionBox
                    text: qsTr("Tension in the session")
                    checked: root.form.tension
                    Accessible.name: qsTr("The client felt tension in the session")
                    onToggled: root.form.tension = checked
                }
                Label { text: qsTr("strength"); color: Theme.text; enabled: tensionBox.checked; height: tensionBox.height; verticalAlignment: Text.AlignVCenter }
                SpinBox {
                    from: 1
                    to: 5
                    value: root.form.intensity
                    enabled: tensionBox.checked
                    Accessible.name: qsTr("Tension intensity, 1 to 5")
                    onValueModified: root.form.intensity = value
                }
                Label { text: qsTr("resolved"); color: Theme.text; enabled: tensionBox.checked; height: tensionBox.height; verticalAlignment: Text.AlignVCenter }
                SpinBox {
                    from: 1
                    to: 5
                    value: root.form.resolution
                    enabled: tensionBox.checked
                    Accessible.name: qsTr("How far the tension was resolved, 1 to 5")
                    onValueModified: root.form.resolution = value
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.reportError }
            FramedTextArea {
                id: noteField
                objectName: "noteField"
                Layout.fillWidth: true
                Layout.preferredHeight: 70
                text: root.form.note
                placeholderText: qsTr("Note (optional): was the score discussed with the client?")
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Session note")
                Accessible.description: root.form.noteError
                onTextChanged: if (text !== root.form.note) root.form.note = text
            }
            FieldError { Layout.fillWidth: true; text: root.form.noteError }
            FieldError { Layout.fillWidth: true; text: root.form.message }
            RowLayout {
                Item { Layout.fillWidth: true }
                Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel logging") }
                AccentButton {
                    objectName: "saveButton"
                    text: qsTr("Save (Enter)")
                    enabled: root.form.complete
                    Accessible.name: qsTr("Save the session")
                    onClicked: root.form.submit()
                }
            }
        }
    }
}
