import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The app locked itself (idle) or was locked: nothing of any client is shown or held open until
// the same person types their password again; three wrong ones sign them out.
Page {
    id: root

    property string message: ""

    function submit() {
        message = Backend.unlock(passwordField.text)
        passwordField.text = ""
        if (message !== "" && Backend.locked)
            passwordField.forceActiveFocus()
    }

    objectName: "locked"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: passwordField.forceActiveFocus()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, 440)
        spacing: Theme.spacing

        Label {
            text: qsTr("Locked")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("%1, type your password to go on. Nothing was lost; unsaved typing in a dialog was closed.").arg(Backend.userName)
        }
        TextField {
            id: passwordField
            objectName: "unlockPassword"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("Password")
            Accessible.name: qsTr("Password for %1").arg(Backend.userName)
            Accessible.description: root.message
            onAccepted: root.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.message }
        RowLayout {
            spacing: Theme.spacing
            AccentButton {
                objectName: "unlockButton"
                text: qsTr("Unlock")
                enabled: passwordField.text !== ""
                Accessible.name: text
                onClicked: root.submit()
            }
            Button {
                text: qsTr("Sign out")
                Accessible.name: qsTr("Sign out and let someone else sign in")
                onClicked: Backend.signOut()
            }
        }
    }
}
