pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One alert: reason, next step, the rule behind it; open the client or acknowledge.
Rectangle {
    id: alertItem
    required property int index
    required property string alertId
    required property string clientCode
    required property string reason
    required property string suggestion
    required property string rule
    required property int severity
    required property int session

    signal openRequested(string code, int session)
    signal acknowledgeRequested(string id, string title)

    height: content.implicitHeight + 16
    color: Theme.surface
    radius: Theme.radius
    border.color: ListView.isCurrentItem && ListView.view.activeFocus ? Theme.focus : severity >= 3 ? Theme.breach : Theme.border
    border.width: ListView.isCurrentItem && ListView.view.activeFocus ? 2 : 1
    Accessible.role: Accessible.ListItem
    Accessible.name: clientCode + ": " + reason + ". " + suggestion

    RowLayout {
        id: content
        x: 8; y: 8
        width: parent.width - 16
        spacing: Theme.padding
        Rectangle {
            Layout.preferredWidth: 6
            Layout.fillHeight: true
            color: alertItem.severity >= 3 ? Theme.breach : alertItem.severity === 2 ? Theme.warning : Theme.mutedText
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label { text: alertItem.clientCode + " · " + alertItem.reason; font.bold: true; color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: alertItem.suggestion; color: Theme.text; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: alertItem.rule; color: Theme.mutedText; font.pixelSize: Theme.smallFontSize; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        Button {
            text: qsTr("Open client")
            Accessible.name: qsTr("Open client %1 at: %2").arg(alertItem.clientCode).arg(alertItem.reason)
            onClicked: alertItem.openRequested(alertItem.clientCode, alertItem.session)
        }
        Button {
            text: qsTr("Acknowledge…")
            Accessible.name: qsTr("Acknowledge or snooze the alert for %1: %2").arg(alertItem.clientCode).arg(alertItem.reason)
            onClicked: alertItem.acknowledgeRequested(alertItem.alertId, alertItem.clientCode + " · " + alertItem.reason)
        }
    }
}
