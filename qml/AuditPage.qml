pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The audit trail, for admins: who signed in (and failed), viewed, changed, corrected or voided
// what -- newest first, by client code or person -- and whether the chain still verifies.
Page {
    id: root

    objectName: "audit"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: clientField.forceActiveFocus()

    // The entries (an admin's; empty, with the refusal in error, for anyone else).
    readonly property AuditModel audit: AuditModel {}

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Label {
            text: qsTr("Audit trail")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        RowLayout {
            spacing: Theme.spacing
            TextField {
                id: clientField
                placeholderText: qsTr("Client code")
                Accessible.name: qsTr("Only entries about this client code")
                onAccepted: root.audit.clientFilter = text
            }
            TextField {
                id: personField
                placeholderText: qsTr("Person")
                Accessible.name: qsTr("Only entries by this person")
                onAccepted: root.audit.personFilter = text
            }
            Button {
                text: qsTr("Filter")
                Accessible.name: qsTr("Filter the entries")
                onClicked: {
                    root.audit.clientFilter = clientField.text
                    root.audit.personFilter = personField.text
                }
            }
            Item { Layout.fillWidth: true }
            AccentButton {
                text: qsTr("Verify the chain")
                Accessible.name: qsTr("Verify that no entry was changed, moved or removed")
                onClicked: root.audit.verify()
            }
        }
        Label {
            visible: root.audit.verdict !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: root.audit.verdict
            color: root.audit.intact ? Theme.text : Theme.breach
            font.bold: !root.audit.intact
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        FieldError { Layout.fillWidth: true; text: root.audit.error }
        Label {
            color: Theme.mutedText
            text: qsTr("%n entries", "", root.audit.count)
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.audit
            activeFocusOnTab: true
            keyNavigationEnabled: true
            Accessible.name: qsTr("Audit entries, newest first")
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string sentence
                required property bool pending
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: sentence + (pending ? qsTr(" — not yet chained") : "")
                Accessible.name: text
                onClicked: list.currentIndex = entry.index
            }
        }
    }
}
