pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The supervisor's hour: each counselor's figures over the last weeks with their denominators and
// intervals (figures from fewer than 15 cases greyed, the reason on hover), the repair rates on a
// funnel plot, the weekly trend, and from any number the clients behind it. Counselors are listed
// by name: nothing here is sorted or coloured by an alliance score.
Page {
    id: root

    readonly property var review: TeamModel.review
    readonly property var counselors: review.counselors !== undefined ? review.counselors : []
    readonly property alias drillDialog: drillDialog
    readonly property alias tabs: tabs

    signal clientChosen(string code)

    // Opens the list of clients behind one figure ("" counselor: the whole team).
    function drillDown(counselor: string, figure: string, title: string) {
        drillDialog.openFor(counselor, figure, title)
    }
    // Opens the clients behind one week of the trend shown.
    function drillDownWeek(index: int, week: string) {
        drillDialog.openList(TeamModel.clientsOfWeek(TeamModel.trendCounselor, index),
                             TeamModel.trendCounselor === "" ? qsTr("Week %1: the team's clients").arg(week)
                                                             : qsTr("Week %1: %2's clients").arg(week).arg(TeamModel.trendCounselor))
    }
    function percent(value: var): string {
        return value === null || value === undefined ? "–" : Math.round(value * 100) + "%"
    }
    function rateText(rate: var): string {
        if (rate.closed === 0)
            return qsTr("none closed")
        return qsTr("%1/%2 · %3 (%4–%5)").arg(rate.repaired).arg(rate.closed).arg(percent(rate.value))
            .arg(percent(rate.low)).arg(percent(rate.high))
    }
    function bandText(band: var): string {
        switch (band) {
        case "inside": return qsTr("within the team's limits")
        case "above-95": return qsTr("above the 95% limit")
        case "below-95": return qsTr("below the 95% limit")
        case "above-99.8": return qsTr("above the 99.8% limit")
        case "below-99.8": return qsTr("below the 99.8% limit")
        }
        return qsTr("no closed episodes yet")
    }

    objectName: "team"
    background: Rectangle { color: Theme.background }
    // Shown: the keys start at the choice of team, then the period, the tabs and the numbers.
    StackView.onActivated: teamBox.forceActiveFocus(Qt.TabFocusReason)
    Component.onCompleted: TeamModel.active = true
    Component.onDestruction: {
        TeamModel.active = false
        drillDialog.close() // counted in ModalState while open
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Team")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            ComboBox {
                id: teamBox
                objectName: "teamBox"
                readonly property var names: TeamModel.supervisorNames
                // Everyone's figures are an admin's to review; a supervisor is offered their team.
                model: names.map(n => qsTr("Team of %1").arg(n)).concat(Backend.isAdmin ? [qsTr("Everyone")] : [])
                currentIndex: count > 0 ? (TeamModel.supervisor === "" ? names.length : names.indexOf(TeamModel.supervisor)) : -1
                implicitWidth: 230
                Accessible.name: qsTr("Whose team")
                onActivated: index => TeamModel.supervisor = index < names.length ? names[index] : ""
            }
            ComboBox {
                id: periodBox
                objectName: "periodBox"
                readonly property var choices: [4, 12, 26, 52]
                property bool custom: false
                model: choices.map(w => qsTr("Last %1 weeks").arg(w)).concat([qsTr("Dates…")])
                currentIndex: count > 0 ? (custom || TeamModel.weeks === 0 ? choices.length : Math.max(0, choices.indexOf(TeamModel.weeks))) : -1
                Accessible.name: qsTr("Period")
                onActivated: index => {
                    custom = index === choices.length
                    if (custom) {
                        fromField.text = root.review.from !== undefined ? root.review.from : ""
                        toField.text = root.review.to !== undefined ? root.review.to : ""
                        fromField.forceActiveFocus(Qt.TabFocusReason)
                    } else {
                        TeamModel.weeks = choices[index]
                    }
                }
            }
            TextField {
                id: fromField
                objectName: "fromField"
                visible: periodBox.custom
                implicitWidth: 120
                placeholderText: qsTr("YYYY-MM-DD")
                Accessible.name: qsTr("From (first day)")
                Accessible.description: TeamModel.periodError
                onAccepted: TeamModel.setPeriod(fromField.text, toField.text)
            }
            TextField {
                id: toField
                objectName: "toField"
                visible: periodBox.custom
                implicitWidth: 120
                placeholderText: qsTr("YYYY-MM-DD")
                Accessible.name: qsTr("To (last day)")
                Accessible.description: TeamModel.periodError
                onAccepted: TeamModel.setPeriod(fromField.text, toField.text)
            }
            Button {
                visible: periodBox.custom
                text: qsTr("Show")
                Accessible.name: qsTr("Show the period from %1 to %2").arg(fromField.text).arg(toField.text)
                onClicked: TeamModel.setPeriod(fromField.text, toField.text)
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: Theme.mutedText
                text: root.review.from !== undefined
                      ? qsTr("%1 to %2 · as of %3").arg(root.review.from).arg(root.review.to).arg(root.review.as_of) : ""
            }
        }
        FieldError {
            objectName: "periodError"
            Layout.fillWidth: true
            text: TeamModel.periodError
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: TeamModel.error !== "" ? Theme.breach : Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            text: TeamModel.error !== "" ? TeamModel.error
                : TeamModel.loading ? qsTr("Reading the team's records…")
                : qsTr("Counselors by name, never ranked. Greyed figures rest on fewer than 15 cases: too few to depend on. Every number opens the clients behind it. Breaches: RR-1 on each client's most-rated instrument, client ratings, onset in the period.")
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            // Basic style paints unchosen tabs with "dark" (the accent here): keep them quiet.
            palette.dark: Theme.surfaceAlt
            palette.mid: Theme.border
            palette.brightText: Theme.text
            TabButton { text: qsTr("Counselors"); Accessible.name: qsTr("Counselors' figures") }
            TabButton { objectName: "funnelTab"; text: qsTr("Repair rates (funnel)"); Accessible.name: qsTr("Repair rates on a funnel plot") }
            TabButton { objectName: "trendsTab"; text: qsTr("Weekly trend"); Accessible.name: qsTr("Weekly trend") }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // ---- the table ----------------------------------------------------------------------
            ColumnLayout {
                spacing: 2
                TeamFigureRow { Layout.fillWidth: true; Layout.rightMargin: 12; heading: true }
            ListView {
                id: table
                objectName: "teamTable"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: root.counselors.concat([{ name: "", team: true }])
                ScrollBar.vertical: ScrollBar {}
                delegate: TeamFigureRow {
                    required property var modelData
                    width: ListView.view.width - 12
                    counselor: modelData.team === true ? "" : modelData.name
                    figures: (modelData.team === true ? root.review.team : modelData) || ({})
                    onDrillDown: (counselor, figure, title) => root.drillDown(counselor, figure, title)
                }
            }
            }

            // ---- the funnel -----------------------------------------------------------------------
            RowLayout {
                spacing: Theme.spacing
                FunnelChart {
                    id: funnel
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    review: root.review
                }
                Item { // anchored, not laid out: the wrapped text's height is then always right
                    Layout.preferredWidth: 300
                    Layout.maximumWidth: 300
                    Layout.fillHeight: true
                    Label {
                        id: funnelText
                        width: parent.width
                        wrapMode: Text.Wrap
                        color: Theme.text
                        bottomPadding: Theme.spacing
                        text: root.review.funnel !== undefined && root.review.funnel.centre !== null
                              ? qsTr("Team repair rate %1 (solid line). Limits for each number of closed episodes: 95% dashed, 99.8% dotted. A rate outside them is worth a conversation, not a verdict; with few episodes the limits are wide.")
                                .arg(root.percent(root.review.funnel.centre))
                              : qsTr("No breach episode has closed in the period: no funnel yet.")
                    }
                ListView {
                    anchors.top: funnelText.bottom
                    anchors.bottom: parent.bottom
                    width: parent.width
                    clip: true
                    spacing: 4
                    activeFocusOnTab: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Repair rates against the team's limits")
                    model: root.counselors
                    delegate: Button {
                        id: funnelRow
                        required property var modelData
                        width: ListView.view.width
                        flat: true
                        text: qsTr("%1: %2 · %3").arg(modelData.name).arg(root.rateText(modelData.repair_rate)).arg(root.bandText(modelData.funnel))
                        Accessible.name: text + ". " + qsTr("Open the clients with closed episodes")
                        contentItem: Label { text: funnelRow.text; wrapMode: Text.Wrap; color: Theme.text }
                        onClicked: root.drillDown(funnelRow.modelData.name, "closed", qsTr("%1: closed breach episodes").arg(funnelRow.modelData.name))
                    }
                }
                }
            }

            // ---- the weekly trend -----------------------------------------------------------------
            ColumnLayout {
                spacing: Theme.spacing
                RowLayout {
                    spacing: Theme.spacing
                    Label { text: qsTr("Trend of"); color: Theme.text }
                    ComboBox {
                        id: trendBox
                        objectName: "trendBox"
                        readonly property var names: root.counselors.map(c => c.name)
                        model: names.map(n => n).reduce((list, n) => { list.push(n); return list }, [qsTr("The whole team")])
                        currentIndex: count > 0 ? Math.max(0, names.indexOf(TeamModel.trendCounselor) + 1) : -1
                        implicitWidth: 220
                        Accessible.name: qsTr("Whose weekly trend")
                        onActivated: index => TeamModel.trendCounselor = index === 0 ? "" : names[index - 1]
                    }
                    Label { text: qsTr("Mean of"); color: Theme.text }
                    ComboBox {
                        id: instrumentBox
                        objectName: "instrumentBox"
                        model: TeamModel.instrumentChoices
                        textRole: "label"
                        valueRole: "value"
                        Accessible.name: qsTr("Instrument whose weekly mean is drawn (never averaged across instruments)")
                    }
                    Item { Layout.fillWidth: true }
                }
                TrendChart {
                    id: trend
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 220
                    weeks: TeamModel.trendWeeks
                    instrument: TeamModel.instrumentChoices[Math.max(0, instrumentBox.currentIndex)]
                }
                ListView {
                    id: weekList
                    Layout.fillWidth: true
                    Layout.preferredHeight: 110
                    clip: true
                    activeFocusOnTab: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Weeks, as text; Enter opens the clients of a week")
                    ScrollBar.vertical: ScrollBar {}
                    model: TeamModel.trendWeeks
                    keyNavigationEnabled: true
                    Keys.onReturnPressed: {
                        if (currentIndex >= 0)
                            root.drillDownWeek(currentIndex, TeamModel.trendWeeks[currentIndex].week)
                    }
                    // Each week opens the clients behind it.
                    delegate: ItemDelegate {
                        id: weekRow
                        required property var modelData
                        required property int index
                        width: ListView.view.width - 12
                        padding: 2
                        implicitHeight: contentItem.implicitHeight + 6
                        highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                        font.pixelSize: Theme.smallFontSize
                        readonly property var mean: modelData.mean[trend.instrument.value]
                        text: qsTr("%1 (from %2)%3: %4 client ratings, mean %5 %6; breaches opened %7, repaired %8; ruptures %9; plans closed %10")
                              .arg(modelData.week).arg(modelData.start).arg(modelData.partial ? " " + qsTr("part of the week") : "")
                              .arg(modelData.ratings).arg(trend.instrument.label)
                              .arg(mean === null ? qsTr("none") : mean.toFixed(1))
                              .arg(modelData.breaches_opened).arg(modelData.breaches_repaired)
                              .arg(modelData.ruptures_flagged).arg(modelData.plans_closed)
                        contentItem: Label {
                            text: weekRow.text
                            font: weekRow.font
                            color: weekRow.highlighted ? Theme.textOnAccent : Theme.text
                            elide: Text.ElideRight
                        }
                        Accessible.name: text + ". " + qsTr("Open the clients")
                        onClicked: root.drillDownWeek(weekRow.index, weekRow.modelData.week)
                    }
                }
            }
        }
    }

    // ---- the clients behind a number ----------------------------------------------------------------
    ModalDialog {
        id: drillDialog
        objectName: "drillDialog"
        property string counselor: ""
        property string figure: ""
        property var clients: []
        function openFor(counselor: string, figure: string, heading: string) {
            this.counselor = counselor
            this.figure = figure
            openList(TeamModel.clientsBehind(counselor, figure), heading)
        }
        function openList(list: var, heading: string) {
            clients = list
            title = heading
            open()
            clientList.forceActiveFocus(Qt.TabFocusReason)
        }
        width: Math.min(640, (Overlay.overlay ? Overlay.overlay.width : 680) - 2 * Theme.padding)
        height: Math.min(520, (Overlay.overlay ? Overlay.overlay.height : 560) - 2 * Theme.padding)
        padding: Theme.padding
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Label {
                text: drillDialog.clients.length === 0 ? qsTr("No client.")
                    : (drillDialog.clients.length === 1 ? qsTr("1 client.") : qsTr("%1 clients.").arg(drillDialog.clients.length))
                      + " " + qsTr("Open one to read its page; a supervisor comments and signs off plans there.")
                color: Theme.mutedText
                Layout.fillWidth: true
                wrapMode: Text.Wrap
            }
            ListView {
                id: clientList
                objectName: "drillList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: drillDialog.clients
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: drillDialog.title
                ScrollBar.vertical: ScrollBar {}
                Keys.onReturnPressed: {
                    if (currentIndex >= 0) {
                        drillDialog.close()
                        root.clientChosen(drillDialog.clients[currentIndex].code)
                    }
                }
                delegate: ItemDelegate {
                    id: drillRow
                    required property var modelData
                    required property int index
                    width: ListView.view.width - 12
                    highlighted: ListView.isCurrentItem
                    text: qsTr("%1 (%2): %3").arg(modelData.code).arg(modelData.counselor).arg(modelData.facts)
                    contentItem: Label {
                        text: drillRow.text
                        wrapMode: Text.Wrap
                        color: drillRow.highlighted ? Theme.textOnAccent : Theme.text
                    }
                    Accessible.name: qsTr("Client %1 of %2: %3. Open").arg(modelData.code).arg(modelData.counselor).arg(modelData.facts)
                    onClicked: {
                        drillDialog.close()
                        root.clientChosen(drillRow.modelData.code)
                    }
                }
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                Accessible.name: text
                onClicked: drillDialog.close()
            }
        }
    }
}
