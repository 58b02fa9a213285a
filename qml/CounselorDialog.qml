import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Add a colleague: name, role and supervisor. The state lives in CounselorForm.
ModalDialog {
    id: root

    readonly property CounselorForm form: CounselorForm {
        onSaved: name => {
            root.close()
            root.colleagueSaved(name)
        }
        onFailed: field => {
            if (field === "name")
                nameField.forceActiveFocus(Qt.TabFocusReason)
        }
    }

    signal colleagueSaved(string name)

    function openForNew() {
        form.reset()
        roleBox.currentIndex = 0
        supervisorBox.currentIndex = 0
        open()
        nameField.forceActiveFocus(Qt.TabFocusReason)
    }

    title: qsTr("Add a colleague")
    width: Math.min(480, (Overlay.overlay ? Overlay.overlay.width : 520) - 2 * Theme.padding)
    padding: Theme.padding

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label { text: qsTr("Name"); color: Theme.text }
        TextField {
            id: nameField
            objectName: "colleagueNameField"
            Layout.fillWidth: true
            text: root.form.name
            placeholderText: qsTr("e.g. Sam Okafor")
            Accessible.name: qsTr("Colleague's name")
            onTextEdited: root.form.name = text
            onAccepted: root.form.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.form.nameError }

        Label { text: qsTr("Role"); color: Theme.text }
        ComboBox {
            id: roleBox
            Layout.fillWidth: true
            model: root.form.roleChoices
            textRole: "label"
            valueRole: "value"
            Accessible.name: qsTr("Role")
            onActivated: root.form.role = currentValue
        }
        FieldError { Layout.fillWidth: true; text: root.form.roleError }

        Label { text: qsTr("Supervisor (optional)"); color: Theme.text }
        ComboBox {
            id: supervisorBox
            Layout.fillWidth: true
            model: root.form.supervisorChoices
            textRole: "label"
            valueRole: "value"
            Accessible.name: qsTr("Supervisor")
            onActivated: root.form.supervisor = currentValue
        }
        FieldError { Layout.fillWidth: true; text: root.form.supervisorError }
        FieldError { Layout.fillWidth: true; text: root.form.message }

        RowLayout {
            Layout.topMargin: Theme.spacing
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel") }
            AccentButton {
                objectName: "saveColleague"
                text: qsTr("Add colleague")
                Accessible.name: text
                onClicked: root.form.submit()
            }
        }
    }
}
