import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Acknowledge or snooze an alert, with the reason (what was done, or why it is not a concern).
Dialog {
    id: root

    property string alertId: ""
    property alias reasonText: reasonField.text
    property alias snoozeDays: snoozeBox.value

    function acknowledge() {
        if (Backend.acknowledgeAlert(alertId, reasonField.text, snoozeBox.value))
            close()
    }

    title: qsTr("Acknowledge alert")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 520
    padding: Theme.padding
    onAboutToShow: {
        reasonField.text = ""
        snoozeBox.value = 0
        reasonField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label { text: root.alertId; color: Theme.mutedText }
        TextField {
            id: reasonField
            Layout.fillWidth: true
            placeholderText: qsTr("What was done, or why it is not a concern")
            Accessible.name: qsTr("Reason")
        }
        RowLayout {
            Label { text: qsTr("Snooze for days (0: until something new)"); color: Theme.text }
            SpinBox { id: snoozeBox; from: 0; to: 365; editable: true; Accessible.name: qsTr("Snooze days") }
        }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel") }
            AccentButton {
                text: qsTr("Acknowledge")
                enabled: reasonField.text.trim() !== ""
                Accessible.name: qsTr("Acknowledge the alert")
                onClicked: root.acknowledge()
            }
        }
    }
}
