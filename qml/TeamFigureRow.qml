pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// One counselor's figures on the Team page (or the team's, counselor ""), or the column headings.
// Every number is a button that opens the clients behind it.
Rectangle {
    id: root

    property bool heading: false
    property string counselor: ""
    property var figures: ({})
    readonly property bool team: !heading && counselor === ""
    readonly property string who: team ? qsTr("The team") : counselor
    readonly property var breaches: figures && figures.breaches !== undefined ? figures.breaches : ({})
    readonly property var rate: figures && figures.repair_rate !== undefined ? figures.repair_rate : ({})
    readonly property var direction: figures && figures.direction !== undefined ? figures.direction : ({})

    signal drillDown(string counselor, string figure, string title)

    // The columns: figure (as in the JSON), heading, and what a screen reader says.
    readonly property var columns: [
        { figure: "active_clients", heading: qsTr("Active"), says: qsTr("active clients") },
        { figure: "unrated_sessions", heading: qsTr("Rated sessions"), says: qsTr("sessions rated by the client") },
        { figure: "opened", heading: qsTr("Breaches"), says: qsTr("breaches opened") },
        { figure: "repaired", heading: qsTr("Repaired"), says: qsTr("repaired") },
        { figure: "unrepaired", heading: qsTr("Unrepaired"), says: qsTr("unrepaired") },
        { figure: "pending", heading: qsTr("Pending"), says: qsTr("pending") },
        { figure: "repair_rate", heading: qsTr("Repair rate (95% CI)"), says: qsTr("repair rate") },
        { figure: "drifting", heading: qsTr("Drifting"), says: qsTr("drifting clients") },
        { figure: "below_cutoff", heading: qsTr("Below cutoff"), says: qsTr("below the cutoff") },
        { figure: "at_ceiling", heading: qsTr("At ceiling"), says: qsTr("at the ceiling: invite honest feedback") },
        { figure: "ruptures_flagged", heading: qsTr("Ruptures"), says: qsTr("ruptures flagged") },
        { figure: "plans_overdue", heading: qsTr("Plans open / overdue"), says: qsTr("repair plans open, overdue") }
    ]
    function valueOf(figure: string): string {
        switch (figure) {
        case "unrated_sessions":
            return figures.sessions > 0 ? qsTr("%1/%2 · %3%").arg(figures.rated_sessions).arg(figures.sessions)
                                          .arg(Math.round(100 * figures.rated_sessions / figures.sessions))
                                        : qsTr("no sessions")
        case "opened": case "repaired": case "unrepaired": case "pending":
            return String(breaches[figure])
        case "repair_rate":
            return rate.closed === 0 ? qsTr("none closed")
                 : qsTr("%1/%2 · %3% (%4–%5)").arg(rate.repaired).arg(rate.closed).arg(Math.round(rate.value * 100))
                   .arg(Math.round(rate.low * 100)).arg(Math.round(rate.high * 100))
        case "plans_overdue":
            return qsTr("%1 / %2").arg(figures.plans_open).arg(figures.plans_overdue)
        }
        return String(figures[figure])
    }
    function widthOf(figure: string): real {
        return figure === "repair_rate" ? 2.7 : figure === "unrated_sessions" ? 2.2 : figure === "active_clients" ? 0.8
             : figure === "unrepaired" ? 1.3 : 1.1
    }

    objectName: heading ? "teamHeading" : "row_" + (team ? "team" : counselor)
    implicitHeight: column.implicitHeight + 8
    color: heading ? "transparent" : team ? Theme.surfaceAlt : Theme.surface
    border.color: heading ? "transparent" : Theme.border
    radius: Theme.radius

    ColumnLayout {
        id: column
        x: 6
        y: 4
        width: parent.width - 12
        spacing: 2
        RowLayout {
            id: cells
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.preferredWidth: 104
                Layout.maximumWidth: 104
                text: root.heading ? qsTr("Counselor") : root.who
                font.bold: true
                elide: Text.ElideRight
                color: Theme.text
                ToolTip.visible: nameArea.containsMouse && truncated
                ToolTip.text: text
                MouseArea { id: nameArea; anchors.fill: parent; hoverEnabled: true; acceptedButtons: Qt.NoButton }
            }
            Repeater {
                model: root.columns
                delegate: Item {
                    id: cell
                    required property var modelData
                    readonly property bool smallN: modelData.figure === "repair_rate" && !root.heading && root.rate.closed > 0 && root.rate.small_n
                    Layout.fillWidth: true
                    Layout.minimumWidth: 30
                    Layout.preferredWidth: 55 * root.widthOf(modelData.figure)
                    implicitHeight: root.heading ? headingLabel.implicitHeight : button.implicitHeight
                    Label {
                        id: headingLabel
                        visible: root.heading
                        Accessible.ignored: !root.heading // Qt 6.4 lists hidden items to a screen reader
                        width: parent.width
                        text: cell.modelData.heading
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.mutedText
                    }
                    Button {
                        id: button
                        objectName: "figure_" + cell.modelData.figure
                        visible: !root.heading
                        Accessible.ignored: root.heading
                        width: parent.width
                        flat: true
                        padding: 4
                        text: root.heading ? "" : root.valueOf(cell.modelData.figure)
                        font.italic: cell.smallN
                        contentItem: Label {
                            Accessible.ignored: true // the button's name says it
                            text: button.text
                            font: button.font
                            color: cell.smallN ? Theme.mutedText : Theme.text
                            elide: Text.ElideRight
                            horizontalAlignment: Text.AlignLeft
                        }
                        hoverEnabled: true
                        ToolTip.visible: hovered || visualFocus
                        ToolTip.delay: 400
                        ToolTip.text: cell.smallN
                            ? qsTr("Only %1 closed episodes: fewer than 15 cases are too few to depend on (ACORN). Shown, not judged.").arg(root.rate.closed)
                            : qsTr("%1 of %2: open the clients behind it").arg(cell.modelData.says).arg(root.who)
                        Accessible.name: qsTr("%1, %2: %3%4. Open the clients")
                            .arg(root.who).arg(cell.modelData.says).arg(text)
                            .arg(cell.smallN ? ", " + qsTr("fewer than 15 cases, not dependable") : "")
                        onClicked: {
                            const figure = cell.modelData.figure === "repair_rate" ? "closed"
                                         : cell.modelData.figure === "plans_overdue" ? "plans_open" : cell.modelData.figure
                            root.drillDown(root.counselor, figure, qsTr("%1: %2").arg(root.who).arg(cell.modelData.says))
                        }
                    }
                }
            }
        }
        // Direction and the latest means: read as words, each a button too; they wrap when narrow.
        Flow {
            id: wordsLine
            visible: !root.heading
            enabled: !root.heading
            Layout.fillWidth: true
            Layout.preferredHeight: wordsLine.childrenRect.height
            Layout.leftMargin: 106
            spacing: 4
            Button {
                Accessible.ignored: root.heading
                flat: true
                padding: 1
                topPadding: 0
                bottomPadding: 0
                implicitHeight: contentItem.implicitHeight + 4
                font.pixelSize: Theme.smallFontSize
                text: qsTr("Direction: %1 up · %2 same · %3 down").arg(root.direction.improved).arg(root.direction.same).arg(root.direction.worsened)
                Accessible.name: qsTr("%1, direction: %2 reliably up, %3 within reliable change, %4 reliably down. Open the clients reliably down")
                    .arg(root.who).arg(root.direction.improved).arg(root.direction.same).arg(root.direction.worsened)
                onClicked: root.drillDown(root.counselor, "worsened", qsTr("%1: alliance reliably down in the period").arg(root.who))
            }
            Repeater {
                model: root.figures.latest !== undefined ? root.figures.latest : []
                delegate: Button {
                    id: latestButton
                    required property var modelData
                    flat: true
                    padding: 1
                    topPadding: 0
                    bottomPadding: 0
                    implicitHeight: contentItem.implicitHeight + 4
                    hoverEnabled: true
                    font.pixelSize: Theme.smallFontSize
                    font.italic: modelData.small_n
                    readonly property string name: {
                        for (const choice of TeamModel.instrumentChoices) // core's names
                            if (choice.value === modelData.instrument)
                                return choice.label
                        return modelData.instrument
                    }
                    text: qsTr("%1 latest %2%3 · n %4").arg(name).arg(modelData.mean.toFixed(1))
                          .arg(modelData.low !== null ? " (" + modelData.low.toFixed(1) + "–" + modelData.high.toFixed(1) + ")" : "").arg(modelData.n)
                    contentItem: Label {
                        Accessible.ignored: true // the button's name says it
                        text: latestButton.text
                        font: latestButton.font
                        color: latestButton.modelData.small_n ? Theme.mutedText : Theme.text
                    }
                    ToolTip.visible: hovered || visualFocus
                    ToolTip.delay: 400
                    ToolTip.text: modelData.small_n
                        ? qsTr("%1 clients: fewer than 15 are too few for a dependable mean (ACORN); about 60 are needed for a counselor's average (Crits-Christoph et al. 2011).").arg(modelData.n)
                        : qsTr("Mean of each active client's latest %1 rating in the period, with its 95% interval").arg(name)
                    Accessible.name: qsTr("%1, latest %2 mean %3 of %4 clients%5. Open the clients").arg(root.who).arg(name).arg(modelData.mean.toFixed(1)).arg(modelData.n)
                        .arg(modelData.small_n ? ", " + qsTr("fewer than 15, not dependable") : "")
                    onClicked: root.drillDown(root.counselor, "latest", qsTr("%1: clients with a rating in the period").arg(root.who))
                }
            }
        }
    }
}
