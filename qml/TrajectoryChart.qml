pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtCharts
import Alliance

// The trajectory: total (left axis) and bond / goal / task (right axis); breach episodes shaded
// from onset to repair or close; repairs and flagged ruptures marked; cutoff line where the
// instrument has one. Series are filled from C++ (ClientModel.fillSeries).
// Debian's QtCharts 6.4 ships type information the linter cannot resolve (ValueAxis, axis
// bindings), so those categories are off for this file only; the self-test still fails on any
// runtime warning here.
// qmllint disable type property import
ChartView {
    id: root

    property bool showTotal: true
    property bool showBond: false
    property bool showGoal: false
    property bool showTask: false
    property string hoverText: ""

    function refill() {
        ClientModel.fillSeries(totalSeries, "total")
        ClientModel.fillSeries(bondSeries, "bond")
        ClientModel.fillSeries(goalSeries, "goal")
        ClientModel.fillSeries(taskSeries, "task")
        ClientModel.fillPhase(breachPoints, "breach")
        ClientModel.fillPhase(repairPoints, "repair")
        ClientModel.fillRuptures(rupturePoints)
        ClientModel.fillPlanFollowUps(planPoints)
        cutoffSeries.clear()
        if (ClientModel.cutoff >= 0) {
            cutoffSeries.append(0.5, ClientModel.cutoff)
            cutoffSeries.append(Math.max(1, ClientModel.lastSessionNumber) + 0.5, ClientModel.cutoff)
        }
        shading.model = ClientModel.episodes
    }
    // Plot-area pixel of a session number; a binding on plotArea and the axis range keeps the
    // shading in place when either changes.
    // The colour of a breach episode by its outcome (repaired, unrepaired, pending = still open).
    function episodeColor(status: string): color {
        return status === "repaired" ? Theme.repair : status === "pending" ? Theme.warning : Theme.breach
    }
    function xToPixel(x: real, left: real, width: real, min: real, max: real): real {
        return left + (x - min) / Math.max(1e-9, max - min) * width
    }
    function describe(x: real): string {
        const n = Math.round(x)
        let text = qsTr("Session %1").arg(n)
        for (const r of ClientModel.ruptures)
            if (r.session === n)
                text += "\n" + qsTr("Rupture #%1: %2, salience %3%4").arg(r.id).arg(r.kindLabel).arg(r.salience)
                        .arg(r.markerLabels.length ? " (" + r.markerLabels.join(", ") + ")" : "")
        for (const p of ClientModel.plans)
            if (p.followUp === n)
                text += "\n" + qsTr("Repair plan #%1 closed here: %2").arg(p.id).arg(p.outcome)
        for (const e of ClientModel.episodes) {
            if (e.onset === n)
                text += "\n" + qsTr("Breach starts: %1 -> %2").arg(e.baseline).arg(e.lowest)
            if (e.repairedAt === n)
                text += "\n" + qsTr("Repaired: back to %1 or more").arg(e.baseline)
        }
        return text
    }

    antialiasing: true
    backgroundColor: Theme.surface
    plotAreaColor: Theme.surface
    legend.labelColor: Theme.text
    legend.alignment: Qt.AlignBottom
    margins { top: 4; bottom: 4; left: 4; right: 4 }
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Alliance trajectory. %1 %2").arg(ClientModel.summaryText).arg(ClientModel.ruleText)
    Component.onCompleted: refill()

    Connections {
        target: ClientModel
        function onTrajectoryChanged() { root.refill() }
    }

    ValueAxis {
        id: axisX
        min: 0.5
        max: Math.max(1, ClientModel.lastSessionNumber) + 0.5
        tickType: ValueAxis.TicksDynamic // qmllint disable unqualified
        tickInterval: Math.max(1, Math.ceil(ClientModel.lastSessionNumber / 20))
        tickAnchor: 1
        labelFormat: "%d"
        titleText: qsTr("Session")
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridLineColor: Theme.surfaceAlt
        color: Theme.border
    }
    ValueAxis {
        id: axisY
        min: ClientModel.axisMin
        max: ClientModel.axisMax
        titleText: qsTr("Total")
        labelFormat: "%.0f"
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridLineColor: Theme.surfaceAlt
        color: Theme.border
    }
    ValueAxis {
        id: axisDimension
        min: 0
        max: ClientModel.dimensionAxisMax
        titleText: qsTr("Bond / goal / task")
        labelFormat: "%.0f"
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridVisible: false
        visible: root.showBond || root.showGoal || root.showTask
        color: Theme.border
    }

    LineSeries {
        id: cutoffSeries
        name: qsTr("Cutoff %1").arg(ClientModel.cutoff)
        axisX: axisX
        axisY: axisY
        color: Theme.warning
        width: 1.5
        style: Qt.DashLine
        visible: ClientModel.cutoff >= 0
    }
    LineSeries {
        id: totalSeries
        name: qsTr("Total")
        axisX: axisX
        axisY: axisY
        color: Theme.accent
        width: 3
        visible: root.showTotal
        pointsVisible: true
        onHovered: (point, state) => root.hoverText = state ? root.describe(point.x) : ""
    }
    LineSeries {
        id: bondSeries
        name: qsTr("Bond")
        axisX: axisX
        axisYRight: axisDimension
        color: Theme.bond
        width: 2
        visible: root.showBond
    }
    LineSeries {
        id: goalSeries
        name: qsTr("Goal")
        axisX: axisX
        axisYRight: axisDimension
        color: Theme.goal
        width: 2
        visible: root.showGoal
    }
    LineSeries {
        id: taskSeries
        name: qsTr("Task")
        axisX: axisX
        axisYRight: axisDimension
        color: Theme.task
        width: 2
        visible: root.showTask
    }
    ScatterSeries {
        id: breachPoints
        name: qsTr("Breach")
        axisX: axisX
        axisY: axisY
        color: Theme.breach
        borderColor: Theme.surface
        markerSize: 11
        visible: root.showTotal
        onHovered: (point, state) => root.hoverText = state ? root.describe(point.x) : ""
    }
    ScatterSeries {
        id: repairPoints
        name: qsTr("Repair")
        axisX: axisX
        axisY: axisY
        color: Theme.repair
        borderColor: Theme.surface
        markerSize: 14
        visible: root.showTotal
        onHovered: (point, state) => root.hoverText = state ? root.describe(point.x) : ""
    }
    ScatterSeries {
        id: rupturePoints
        name: qsTr("Rupture flagged")
        axisX: axisX
        axisY: axisY
        color: "transparent"
        borderColor: Theme.text
        borderWidth: 2
        markerShape: ScatterSeries.MarkerShapeRectangle
        markerSize: 18
        visible: root.showTotal
        onHovered: (point, state) => root.hoverText = state ? root.describe(point.x) : ""
    }

    ScatterSeries {
        id: planPoints
        name: qsTr("Repair plan closed")
        axisX: axisX
        axisY: axisY
        color: "transparent"
        borderColor: Theme.repair
        borderWidth: 2
        markerShape: ScatterSeries.MarkerShapeRotatedRectangle
        markerSize: 20
        visible: root.showTotal
        onHovered: (point, state) => root.hoverText = state ? root.describe(point.x) : ""
    }

    // Breach episodes, shaded from onset to the session that closed them.
    Repeater {
        id: shading
        delegate: Rectangle {
            required property var modelData
            x: root.xToPixel(modelData.onset - 0.5, root.plotArea.x, root.plotArea.width, axisX.min, axisX.max)
            y: root.plotArea.y
            width: root.xToPixel(modelData.end + 0.5, root.plotArea.x, root.plotArea.width, axisX.min, axisX.max) - x
            height: root.plotArea.height
            // One colour per outcome, the same as in the legend under the chart: repaired green,
            // unrepaired red, still open amber.
            readonly property color tone: root.episodeColor(modelData.status)
            color: Qt.rgba(tone.r, tone.g, tone.b, 0.12)
            border.color: tone
            border.width: modelData.status === "repaired" ? 1 : 2
            // Vertical, so neighbouring episodes never overwrite each other's words.
            Label {
                x: 3
                y: parent.height - 6
                // Never longer than the shaded band: a short chart elides the label, not the text above.
                width: parent.height - 12
                elide: Text.ElideRight
                rotation: -90
                transformOrigin: Item.TopLeft
                // "open", as the caseload's "Breach open" chip says: "repair pending" there means
                // an open repair plan, a different thing.
                text: parent.modelData.status === "repaired" ? qsTr("breach · repaired")
                    : parent.modelData.status === "pending" ? qsTr("breach · open") : qsTr("breach · unrepaired")
                color: parent.tone
                font.pixelSize: Theme.smallFontSize
                font.bold: true
            }
        }
    }

    ToolTip {
        visible: root.hoverText !== ""
        text: root.hoverText
        x: 60
        y: 8
    }
}
