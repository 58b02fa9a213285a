pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// One client: the trajectory chart, what needs attention, ruptures and repair plans, sessions.
Page {
    id: root

    property int focusSession: 0
    // Opened from the Team page: a supervisor reads, comments on and signs off plans; nothing else
    // on the page writes.
    property bool readOnly: false

    signal editClientRequested
    readonly property alias logDialog: logDialog
    readonly property alias ruptureDialog: ruptureDialog
    readonly property alias repairEditor: repairEditor
    readonly property alias transitionDialog: transitionDialog
    readonly property alias transitionComments: transitionComments
    readonly property alias correctionDialog: correctionDialog
    readonly property alias sessionList: sessionList

    function openLogDialog(): bool {
        logDialog.openFor(ClientModel.clientCode, ClientModel.instrument)
        return logDialog.opened || logDialog.visible
    }
    function startHandOver(): bool {
        StackView.view.push(ratingPage)
        return StackView.view.currentItem.objectName === "clientRating"
    }
    function openRuptureDialog(session: int): bool {
        return openRuptureDialogNoticedBy(session, "counselor")
    }
    // From a detected breach the rupture was noticed in the client's scores.
    function openRuptureDialogNoticedBy(session: int, noticedBy: string): bool {
        ruptureDialog.openFor(ClientModel.clientCode,
                              session > 0 ? session : (root.focusSession > 0 ? root.focusSession : ClientModel.lastSessionNumber),
                              noticedBy)
        return ruptureDialog.visible
    }
    // Opens the editor for a rupture's plan; 0 = the most recent rupture.
    function openRepairEditor(ruptureId: int): bool {
        const ruptures = ClientModel.ruptures
        if (ruptures.length === 0)
            return false
        const id = ruptureId > 0 ? ruptureId : ruptures[ruptures.length - 1].id
        repairEditor.openFor(id, root.planFor(id))
        return repairEditor.visible
    }
    function openTransitionDialog(): bool {
        return openTransitionDialogFor(0)
    }
    // The transition plan for a rupture (0: the most recent one); it opens on what was agreed.
    function openTransitionDialogFor(ruptureId: int): bool {
        const ruptures = ClientModel.ruptures
        transitionDialog.openFor(ClientModel.clientCode,
                                 ruptureId > 0 ? ruptureId : ruptures.length ? ruptures[ruptures.length - 1].id : 0)
        return transitionDialog.visible
    }
    // Correct the shown series' rating of a session; 0 = the last one.
    function openCorrection(session: int): bool {
        return correctionDialog.openFor(ClientModel.clientCode, session > 0 ? session : ClientModel.lastSessionNumber)
    }
    // Correct a rupture on record (0: the most recent one).
    function openRuptureCorrection(ruptureId: int): bool {
        const ruptures = ClientModel.ruptures
        for (let i = ruptures.length - 1; i >= 0; --i)
            if (ruptureId === 0 || ruptures[i].id === ruptureId)
                return ruptureDialog.openToAmend(ClientModel.clientCode, ruptures[i].session, ruptures[i].id)
        return false
    }
    // Correct the most recent repair plan.
    function openPlanCorrection(): bool {
        const plans = ClientModel.plans
        if (plans.length === 0)
            return false
        const plan = plans[plans.length - 1]
        repairEditor.openFor(plan.rupture, plan)
        return repairEditor.form.amend(plan.rupture, plan.id)
    }
    function packDialogError(): string { return packDialog.error }
    function packDialogWritten(): string { return packDialog.written }
    function openPackDialog(): bool {
        packDialog.openForClient()
        return packDialog.visible
    }
    function closeDialogs() {
        correctionDialog.close()
        logDialog.close()
        ruptureDialog.close()
        repairEditor.close()
        transitionDialog.close()
        transitionComments.close()
        packDialog.close()
    }
    function planFor(ruptureId: int): var {
        for (const p of ClientModel.plans)
            if (p.rupture === ruptureId)
                return p
        return null
    }

    objectName: "client"
    title: ClientModel.clientCode
    // Shown (opened, or back from the client's rating): the keys act on the sessions at once --
    // arrows pick one, Enter flags a rupture there, Ctrl+E corrects it.
    StackView.onActivated: sessionList.forceActiveFocus()
    background: Rectangle { color: Theme.background }

    Shortcut { sequence: "Ctrl+L"; enabled: !root.readOnly; onActivated: root.openLogDialog() }
    Shortcut { sequence: "Ctrl+H"; enabled: !root.readOnly; onActivated: root.startHandOver() }
    Shortcut { sequence: "Ctrl+P"; enabled: ClientModel.allSessionCount > 0; onActivated: packDialog.openForClient() }
    Shortcut { sequence: "Ctrl+R"; enabled: !root.readOnly; onActivated: root.openRuptureDialog(0) }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Button {
                text: qsTr("Back")
                Accessible.name: root.readOnly ? qsTr("Back to the team") : qsTr("Back to the caseload")
                onClicked: root.StackView.view.pop()
            }
            Label {
                text: ClientModel.clientCode
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            Label {
                // Gives way (elided) so the actions on the right always fit.
                Layout.fillWidth: true
                Layout.minimumWidth: 60
                text: ClientModel.headerText
                elide: Text.ElideRight
                color: Theme.mutedText
            }
            Label {
                visible: root.readOnly
                text: qsTr("Read-only: supervision")
                color: Theme.info
                font.bold: true
            }
            Button {
                visible: !root.readOnly
                text: qsTr("Edit client")
                Accessible.name: qsTr("Edit client %1: name, counselor, cadence, status").arg(ClientModel.clientCode)
                onClicked: root.editClientRequested()
            }
            // No rating yet: nothing to choose between, so no empty drop-downs.
            ComboBox {
                visible: count > 0
                model: ClientModel.instrumentChoices
                textRole: "label"
                valueRole: "value"
                currentIndex: ClientModel.instrumentIndex
                Accessible.name: qsTr("Instrument")
                onActivated: ClientModel.instrument = currentValue
            }
            ComboBox {
                visible: count > 0
                model: ClientModel.raterChoices
                textRole: "label"
                valueRole: "value"
                currentIndex: ClientModel.raterIndex
                Accessible.name: qsTr("Rated by")
                onActivated: ClientModel.rater = currentValue
            }
            AccentButton {
                visible: !root.readOnly
                text: qsTr("Log session")
                Accessible.name: qsTr("Log a session (Ctrl+L)")
                onClicked: root.openLogDialog()
            }
            Button {
                visible: !root.readOnly
                text: qsTr("Client rates")
                Accessible.name: qsTr("Hand the screen to the client to rate (Ctrl+H)")
                onClicked: root.startHandOver()
            }
            Button {
                visible: !root.readOnly
                text: qsTr("Flag rupture")
                Accessible.name: qsTr("Flag a rupture (Ctrl+R)")
                onClicked: root.openRuptureDialog(0)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: ClientModel.summaryText
                color: Theme.text
                font.bold: true
                wrapMode: Text.Wrap
            }
            Button {
                visible: ClientModel.allSessionCount > 0
                text: qsTr("Supervision pack…")
                Accessible.name: qsTr("Write a supervision pack (PDF) of this client (Ctrl+P)")
                onClicked: packDialog.openForClient()
            }
        }
        Label {
            Layout.fillWidth: true
            text: ClientModel.ruleText
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.Wrap
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing

                TrajectoryChart {
                    id: chart
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    // Chart and rupture panel share what is left (about 2:1): at 1366 x 768 and
                    // 125% both fit.
                    Layout.preferredHeight: 400
                    Layout.minimumHeight: 180
                    showTotal: totalBox.checked
                    showBond: bondBox.checked
                    showGoal: goalBox.checked
                    showTask: taskBox.checked
                }
                RowLayout {
                    Label { text: qsTr("Show:"); color: Theme.mutedText }
                    CheckBox { id: totalBox; text: qsTr("Total"); checked: true; Accessible.name: qsTr("Show the total line") }
                    CheckBox { id: bondBox; text: qsTr("Bond"); Accessible.name: qsTr("Show the bond line") }
                    CheckBox { id: goalBox; text: qsTr("Goal"); Accessible.name: qsTr("Show the goal line") }
                    CheckBox { id: taskBox; text: qsTr("Task"); Accessible.name: qsTr("Show the task line") }
                    Item { Layout.fillWidth: true }
                    // The shaded bands' legend: the chart's own legend lists only its series.
                    Repeater {
                        model: [{ status: "repaired", text: qsTr("Breach repaired") },
                                { status: "unrepaired", text: qsTr("Breach unrepaired") },
                                { status: "pending", text: qsTr("Breach open") }]
                        Row {
                            id: swatch
                            required property var modelData
                            spacing: 4
                            Rectangle {
                                readonly property color tone: chart.episodeColor(swatch.modelData.status)
                                anchors.verticalCenter: parent.verticalCenter
                                width: 14
                                height: 14
                                color: Qt.rgba(tone.r, tone.g, tone.b, 0.12)
                                border.color: tone
                                border.width: 2
                            }
                            Label { text: swatch.modelData.text; color: Theme.text }
                        }
                    }
                }
                RupturePanel {
                    readOnly: root.readOnly
                    onTransitionCommentsRequested: transition => transitionComments.openFor(transition)
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 190
                    Layout.minimumHeight: 110
                    onPlanRequested: id => root.openRepairEditor(id)
                    onCorrectionRequested: id => root.openRuptureCorrection(id)
                    onTransitionRequested: ruptureId => root.openTransitionDialogFor(ruptureId)
                }
            }

            ColumnLayout {
                Layout.preferredWidth: 330
                Layout.maximumWidth: 330
                Layout.fillHeight: true
                spacing: Theme.spacing

                Label { text: qsTr("Needs attention"); font.bold: true; color: Theme.text }
                ListView {
                    id: flagList
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 220)
                    clip: true
                    model: ClientModel.flags
                    spacing: 4
                    activeFocusOnTab: true
                    Accessible.name: qsTr("What needs attention")
                    delegate: Rectangle {
                        id: flagItem
                        required property var modelData
                        width: ListView.view.width
                        height: flagColumn.implicitHeight + 8
                        color: Theme.surface
                        border.color: modelData.severity >= 3 ? Theme.breach : Theme.border
                        radius: Theme.radius
                        Accessible.role: Accessible.ListItem
                        Accessible.name: modelData.reason + ". " + modelData.suggestion
                        readonly property bool breach: modelData.kind === "unflagged-breach"
                        Column {
                            id: flagColumn
                            x: 6; y: 4
                            width: parent.width - 12
                            Label { width: parent.width; text: flagItem.modelData.reason; color: Theme.text; wrapMode: Text.Wrap; font.bold: true }
                            Label { width: parent.width; text: flagItem.modelData.suggestion; color: Theme.mutedText; wrapMode: Text.Wrap; font.pixelSize: Theme.smallFontSize }
                            Button {
                                visible: !root.readOnly && flagItem.breach && flagItem.modelData.session > 0
                                text: qsTr("Flag rupture at session %1").arg(flagItem.modelData.session)
                                Accessible.name: text
                                onClicked: root.openRuptureDialogNoticedBy(flagItem.modelData.session, "client-score")
                            }
                        }
                    }
                    Label {
                        visible: flagList.count === 0
                        text: qsTr("Nothing flagged.")
                        color: Theme.mutedText
                    }
                }
                Label { text: qsTr("Sessions"); font.bold: true; color: Theme.text }
                SessionList {
                    id: sessionList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    focusSession: root.focusSession
                    readOnly: root.readOnly
                    onFlagRequested: session => { if (!root.readOnly) root.openRuptureDialog(session) }
                    onCorrectRequested: session => { if (!root.readOnly) root.openCorrection(session) }
                }
            }
        }
    }

    SessionLogDialog {
        id: logDialog
        // The new session in view and selected, in the series it was logged in.
        onSessionSaved: (session, instrument, rater) => {
            ClientModel.instrument = instrument
            ClientModel.rater = rater
            sessionList.showSession(session)
        }
    }
    CorrectionDialog { id: correctionDialog }
    RuptureFlagDialog { id: ruptureDialog }
    RepairPlanEditor { id: repairEditor; readOnly: root.readOnly }
    TransitionPlanDialog { id: transitionDialog }
    TransitionCommentDialog { id: transitionComments }
    PackDialog { id: packDialog; chart: chart }

    Component {
        id: ratingPage
        ClientRatingPage { clientCode: ClientModel.clientCode }
    }
}
