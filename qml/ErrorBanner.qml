import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A message from the core (what was wrong with the input); stays until dismissed or replaced.
Pane {
    id: root

    property string message: ""

    function show(text: string) {
        message = text
        visible = true
    }

    visible: false
    padding: Theme.spacing
    background: Rectangle { color: Theme.surface; border.color: Theme.breach; border.width: 2 }
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message

    RowLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            text: root.message
            color: Theme.breach
            wrapMode: Text.Wrap
            font.bold: true
        }
        Button {
            text: qsTr("Dismiss")
            Accessible.name: qsTr("Dismiss the message")
            onClicked: root.visible = false
        }
    }
}
