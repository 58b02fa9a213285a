pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The alerts worklist: each with its reason, the rule behind it and a next step; open the client
// at the right session, or acknowledge / snooze with a reason.
Page {
    id: root

    readonly property alias ackDialog: ackDialog

    signal clientChosen(string code, int session)

    objectName: "alerts"
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Label {
            text: qsTr("Alerts · %1 open").arg(AlertsModel.count)
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        Label {
            text: qsTr("One low score is not a crisis. Acknowledge what you have handled; it stays quiet until something new happens.")
            color: Theme.mutedText
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: AlertsModel
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Alerts")
            ScrollBar.vertical: ScrollBar {}
            Component.onCompleted: forceActiveFocus()
            Keys.onReturnPressed: if (currentItem) root.clientChosen(currentItem.clientCode, currentItem.session)
            delegate: Rectangle {
                id: alertItem
                required property int index
                required property string alertId
                required property string clientCode
                required property string reason
                required property string suggestion
                required property string rule
                required property int severity
                required property int session

                width: ListView.view.width - 12
                height: content.implicitHeight + 16
                color: Theme.surface
                radius: Theme.radius
                border.color: ListView.isCurrentItem && list.activeFocus ? Theme.focus : severity >= 3 ? Theme.breach : Theme.border
                border.width: ListView.isCurrentItem && list.activeFocus ? 2 : 1
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
                        Accessible.name: qsTr("Open client %1").arg(alertItem.clientCode)
                        onClicked: root.clientChosen(alertItem.clientCode, alertItem.session)
                    }
                    Button {
                        text: qsTr("Acknowledge…")
                        Accessible.name: qsTr("Acknowledge or snooze this alert")
                        onClicked: {
                            ackDialog.alertId = alertItem.alertId
                            ackDialog.open()
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No open alerts.")
                color: Theme.mutedText
            }
        }
    }

    AckDialog { id: ackDialog }
}
