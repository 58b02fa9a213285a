pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Your account: who you are signed in as, your password, when the app locks itself. For an admin
// also every account: add one, disable or enable it, reset a forgotten password.
Page {
    id: root

    signal addAccountRequested

    objectName: "account"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: currentField.forceActiveFocus()

    PasswordForm {
        id: passwordForm
        onSaved: changed.text = qsTr("Your password was changed.")
        onFailed: field => {
            if (field === "current")
                currentField.forceActiveFocus()
            else if (field === "password")
                newField.forceActiveFocus()
            else if (field === "confirmPassword")
                againField.forceActiveFocus()
        }
    }
    // Every account (an admin's view; empty, with the refusal in error, for anyone else).
    readonly property AccountsModel accounts: AccountsModel {}

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.padding, 720)
            x: Theme.padding
            spacing: Theme.spacing

            Label {
                Layout.topMargin: Theme.padding
                text: qsTr("Your account")
                font.pixelSize: Theme.largeFontSize
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: Backend.mustChangePassword
                    ? qsTr("%1: an admin set your password. Choose your own now.").arg(Backend.userName)
                    : qsTr("Signed in as %1.").arg(Backend.userName)
            }
            Label { text: qsTr("Current password"); color: Theme.text }
            TextField {
                id: currentField
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Current password") // read when Qt 6.4 loses the name (SignInPage)
                text: passwordForm.current
                Accessible.name: qsTr("Current password")
                Accessible.description: passwordForm.currentError
                onTextEdited: passwordForm.current = text
            }
            FieldError { Layout.fillWidth: true; text: passwordForm.currentError }
            Label { text: qsTr("New password (at least 10 characters)"); color: Theme.text }
            TextField {
                id: newField
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("New password")
                text: passwordForm.password
                Accessible.name: qsTr("New password")
                Accessible.description: passwordForm.passwordError
                onTextEdited: passwordForm.password = text
            }
            FieldError { Layout.fillWidth: true; text: passwordForm.passwordError }
            TextField {
                id: againField
                Layout.fillWidth: true
                echoMode: TextInput.Password
                text: passwordForm.confirmPassword
                placeholderText: qsTr("The new password again")
                Accessible.name: qsTr("New password again")
                Accessible.description: passwordForm.confirmPasswordError
                onTextEdited: passwordForm.confirmPassword = text
                onAccepted: passwordForm.submit()
            }
            FieldError { Layout.fillWidth: true; text: passwordForm.confirmPasswordError }
            FieldError { Layout.fillWidth: true; text: passwordForm.message }
            RowLayout {
                AccentButton {
                    text: qsTr("Change password")
                    Accessible.name: text
                    onClicked: {
                        changed.text = ""
                        passwordForm.submit()
                    }
                }
                Label { id: changed; color: Theme.text }
            }
            RowLayout {
                spacing: Theme.spacing
                Label { text: qsTr("Lock the app after"); color: Theme.text }
                SpinBox {
                    from: 1
                    to: 240
                    value: Math.max(1, Math.round(Backend.idleLockSeconds / 60))
                    Accessible.name: qsTr("Minutes without use before the app locks")
                    onValueModified: Backend.idleLockSeconds = value * 60
                }
                Label { text: qsTr("minutes without use"); color: Theme.text }
            }

            Label {
                visible: Backend.isAdmin
                Layout.topMargin: Theme.padding
                text: qsTr("Accounts")
                font.pixelSize: Theme.largeFontSize
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            AccentButton {
                visible: Backend.isAdmin
                text: qsTr("Add an account…")
                Accessible.name: qsTr("Add a colleague's account")
                onClicked: root.addAccountRequested()
            }
            FieldError { Layout.fillWidth: true; text: root.accounts.error; visible: Backend.isAdmin }
            FieldError { id: accountProblem; Layout.fillWidth: true; visible: Backend.isAdmin }
            Repeater {
                model: Backend.isAdmin ? root.accounts : null
                delegate: RowLayout {
                    id: row
                    required property string name
                    required property string roleLabel
                    required property bool admin
                    required property bool disabled
                    required property bool mustChange
                    required property int failedAttempts
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: row.disabled ? Theme.mutedText : Theme.text
                        text: qsTr("%1 — %2%3%4%5").arg(row.name).arg(row.roleLabel)
                            .arg(row.admin ? qsTr(", admin") : "")
                            .arg(row.disabled ? qsTr(", disabled") : "")
                            .arg(row.failedAttempts > 0 ? qsTr(", %n wrong password(s) in a row", "", row.failedAttempts) : "")
                    }
                    Button {
                        text: row.disabled ? qsTr("Enable") : qsTr("Disable")
                        Accessible.name: row.disabled ? qsTr("Enable %1").arg(row.name) : qsTr("Disable %1").arg(row.name)
                        onClicked: accountProblem.text = root.accounts.setDisabled(row.name, !row.disabled)
                    }
                    Button {
                        text: qsTr("Reset password…")
                        Accessible.name: qsTr("Reset the password of %1").arg(row.name)
                        onClicked: resetDialog.openFor(row.name)
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.padding }
        }
    }

    ModalDialog {
        id: resetDialog

        property string person: ""
        property string problem: ""

        function openFor(name: string) {
            person = name
            problem = ""
            resetFirst.text = ""
            resetAgain.text = ""
            open()
            resetFirst.forceActiveFocus()
        }
        function submit() {
            problem = root.accounts.resetPassword(person, resetFirst.text, resetAgain.text)
            if (problem === "")
                close()
        }

        title: qsTr("New password for %1").arg(person)
        width: Math.min(440, (Overlay.overlay ? Overlay.overlay.width : 480) - 2 * Theme.padding)
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("They sign in with it once and then choose their own.")
            }
            TextField {
                id: resetFirst
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("New password")
                Accessible.name: qsTr("New password for %1").arg(resetDialog.person)
            }
            TextField {
                id: resetAgain
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("The same again")
                Accessible.name: qsTr("New password again")
                onAccepted: resetDialog.submit()
            }
            FieldError { Layout.fillWidth: true; text: resetDialog.problem }
            RowLayout {
                Item { Layout.fillWidth: true }
                Button { text: qsTr("Cancel"); Accessible.name: qsTr("Cancel"); onClicked: resetDialog.close() }
                AccentButton { text: qsTr("Set password"); Accessible.name: text; onClicked: resetDialog.submit() }
            }
        }
    }
}
