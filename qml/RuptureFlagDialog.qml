pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Flag a rupture: kind, its markers, salience, the deck's challenge category, who noticed, note.
// Also corrects one on record: amend or void, with a reason, the earlier versions listed below.
// The state lives in RuptureForm; this only binds.
ModalDialog {
    id: root

    readonly property RuptureForm form: RuptureForm {
        onSaved: id => {
            root.close()
            root.ruptureSaved(id)
        }
        onVoidedRupture: root.close()
        onFailed: root.focusFieldAtFault()
    }

    signal ruptureSaved(int ruptureId)

    function openFor(clientCode: string, session: int, noticedBy: string) {
        form.reset(clientCode, session, noticedBy)
        open()
        kindButtons.itemAt(0).forceActiveFocus(Qt.TabFocusReason)
    }
    // Correct rupture `ruptureId` (flagged at `session`); false when there is none.
    function openToAmend(clientCode: string, session: int, ruptureId: int): bool {
        if (!form.load(clientCode, session, ruptureId))
            return false
        open()
        reasonField.forceActiveFocus(Qt.TabFocusReason)
        return true
    }
    function focusFieldAtFault() {
        const fields = { sessionNumber: sessionBox, markers: markerBoxes.itemAt(0), salience: salienceBox,
                         category: categoryBox, note: noteField, reason: reasonField }
        const field = fields[form.firstErrorField]
        if (field)
            field.forceActiveFocus(Qt.TabFocusReason)
    }

    title: form.amending ? qsTr("Correct rupture #%1 (session %2)").arg(form.ruptureId).arg(form.sessionNumber)
                         : qsTr("Flag a rupture for %1").arg(form.clientCode)
    width: Math.min(700, (Overlay.overlay ? Overlay.overlay.width : 740) - 2 * Theme.padding)
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
                spacing: Theme.padding
                Label { visible: !root.form.amending; text: qsTr("Session"); color: Theme.text; height: sessionBox.height; verticalAlignment: Text.AlignVCenter }
                SpinBox {
                    id: sessionBox
                    visible: !root.form.amending
                    from: 1
                    to: Math.max(1, ClientModel.allSessionCount)
                    value: root.form.sessionNumber
                    editable: true
                    Accessible.name: qsTr("Session number")
                    Accessible.description: root.form.sessionError
                    onValueModified: root.form.sessionNumber = value
                }
                Repeater {
                    id: kindButtons
                    model: root.form.kindChoices
                    RadioButton {
                        required property var modelData
                        text: modelData.label
                        checked: root.form.kind === modelData.value
                        Accessible.name: text
                        onClicked: root.form.kind = modelData.value
                    }
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.sessionError }
            Label { text: qsTr("Markers"); color: Theme.text; font.bold: true }
            GridLayout {
                columns: root.availableWidth > 520 ? 2 : 1
                rowSpacing: 0
                Repeater {
                    id: markerBoxes
                    model: root.form.markerChoices
                    CheckBox {
                        required property var modelData
                        text: modelData.label
                        checked: root.form.markers.indexOf(modelData.value) >= 0
                        Accessible.name: qsTr("Marker: %1").arg(modelData.label)
                        onToggled: root.form.setMarker(modelData.value, checked)
                    }
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.markersError }
            GridLayout {
                columns: root.availableWidth > 520 ? 4 : 2
                Label { text: qsTr("Salience (1-5)"); color: Theme.text }
                SpinBox {
                    id: salienceBox
                    from: 1
                    to: 5
                    value: root.form.salience
                    Accessible.name: qsTr("Salience, 1 to 5")
                    Accessible.description: root.form.salienceError
                    onValueModified: root.form.salience = value
                }
                Label { text: qsTr("Noticed by"); color: Theme.text }
                ComboBox {
                    id: noticedBox
                    implicitContentWidthPolicy: ComboBox.WidestText
                    model: root.form.noticedByChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: count > 0 ? indexOfValue(root.form.noticedBy) : -1 // again once the choices are in
                    Accessible.name: qsTr("Noticed by")
                    onActivated: root.form.noticedBy = currentValue
                }
                Label { text: qsTr("Challenge"); color: Theme.text }
                ComboBox {
                    id: categoryBox
                    Layout.columnSpan: root.availableWidth > 520 ? 3 : 1
                    Layout.preferredWidth: 260
                    model: root.form.categoryChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: count > 0 ? indexOfValue(root.form.category) : -1 // again once the choices are in
                    Accessible.name: qsTr("Challenge to the relationship")
                    Accessible.description: root.form.categoryError
                    onActivated: root.form.category = currentValue
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.salienceError }
            FieldError { Layout.fillWidth: true; text: root.form.categoryError }
            FramedTextArea {
                id: noteField
                Layout.fillWidth: true
                Layout.preferredHeight: 70
                text: root.form.note
                placeholderText: qsTr("What happened (optional)")
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Rupture note")
                Accessible.description: root.form.noteError
                onTextChanged: if (text !== root.form.note) root.form.note = text
            }
            FieldError { Layout.fillWidth: true; text: root.form.noteError }
            Label {
                visible: root.form.voided
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.breach
                text: qsTr("This rupture is void: it is kept but not analysed, and its plans with it. Save a correction to restore it.")
            }
            TextField {
                id: reasonField
        objectName: "reasonField"
                visible: root.form.amending
                Layout.fillWidth: true
                text: root.form.reason
                placeholderText: qsTr("Why is it corrected? (required)")
                Accessible.name: qsTr("Reason for the correction")
                Accessible.description: root.form.reasonError
                onTextEdited: root.form.reason = text
            }
            FieldError { Layout.fillWidth: true; text: root.form.reasonError }
            Label {
                visible: root.form.history.length > 0
                text: qsTr("Earlier versions")
                color: Theme.text
                font.bold: true
            }
            Repeater {
                model: root.form.history
                Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: qsTr("%1, %2: %3. Reason: %4").arg(modelData.date).arg(modelData.action)
                          .arg(modelData.summary).arg(modelData.reason)
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.message }
            RowLayout {
                Button {
                    visible: root.form.amending && !root.form.voided
                    text: qsTr("Void rupture")
                    Accessible.name: qsTr("Void rupture %1: flagged by mistake").arg(root.form.ruptureId)
                    onClicked: root.form.voidRupture()
                }
                Item { Layout.fillWidth: true }
                Button {
                    text: qsTr("Cancel")
                    onClicked: root.close()
                    Accessible.name: root.form.amending ? qsTr("Cancel the correction") : qsTr("Cancel flagging")
                }
                AccentButton {
                    text: root.form.amending ? qsTr("Save correction") : qsTr("Flag rupture")
                    onClicked: root.form.submit()
                    Accessible.name: root.form.amending ? qsTr("Save the corrected rupture") : qsTr("Save the rupture")
                }
            }
        }
    }
}
