pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtCharts
import Alliance

// Spiegelhalter's funnel: each counselor's repair rate against the number of closed breach
// episodes, with the team's rate as the centre line and its 95% (dashed) and 99.8% (dotted) limits
// (normal approximation, clipped to 0..1). Points are named; none is coloured by its rate.
// qmllint disable type property import
ChartView {
    id: root

    property var review: ({})
    readonly property var funnel: review.funnel !== undefined ? review.funnel : ({ centre: null, limits: [] })
    readonly property var counselors: review.counselors !== undefined ? review.counselors : []
    readonly property var points: counselors.filter(c => c.repair_rate.closed > 0)
    readonly property int largest: {
        let n = 10
        for (const c of counselors)
            n = Math.max(n, c.repair_rate.closed + 1)
        return n
    }

    function refill() {
        for (const s of [centreSeries, high95, low95, high998, low998, unitSeries])
            s.clear()
        if (funnel.centre === null)
            return
        centreSeries.append(0, funnel.centre)
        centreSeries.append(largest, funnel.centre)
        for (const l of funnel.limits) {
            if (l.n > largest)
                break
            high95.append(l.n, l.high95)
            low95.append(l.n, l.low95)
            high998.append(l.n, l.high998)
            low998.append(l.n, l.low998)
        }
        for (const c of points)
            unitSeries.append(c.repair_rate.closed, c.repair_rate.value)
        labels.model = []
        labels.model = points
    }
    onReviewChanged: refill()
    Component.onCompleted: refill()

    antialiasing: true
    backgroundColor: Theme.surface
    plotAreaColor: Theme.surface
    legend.visible: false // the list beside the chart says what each line is
    margins { top: 4; bottom: 4; left: 4; right: 4 }
    Accessible.role: Accessible.Chart
    Accessible.name: funnel.centre === null ? qsTr("Funnel plot: no closed breach episodes in the period")
        : qsTr("Funnel plot of repair rates against closed episodes; the team's rate is %1%. The list beside it says where each counselor falls.")
          .arg(Math.round(funnel.centre * 100))

    ValueAxis {
        id: axisX
        min: 0
        max: root.largest
        labelFormat: "%d"
        tickType: ValueAxis.TicksDynamic // qmllint disable unqualified
        tickInterval: Math.max(1, Math.ceil(root.largest / 10))
        tickAnchor: 0
        titleText: qsTr("Closed breach episodes (repaired + unrepaired)")
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridLineColor: Theme.surfaceAlt
        color: Theme.border
    }
    ValueAxis {
        id: axisY
        min: 0
        max: 1
        labelFormat: "%.1f"
        titleText: qsTr("Repair rate")
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridLineColor: Theme.surfaceAlt
        color: Theme.border
    }
    LineSeries { id: centreSeries; name: qsTr("Team rate"); axisX: axisX; axisY: axisY; color: Theme.text; width: 2 }
    LineSeries { id: high95; name: qsTr("95% limits"); axisX: axisX; axisY: axisY; color: Theme.mutedText; width: 1.5; style: Qt.DashLine }
    LineSeries { id: low95; name: ""; axisX: axisX; axisY: axisY; color: Theme.mutedText; width: 1.5; style: Qt.DashLine }
    LineSeries { id: high998; name: qsTr("99.8% limits"); axisX: axisX; axisY: axisY; color: Theme.mutedText; width: 1.5; style: Qt.DotLine }
    LineSeries { id: low998; name: ""; axisX: axisX; axisY: axisY; color: Theme.mutedText; width: 1.5; style: Qt.DotLine }
    ScatterSeries {
        id: unitSeries
        name: qsTr("Counselors")
        axisX: axisX
        axisY: axisY
        color: Theme.accent
        borderColor: Theme.accent
        markerSize: 11
    }
    // Each point named beside it (a legend by colour would rank them by hue).
    Repeater {
        id: labels
        delegate: Label {
            required property var modelData
            readonly property point at: root.plotArea.width > 0
                ? root.mapToPosition(Qt.point(modelData.repair_rate.closed, modelData.repair_rate.value), unitSeries)
                : Qt.point(0, 0)
            x: at.x + 8
            y: at.y - height / 2
            text: modelData.name
            color: Theme.text
            font.pixelSize: Theme.smallFontSize
        }
    }
}
