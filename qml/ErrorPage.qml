import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Kind words when the database cannot be opened; nothing is changed on disk.
Page {
    id: root

    readonly property string kind: Backend.startupErrorKind

    objectName: "error"
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, 640)
        spacing: Theme.padding

        Label {
            text: root.kind === "newer" ? qsTr("This database is from a newer Alliance Tracker")
                : root.kind === "locked" ? qsTr("The database is busy")
                : qsTr("The database cannot be opened")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: root.kind === "newer"
                  ? qsTr("It was written by a later version of the program. Nothing has been changed. Install the newer version to open it.")
                  : root.kind === "locked"
                    ? qsTr("Another program is writing to it. Nothing has been changed. Close the other program (or wait a moment) and start again.")
                    : qsTr("The file may not be an Alliance Tracker database, or you may not have permission to read it. Nothing has been changed.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("File: %1\nDetails: %2").arg(Backend.databasePath).arg(Backend.startupError)
        }
        Button {
            text: qsTr("Quit")
            Accessible.name: qsTr("Quit Alliance Tracker")
            onClicked: Qt.quit()
        }
    }
}
