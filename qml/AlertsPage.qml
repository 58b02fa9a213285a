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
            Keys.onReturnPressed: {
                const alert = currentItem as AlertDelegate
                if (alert)
                    root.clientChosen(alert.clientCode, alert.session)
            }
            delegate: AlertDelegate {
                width: ListView.view.width - 12
                onOpenRequested: (code, session) => root.clientChosen(code, session)
                onAcknowledgeRequested: (id, title) => ackDialog.openFor(id, title)
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: CaseloadModel.loading ? qsTr("Reading the caseload…") : qsTr("No open alerts.")
                color: Theme.mutedText
            }
        }
    }

    AckDialog { id: ackDialog }
}
