import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Everyone signs in as themself before any record is shown.
Page {
    id: root

    property string message: ""

    function submit() {
        message = Backend.signIn(nameField.text, passwordField.text)
        passwordField.text = "" // never kept in a field once tried
        if (message !== "")
            passwordField.forceActiveFocus()
    }

    objectName: "signin"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: nameField.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, 440)
        spacing: Theme.spacing

        Label {
            text: qsTr("Sign in to Alliance Tracker")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("The records in %1 are encrypted: they open only for a person who signs in.").arg(Backend.databasePath)
        }
        Label { text: qsTr("Name"); color: Theme.text }
        TextField {
            id: nameField
            objectName: "signInName"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Alex Rivera")
            Accessible.name: qsTr("Name")
            onAccepted: passwordField.forceActiveFocus()
        }
        Label { text: qsTr("Password"); color: Theme.text }
        TextField {
            id: passwordField
            objectName: "signInPassword"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            // Qt 6.4 loses a password field's accessible name when a screen reader starts after
            // the field was made; it then reads the placeholder (as the description) instead.
            placeholderText: qsTr("Password")
            Accessible.name: qsTr("Password")
            Accessible.description: root.message
            onAccepted: root.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.message }
        AccentButton {
            objectName: "signInButton"
            text: qsTr("Sign in")
            enabled: nameField.text.trim() !== "" && passwordField.text !== ""
            Accessible.name: text
            onClicked: root.submit()
        }
        Label {
            // The demo is synthetic and its passwords are in the README: say so where it runs.
            visible: Backend.databasePath.startsWith(":memory:")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Demo: sign in as Alex Rivera (counselor), Morgan Ellis (supervisor) or Robin Admin (admin); every demo password is alliance-demo.")
        }
    }
}
