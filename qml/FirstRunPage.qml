import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// First run on an empty or new database (or one from before accounts): say where the data will
// live and make the first account, an admin, with a password; show the recovery key once; then
// the app goes on to the first client.
Page {
    id: root

    signal done

    objectName: "firstRun"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: nameField.forceActiveFocus() // type straight away

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, 560)
        spacing: Theme.padding

        Label {
            text: qsTr("Welcome to Alliance Tracker")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("Your records will be kept on this computer only, in:\n%1\nNames, notes and plans in it are encrypted; they open only for a person who signs in. You will manage the accounts (you can also be a counselor).").arg(Backend.databasePath)
            visible: form.recoveryKey === ""
        }
        ColumnLayout {
            visible: form.recoveryKey !== ""
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("Write this recovery key on paper and keep it away from this computer. If every admin password is lost, it is the only way to open the records again. It is shown only now.")
            }
            TextField {
                id: recoveryField
                Layout.fillWidth: true
                readOnly: true
                text: form.recoveryKey
                font.family: "monospace"
                Accessible.name: qsTr("Recovery key")
            }
            AccentButton {
                text: qsTr("I have written it down")
                Accessible.name: text
                onClicked: {
                    form.reset()
                    root.done()
                }
            }
        }
        Label { text: qsTr("Your name"); color: Theme.text; visible: form.recoveryKey === "" }
        TextField {
            id: nameField
            visible: form.recoveryKey === ""
            Layout.fillWidth: true
            focus: true
            text: form.name
            placeholderText: qsTr("e.g. Alex Rivera")
            Accessible.name: qsTr("Your name")
            Accessible.description: form.nameError
            onTextEdited: form.name = text
            onAccepted: passwordField.forceActiveFocus()
        }
        FieldError { Layout.fillWidth: true; text: form.nameError }
        Label { text: qsTr("Your clinical role"); color: Theme.text; visible: form.recoveryKey === "" }
        ComboBox {
            id: roleBox
            visible: form.recoveryKey === ""
            model: form.roleChoices
            textRole: "label"
            valueRole: "value"
            implicitContentWidthPolicy: ComboBox.WidestText
            currentIndex: count > 0 ? indexOfValue(form.role) : -1 // again once the choices are in
            Accessible.name: qsTr("Your role")
            onActivated: form.role = currentValue
        }
        Label { text: qsTr("Password (at least 10 characters)"); color: Theme.text; visible: form.recoveryKey === "" }
        TextField {
            id: passwordField
            visible: form.recoveryKey === ""
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Password") // read when Qt 6.4 loses the name (SignInPage)
            text: form.password
            Accessible.name: qsTr("Password")
            Accessible.description: form.passwordError
            onTextEdited: form.password = text
        }
        FieldError { Layout.fillWidth: true; text: form.passwordError }
        TextField {
            visible: form.recoveryKey === ""
            Layout.fillWidth: true
            echoMode: TextInput.Password
            text: form.confirmPassword
            placeholderText: qsTr("The same password again")
            Accessible.name: qsTr("Password again")
            Accessible.description: form.confirmPasswordError
            onTextEdited: form.confirmPassword = text
            onAccepted: form.submit()
        }
        FieldError { Layout.fillWidth: true; text: form.confirmPasswordError }
        FieldError { Layout.fillWidth: true; text: form.message }
        AccentButton {
            visible: form.recoveryKey === ""
            text: qsTr("Create the database")
            enabled: nameField.text.trim() !== "" && passwordField.text !== ""
            Accessible.name: text
            onClicked: form.submit()
        }
    }

    // The first person on record: the form's first write creates the database file.
    // The first account: the form's first write creates the database file; the recovery key it
    // made is shown before the app goes on.
    CounselorForm {
        id: form
        onSaved: recoveryField.forceActiveFocus()
        onFailed: field => {
            if (field === "password")
                passwordField.forceActiveFocus()
            else
                nameField.forceActiveFocus()
        }
    }
}
