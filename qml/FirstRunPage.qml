import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// First run on an empty or new database: say where the data will live and add the first person;
// then the app goes on to the first client.
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
            text: qsTr("Your records will be kept on this computer only, in:\n%1\nThe file is readable by your user account only. It is not encrypted: keep it on an encrypted disk.").arg(Backend.databasePath)
        }
        Label { text: qsTr("Your name"); color: Theme.text }
        TextField {
            id: nameField
            Layout.fillWidth: true
            focus: true
            placeholderText: qsTr("e.g. Alex Rivera")
            Accessible.name: qsTr("Your name")
            onAccepted: createButton.clicked()
        }
        Label { text: qsTr("Your role"); color: Theme.text }
        ComboBox {
            id: roleBox
            model: roles.roleChoices
            textRole: "label"
            valueRole: "value"
            Accessible.name: qsTr("Your role")
            CounselorForm { id: roles } // only for its labelled role choices
        }
        AccentButton {
            id: createButton
            text: qsTr("Create the database")
            enabled: nameField.text.trim() !== ""
            Accessible.name: text
            onClicked: {
                if (Backend.createFirstCounselor(nameField.text, roleBox.currentValue))
                    root.done()
            }
        }
    }
}
