import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Add a colleague's account (an admin): name, role, supervisor, a first password they can change,
// and whether they may manage accounts too. The state lives in CounselorForm.
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

        Label { text: qsTr("First password (at least 10 characters; tell it to them in person)"); color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
        TextField {
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Colleague's first password") // read when Qt 6.4 loses the name (SignInPage)
            text: root.form.password
            Accessible.name: qsTr("Colleague's first password")
            Accessible.description: root.form.passwordError
            onTextEdited: root.form.password = text
        }
        FieldError { Layout.fillWidth: true; text: root.form.passwordError }
        TextField {
            Layout.fillWidth: true
            echoMode: TextInput.Password
            text: root.form.confirmPassword
            placeholderText: qsTr("The same password again")
            Accessible.name: qsTr("First password again")
            Accessible.description: root.form.confirmPasswordError
            onTextEdited: root.form.confirmPassword = text
            onAccepted: root.form.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.form.confirmPasswordError }
        CheckBox {
            text: qsTr("May also manage accounts (admin)")
            checked: root.form.admin
            Accessible.name: text
            onToggled: root.form.admin = checked
        }
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
