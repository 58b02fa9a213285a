import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Acknowledge or snooze an alert, with the reason (what was done, or why it is not a concern).
// The state lives in AcknowledgeForm; the person reads the alert's title, never its id.
ModalDialog {
    id: root

    readonly property AcknowledgeForm form: AcknowledgeForm {
        onSaved: root.close()
        onFailed: (field, message) => (field === "snoozeDays" ? snoozeBox : reasonField).forceActiveFocus(Qt.TabFocusReason)
    }

    function openFor(alertId: string, title: string) {
        form.reset(alertId, title)
        open()
        reasonField.forceActiveFocus(Qt.TabFocusReason)
    }

    title: qsTr("Acknowledge alert")
    width: Math.min(520, (Overlay.overlay ? Overlay.overlay.width : 560) - 2 * Theme.padding)
    padding: Theme.padding

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label { Layout.fillWidth: true; wrapMode: Text.Wrap; text: root.form.title; color: Theme.text; font.bold: true }
        TextField {
            id: reasonField
            Layout.fillWidth: true
            text: root.form.reason
            placeholderText: qsTr("What was done, or why it is not a concern")
            Accessible.name: qsTr("Reason")
            Accessible.description: root.form.reasonError
            onTextEdited: root.form.reason = text
            onAccepted: root.form.submit()
        }
        FieldError { Layout.fillWidth: true; text: root.form.reasonError }
        RowLayout {
            Label { Layout.fillWidth: true; wrapMode: Text.Wrap; text: qsTr("Snooze for days (0: until something new)"); color: Theme.text }
            SpinBox {
                id: snoozeBox
                from: 0
                to: 365
                editable: true
                value: root.form.snoozeDays
                Accessible.name: qsTr("Snooze days")
                Accessible.description: root.form.snoozeDaysError
                onValueModified: root.form.snoozeDays = value
            }
        }
        FieldError { Layout.fillWidth: true; text: root.form.snoozeDaysError }
        FieldError { Layout.fillWidth: true; text: root.form.message }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel") }
            AccentButton {
                text: qsTr("Acknowledge")
                enabled: reasonField.text.trim() !== ""
                Accessible.name: qsTr("Acknowledge the alert")
                onClicked: root.form.submit()
            }
        }
    }
}
