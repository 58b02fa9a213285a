import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One session of the shown series: number, date, total, phase, rupture.
ItemDelegate {
    id: row
    required property int index
    required property int number
    required property string date
    required property real total
    required property real bond
    required property real goal
    required property real task
    required property string phase
    required property string phaseLabel
    required property var rci
    required property int ruptureCount
    required property string report
    property bool correctable: true
    required property string note

    signal correctRequested(int session)

    height: 40
    topPadding: 0 // the row's 40 pixels are for its content, the button included
    bottomPadding: 0
    highlighted: ListView.isCurrentItem
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Session %1 on %2, total %3%4%5").arg(number).arg(date).arg(total)
                     .arg(phaseLabel !== "" ? ", " + phaseLabel : "")
                     .arg(ruptureCount ? qsTr(", rupture flagged") : "") + (report !== "" ? ", " + report : "")
                     + (note !== "" ? ", " + qsTr("note: %1").arg(note) : "")
    onClicked: {
        ListView.view.currentIndex = index
        ListView.view.forceActiveFocus() // the list's keys (Enter, Ctrl+E) act on the row clicked
    }
    ToolTip.visible: hovered
    ToolTip.text: (note !== "" ? qsTr("Note: %1\n").arg(note) : "")
                  + (report !== "" ? qsTr("Client's report: %1. ").arg(report) : "")
                  + qsTr("Bond %1 · goal %2 · task %3 · RCI %4. Enter: flag a rupture here; Ctrl+E: correct the rating")
                  .arg(bond).arg(goal).arg(task).arg(rci === undefined ? "-" : Number(rci).toFixed(2))
    background: Rectangle {
        color: row.highlighted ? Theme.surfaceAlt : Theme.surface
        border.color: row.activeFocus ? Theme.focus : Theme.border
        border.width: row.activeFocus ? 2 : 0.5
    }
    contentItem: RowLayout {
        spacing: Theme.spacing
        Label { text: "#" + row.number; color: Theme.mutedText; Layout.preferredWidth: 34 }
        Label { text: row.date; color: Theme.text; Layout.preferredWidth: 90 }
        Label { text: row.total; color: Theme.text; font.bold: true; Layout.preferredWidth: 40 }
        Label {
            text: row.phaseLabel
            color: row.phase === "repair" ? Theme.repair : Theme.breach
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.minimumWidth: 0
        }
        Label {
            text: row.ruptureCount ? qsTr("rupture") : ""
            color: Theme.text
            font.italic: true
            elide: Text.ElideRight
            Layout.minimumWidth: 0
            Layout.maximumWidth: implicitWidth
            Layout.fillWidth: true
        }
        Label {
            visible: row.note !== ""
            text: qsTr("note")
            color: Theme.mutedText
            font.italic: true
        }
        Label {
            visible: row.report !== ""
            text: qsTr("report")
            color: Theme.info
            font.italic: true
        }
        ToolButton {
            // Shown on the row under the mouse, so the list stays readable; by keyboard, Ctrl+E
            // corrects the current row (and the row keeps its phase in view).
            visible: row.hovered && row.correctable
            // Fits the 40-pixel row: a taller button would push the row's text out of view.
            Layout.preferredHeight: 30
            topPadding: 2
            bottomPadding: 2
            text: qsTr("Correct")
            focusPolicy: Qt.NoFocus // the list itself takes Ctrl+E for the current row
            Accessible.name: qsTr("Correct the rating of session %1").arg(row.number)
            onClicked: row.correctRequested(row.number)
        }
    }
}
