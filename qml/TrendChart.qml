pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtCharts
import Alliance

// The weekly trend (ISO weeks): the mean of one instrument's client ratings (left axis; a week
// without ratings has no point, never a 0) and the week's counts (right axis): client ratings,
// breaches opened, breaches repaired.
// qmllint disable type property import
ChartView {
    id: root

    property var weeks: []
    // {value (slug), label, min, max}, as TeamModel.instrumentChoices gives it
    property var instrument: ({ value: "", label: "", min: 0, max: 1 })
    readonly property int maxCount: {
        let m = 5
        for (const w of weeks)
            m = Math.max(m, w.ratings, w.breaches_opened, w.breaches_repaired)
        return m
    }

    function refill() {
        for (const s of [meanLine, ratingsSeries, openedSeries, repairedSeries])
            s.clear()
        for (const label of weekAxis.categoriesLabels)
            weekAxis.remove(label)
        for (let i = 0; i < weeks.length; ++i) {
            const w = weeks[i]
            const mean = w.mean[instrument.value]
            // A week without ratings has no point (never a 0); the line passes over it.
            if (mean !== null)
                meanLine.append(i, mean)
            ratingsSeries.append(i, w.ratings)
            openedSeries.append(i, w.breaches_opened)
            repairedSeries.append(i, w.breaches_repaired)
            weekAxis.append(w.week.substring(5) + (w.partial ? "*" : ""), i + 0.5)
        }
    }
    onWeeksChanged: refill()
    onInstrumentChanged: refill()
    Component.onCompleted: refill()

    antialiasing: true
    backgroundColor: Theme.surface
    plotAreaColor: Theme.surface
    legend.labelColor: Theme.text
    legend.alignment: Qt.AlignBottom
    margins { top: 4; bottom: 4; left: 4; right: 4 }
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Weekly trend over %1 weeks; the list below reads each week").arg(weeks.length)

    CategoryAxis {
        id: weekAxis
        min: -0.5
        max: Math.max(0.5, root.weeks.length - 0.5)
        labelsPosition: CategoryAxis.AxisLabelsPositionCenter
        titleText: qsTr("ISO week (* only part of it in the period)")
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridLineColor: Theme.surfaceAlt
        color: Theme.border
        labelsAngle: root.weeks.length > 16 ? -90 : 0
    }
    ValueAxis {
        id: meanAxis
        min: root.instrument.min
        max: root.instrument.max
        labelFormat: "%.0f"
        titleText: qsTr("Mean total")
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridLineColor: Theme.surfaceAlt
        color: Theme.border
    }
    ValueAxis {
        id: countAxis
        min: 0
        max: root.maxCount
        labelFormat: "%d"
        titleText: qsTr("Count")
        labelsColor: Theme.mutedText
        titleBrush: Theme.mutedText
        gridVisible: false
        color: Theme.border
    }
    LineSeries { id: meanLine; name: qsTr("Mean"); axisX: weekAxis; axisY: meanAxis; color: Theme.accent; width: 3; pointsVisible: true }
    LineSeries { id: ratingsSeries; name: qsTr("Client ratings"); axisX: weekAxis; axisYRight: countAxis; color: Theme.mutedText; width: 1.5; style: Qt.DashLine }
    LineSeries { id: openedSeries; name: qsTr("Breaches opened"); axisX: weekAxis; axisYRight: countAxis; color: Theme.breach; width: 2 }
    LineSeries { id: repairedSeries; name: qsTr("Breaches repaired"); axisX: weekAxis; axisYRight: countAxis; color: Theme.repair; width: 2 }
}
