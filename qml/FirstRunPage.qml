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
            text: form.name
            placeholderText: qsTr("e.g. Alex Rivera")
            Accessible.name: qsTr("Your name")
            Accessible.description: form.nameError
            onTextEdited: form.name = text
            onAccepted: form.submit()
        }
        FieldError { Layout.fillWidth: true; text: form.nameError }
        Label { text: qsTr("Your role"); color: Theme.text }
        ComboBox {
            id: roleBox
            model: form.roleChoices
            textRole: "label"
            valueRole: "value"
            implicitContentWidthPolicy: ComboBox.WidestText
            currentIndex: count > 0 ? indexOfValue(form.role) : -1 // again once the choices are in
            Accessible.name: qsTr("Your role")
            onActivated: form.role = currentValue
        }
        FieldError { Layout.fillWidth: true; text: form.message }
        AccentButton {
            text: qsTr("Create the database")
            enabled: nameField.text.trim() !== ""
            Accessible.name: text
            onClicked: form.submit()
        }
    }

    // The first person on record: the form's first write creates the database file.
    CounselorForm {
        id: form
        onSaved: root.done()
        onFailed: nameField.forceActiveFocus()
    }
}
