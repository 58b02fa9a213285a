pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// One client in the caseload list.
ItemDelegate {
    id: root

    required property int index
    required property string code
    required property string displayName
    required property string counselor
    required property string latestScore
    required property string instrument
    required property string lastSession
    required property int daysSinceLastSession
    required property int sessionCount
    required property var sparkline
    required property var chips

    signal chosen(string code)

    height: 56
    highlighted: ListView.isCurrentItem
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Client %1, latest %2 %3, %4").arg(code).arg(instrument).arg(latestScore)
                     .arg(chips.length ? chips.map(c => CaseloadModel.chipLabel(c)).join(", ") : qsTr("no flags"))
    onClicked: {
        ListView.view.currentIndex = index
        chosen(code)
    }

    background: Rectangle {
        color: root.highlighted ? Theme.surfaceAlt : root.index % 2 ? Theme.surface : Qt.darker(Theme.surface, Theme.dark ? 0.9 : 1.015)
        border.color: root.activeFocus || root.highlighted ? Theme.focus : "transparent"
        border.width: 2
    }

    contentItem: RowLayout {
        spacing: Theme.padding

        ColumnLayout {
            Layout.preferredWidth: 190
            Layout.maximumWidth: 190
            Layout.minimumWidth: 190
            spacing: 0
            Label {
                text: root.code
                font.bold: true
                font.pixelSize: Theme.fontSize + 1
                color: Theme.text
            }
            Label {
                text: root.displayName !== "" ? root.displayName : root.counselor
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 90
            Layout.maximumWidth: 90
            Layout.minimumWidth: 90
            spacing: 0
            Label {
                text: root.latestScore !== "" ? root.latestScore : "-"
                font.pixelSize: Theme.titleFontSize
                color: Theme.text
            }
            Label {
                text: root.instrument
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
            }
        }
        Sparkline {
            values: root.sparkline
            Layout.preferredWidth: 120
            Layout.minimumWidth: 120
            Layout.preferredHeight: 32
        }
        Flow {
            Layout.fillWidth: true
            Layout.preferredWidth: 1 // what is left, wrapping: never pushes the last column out
            spacing: 6
            Repeater {
                model: root.chips
                StatusChip {
                    required property string modelData
                    chip: modelData
                    label: CaseloadModel.chipLabel(modelData)
                }
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 190
            Layout.maximumWidth: 190
            Layout.minimumWidth: 190
            spacing: 0
            Label {
                text: root.lastSession !== "" ? qsTr("Last seen %1").arg(root.lastSession) : qsTr("Not seen yet")
                color: Theme.text
                font.pixelSize: Theme.smallFontSize
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                elide: Text.ElideRight
                Layout.fillWidth: true
                text: root.daysSinceLastSession >= 0 ? (root.daysSinceLastSession === 0 ? qsTr("today") : root.daysSinceLastSession === 1 ? qsTr("yesterday") : qsTr("%1 days ago").arg(root.daysSinceLastSession)) + qsTr(", %1 sessions").arg(root.sessionCount) : ""
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
            }
        }
    }
}
