import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Add a client, or edit one (display name, counselor, cadence, status). The state lives in
// ClientForm; this only binds. An error stays on its field and focus moves there.
ModalDialog {
    id: root

    readonly property ClientForm form: ClientForm {
        onSaved: code => {
            root.close()
            root.clientSaved(code)
        }
        onFailed: root.focusFieldAtFault()
    }

    signal clientSaved(string code)

    function openForNew(counselor: string) {
        form.reset(counselor)
        open()
        codeField.forceActiveFocus(Qt.TabFocusReason)
    }
    function openForEdit(code: string): bool {
        if (!form.load(code))
            return false
        open()
        nameField.forceActiveFocus(Qt.TabFocusReason)
        return true
    }
    function focusFieldAtFault() {
        const fields = { code: codeField, displayName: nameField, counselor: counselorBox,
                         startDate: startField, cadenceDays: cadenceBox }
        const field = fields[form.firstErrorField]
        if (field)
            field.forceActiveFocus(Qt.TabFocusReason)
    }

    title: form.editing ? qsTr("Edit client %1").arg(form.code) : qsTr("Add a client")
    width: Math.min(560, (Overlay.overlay ? Overlay.overlay.width : 600) - 2 * Theme.padding)
    padding: Theme.padding

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label { text: qsTr("Client code"); color: Theme.text }
        TextField {
            id: codeField
            objectName: "codeField"
            Layout.fillWidth: true
            text: root.form.code
            enabled: !root.form.editing
            placeholderText: qsTr("A pseudonymous code, e.g. C-042")
            Accessible.name: qsTr("Client code")
            Accessible.description: root.form.codeError
            onTextEdited: root.form.code = text
            onAccepted: root.form.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.form.codeError }

        Label { text: qsTr("Display name (optional; shown only in this app)"); color: Theme.text }
        TextField {
            id: nameField
            Layout.fillWidth: true
            text: root.form.displayName
            Accessible.name: qsTr("Display name")
            onTextEdited: root.form.displayName = text
            onAccepted: root.form.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.form.displayNameError }

        Label { text: qsTr("Counselor"); color: Theme.text }
        ComboBox {
            id: counselorBox
            Layout.fillWidth: true
            model: root.form.counselorChoices
            currentIndex: root.form.counselorIndex
            Accessible.name: qsTr("Counselor")
            onActivated: index => root.form.counselor = root.form.counselorChoices[index]
        }
        FieldError { Layout.fillWidth: true; text: root.form.counselorError }

        RowLayout {
            spacing: Theme.spacing
            ColumnLayout {
                Label { text: qsTr("Start date (YYYY-MM-DD)"); color: Theme.text }
                TextField {
                    id: startField
                    text: root.form.startDateText
                    enabled: !root.form.editing
                    inputMethodHints: Qt.ImhDate
                    Accessible.name: qsTr("Start date")
                    onTextEdited: root.form.startDateText = text
                    onAccepted: root.form.submit()
                }
            }
            ColumnLayout {
                Label { text: qsTr("Days between sessions"); color: Theme.text }
                SpinBox {
                    id: cadenceBox
                    from: 1
                    to: 365
                    editable: true
                    value: root.form.cadenceDays
                    Accessible.name: qsTr("Planned days between sessions")
                    onValueModified: root.form.cadenceDays = value
                }
            }
            ColumnLayout {
                visible: root.form.editing
                Label { text: qsTr("Status"); color: Theme.text }
                ComboBox {
                    id: statusBox
                    model: root.form.statusChoices
                    textRole: "label"
                    valueRole: "value"
                    Component.onCompleted: currentIndex = indexOfValue(root.form.status)
                    Connections {
                        target: root.form
                        function onLoaded() { statusBox.currentIndex = statusBox.indexOfValue(root.form.status) }
                    }
                    Accessible.name: qsTr("Client status")
                    onActivated: root.form.status = currentValue
                }
            }
        }
        FieldError { Layout.fillWidth: true; text: root.form.startDateError }
        FieldError { Layout.fillWidth: true; text: root.form.cadenceDaysError }
        FieldError { Layout.fillWidth: true; text: root.form.message }

        RowLayout {
            Layout.topMargin: Theme.spacing
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel") }
            AccentButton {
                objectName: "saveClient"
                text: root.form.editing ? qsTr("Save changes") : qsTr("Add client")
                Accessible.name: text
                onClicked: root.form.submit()
            }
        }
    }
}
