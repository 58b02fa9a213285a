import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The counselor's clients: latest score, trend, status chips; search, filter and sort.
Page {
    id: root

    signal clientChosen(string code)
    signal addClientRequested

    function chooseCurrent() {
        const row = list.currentItem as CaseloadDelegate
        if (row)
            clientChosen(row.code)
    }

    objectName: "caseload"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: list.forceActiveFocus()

    Shortcut {
        sequence: StandardKey.Find // qmllint disable unqualified
        onActivated: search.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Label {
                text: qsTr("Caseload")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            Label {
                text: CaseloadModel.loading ? qsTr("reading…") : qsTr("%1 of %2 clients").arg(CaseloadModel.count).arg(CaseloadModel.totalCount)
                color: Theme.mutedText
            }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Add client")
                Accessible.name: qsTr("Add a client (Ctrl+N)")
                onClicked: root.addClientRequested()
            }
            TextField {
                id: search
                Layout.fillWidth: true // gives way first when the row is short of room
                Layout.maximumWidth: 260
                Layout.minimumWidth: 150
                placeholderText: qsTr("Search code or name (Ctrl+F)")
                text: CaseloadModel.searchText
                Accessible.name: qsTr("Search clients by code or name")
                onTextEdited: CaseloadModel.searchText = text
                // Down goes to the matches (the first one current: a new search leaves none); Enter
                // opens the only match.
                Keys.onDownPressed: {
                    list.forceActiveFocus()
                    if (list.currentIndex < 0 && list.count > 0)
                        list.currentIndex = 0
                }
                onAccepted: {
                    if (list.count === 1) {
                        list.currentIndex = 0
                        root.chooseCurrent()
                    }
                }
            }
            ComboBox {
                id: filterBox
                Layout.preferredWidth: 190
                model: CaseloadModel.chipChoices
                textRole: "label"
                valueRole: "value"
                currentIndex: count > 0 ? Math.max(0, indexOfValue(CaseloadModel.chipFilter)) : -1 // again once the choices are in
                Accessible.name: qsTr("Show only clients with this status")
                onActivated: CaseloadModel.chipFilter = currentValue
            }
            ComboBox {
                readonly property var keys: ["attention", "code", "last-session"]
                Layout.preferredWidth: 210
                model: [qsTr("Sort: needs attention"), qsTr("Sort: client code"), qsTr("Sort: longest since seen")]
                currentIndex: Math.max(0, keys.indexOf(CaseloadModel.sortKey))
                Accessible.name: qsTr("Sort clients")
                onActivated: index => CaseloadModel.sortKey = keys[index]
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: CaseloadModel
                keyNavigationEnabled: true
                highlightMoveDuration: 0
                activeFocusOnTab: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Clients")
                Keys.onReturnPressed: root.chooseCurrent()
                Keys.onEnterPressed: root.chooseCurrent()
                ScrollBar.vertical: ScrollBar {}
                delegate: CaseloadDelegate {
                    width: ListView.view.width
                    onChosen: code => root.clientChosen(code)
                }
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: CaseloadModel.loading ? qsTr("Reading the caseload…")
                        : CaseloadModel.totalCount === 0 ? qsTr("No clients yet.") : qsTr("No client matches the search and filter.")
                    color: Theme.mutedText
                }
            }
        }
    }
}
