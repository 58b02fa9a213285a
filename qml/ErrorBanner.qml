import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The window's message line. An error (what was wrong with the input) stays until dismissed, until
// the next successful save, or until another page is shown; a confirmation ("Saved.") fades by itself.
Pane {
    id: root

    property string message: ""
    property bool isError: true
    property bool shown: false

    function show(text: string) {
        message = text
        isError = true
        hideTimer.stop()
        shown = true
    }
    function confirm(text: string) {
        message = text
        isError = false
        shown = true
        hideTimer.restart()
    }
    // The cause is gone (a save went through, another page is shown): an error no longer applies.
    function clearError() {
        if (isError)
            shown = false
    }

    visible: shown
    padding: Theme.spacing
    background: Rectangle {
        color: Theme.surface
        border.color: root.isError ? Theme.breach : Theme.repair
        border.width: 2
    }
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message
    Accessible.ignored: !shown

    Timer {
        id: hideTimer
        interval: 4000
        onTriggered: root.shown = false
    }

    RowLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            text: root.message
            color: root.isError ? Theme.breach : Theme.repair
            wrapMode: Text.Wrap
            font.bold: true
        }
        Button {
            text: qsTr("Dismiss")
            Accessible.name: qsTr("Dismiss the message")
            onClicked: root.shown = false
        }
    }
}
