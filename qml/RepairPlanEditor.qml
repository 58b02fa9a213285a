pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Plan a repair (strategies grouped as immediate, exploratory and the training deck's steps;
// steps in the counselor's own words; due date), follow one through and close it, or correct one
// (with a reason; the earlier versions listed).
ModalDialog {
    id: root

    // The plan on record for the rupture (from ClientModel.plans), or null to plan a new one.
    property var plan: null
    // A supervisor reviewing (from the Team page): comments and sign-off only.
    property bool readOnly: false
    // Planning a new one or correcting one: the plan's fields are editable.
    readonly property bool editing: plan === null || form.amending
    // The plan as it is on record now (comments added while the editor is open included).
    readonly property var livePlan: {
        for (const p of ClientModel.plans)
            if (p.id === form.planId)
                return p
        return null
    }
    // Held as a plain JS array so each group can filter it.
    readonly property var strategyChoices: form.strategyChoices
    readonly property RepairPlanForm form: RepairPlanForm {
        onSaved: root.close()
        onLoaded: if (amending) reasonField.forceActiveFocus(Qt.TabFocusReason)
        onClosed: root.close()
        onFailed: root.focusFieldAtFault()
    }

    function openFor(ruptureId: int, existing: var) {
        plan = existing
        if (existing === null)
            form.reset(ruptureId)
        else
            form.follow(ruptureId, existing.id, ClientModel.allSessionCount)
        open()
        // Keys start where the work is: the first strategy of a new plan, the outcome of an open one.
        if (existing === null)
            strategyFlow.nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        else if (readOnly)
            commentField.forceActiveFocus(Qt.TabFocusReason)
        else if (existing.status !== "closed")
            outcomeBox.forceActiveFocus(Qt.TabFocusReason)
    }
    function focusFieldAtFault() {
        const fields = { steps: stepsField, due: dueField, note: noteField, followUpSession: followUpBox,
                         reason: reasonField, outcome: amendOutcomeBox }
        const field = fields[form.firstErrorField]
        if (field)
            field.forceActiveFocus(Qt.TabFocusReason)
    }

    title: form.amending ? qsTr("Correct repair plan #%1 for rupture #%2").arg(form.planId).arg(form.ruptureId)
           : editing ? qsTr("Plan a repair for rupture #%1").arg(form.ruptureId)
           : qsTr("Repair plan #%1 for rupture #%2").arg(form.planId).arg(form.ruptureId)
    width: Math.min(900, (Overlay.overlay ? Overlay.overlay.width : 940) - 2 * Theme.padding)
    height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 700) - 2 * Theme.padding)
    padding: Theme.padding

    FormScroll {
    anchors.fill: parent
    contentWidth: availableWidth
    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        Label {
            visible: root.editing
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Validate and explore during the rupture session; change-oriented work in the sessions after.")
        }
        Flow {
            id: strategyFlow
            visible: root.editing
            Layout.fillWidth: true
            spacing: Theme.padding
            Repeater {
                model: [{ group: "immediate", title: qsTr("Immediate") },
                        { group: "exploratory", title: qsTr("Exploratory") },
                        { group: "deck", title: qsTr("Repair steps (training)") }]
                ColumnLayout {
                    id: groupColumn
                    required property var modelData
                    // Three groups side by side when they fit at 240 px or more (1024 x 700).
                    width: Math.max(240, Math.floor((strategyFlow.width - 2 * strategyFlow.spacing) / 3))
                    spacing: 0
                    Label { text: groupColumn.modelData.title; font.bold: true; color: Theme.text }
                    Repeater {
                        model: root.strategyChoices.filter(s => s.group === groupColumn.modelData.group)
                        CheckBox {
                            id: strategyBox
                            required property var modelData
                            Layout.maximumWidth: groupColumn.width
                            text: modelData.label
                            checked: root.form.strategies.indexOf(modelData.value) >= 0
                            Accessible.name: qsTr("Strategy: %1").arg(modelData.label)
                            onToggled: root.form.setStrategy(modelData.value, checked)
                            contentItem: Label {
                                leftPadding: strategyBox.indicator.width + 4
                                text: strategyBox.text
                                wrapMode: Text.Wrap
                                color: Theme.text
                            }
                        }
                    }
                }
            }
        }
        RowLayout {
            visible: root.editing
            Layout.fillWidth: true
            FramedTextArea {
                id: stepsField
                Layout.fillWidth: true
                Layout.preferredHeight: 80
                text: root.form.stepsText
                placeholderText: qsTr("Steps in your own words, one per line")
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Repair steps, one per line")
                Accessible.description: root.form.stepsError
                onTextChanged: if (text !== root.form.stepsText) root.form.stepsText = text
            }
            ColumnLayout {
                Label { text: qsTr("Due (YYYY-MM-DD)"); color: Theme.text }
                TextField {
                    id: dueField
                    Layout.preferredWidth: 130
                    text: root.form.dueText
                    Accessible.name: qsTr("Due date, year-month-day (optional)")
                    Accessible.description: root.form.dueError
                    onTextEdited: root.form.dueText = text
                }
            }
        }
        FieldError { Layout.fillWidth: true; text: root.form.strategiesError }
        FieldError { Layout.fillWidth: true; text: root.form.stepsError }
        FieldError { Layout.fillWidth: true; text: root.form.dueError }
        TextField {
            id: noteField
            visible: root.editing
            Layout.fillWidth: true
            text: root.form.note
            placeholderText: qsTr("Note (optional)")
            Accessible.name: qsTr("Plan note")
            Accessible.description: root.form.noteError
            onTextEdited: root.form.note = text
        }
        FieldError { Layout.fillWidth: true; text: root.form.noteError }
        Flow {
            visible: root.form.amending && root.form.planClosed
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Outcome"); color: Theme.text; height: amendOutcomeBox.height; verticalAlignment: Text.AlignVCenter }
            ComboBox {
                id: amendOutcomeBox
                model: root.form.outcomeChoices
                textRole: "label"
                valueRole: "value"
                implicitContentWidthPolicy: ComboBox.WidestText
                currentIndex: count > 0 ? indexOfValue(root.form.outcome) : -1 // again once the choices are in
                Accessible.name: qsTr("Corrected outcome")
                Accessible.description: root.form.outcomeError
                onActivated: root.form.outcome = currentValue
            }
        }
        FieldError { Layout.fillWidth: true; text: root.form.outcomeError }
        TextField {
            id: reasonField
        objectName: "reasonField"
            visible: root.form.amending
            Layout.fillWidth: true
            text: root.form.reason
            placeholderText: qsTr("Why is the plan corrected? (required)")
            Accessible.name: qsTr("Reason for the correction")
            Accessible.description: root.form.reasonError
            onTextEdited: root.form.reason = text
        }
        FieldError { Layout.fillWidth: true; text: root.form.reasonError }
        Label {
            visible: root.form.history.length > 0
            text: qsTr("Earlier versions")
            color: Theme.text
            font.bold: true
        }
        Repeater {
            model: root.form.history
            Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("%1: %2. Reason: %3").arg(modelData.date).arg(modelData.summary).arg(modelData.reason)
            }
        }

        // Following through an existing plan.
        Label {
            visible: !root.editing
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: root.plan === null ? "" : qsTr("Strategies: %1\nSteps: %2\nStatus: %3%4%5")
                  .arg(root.plan.strategyLabels.join(", ")).arg(root.plan.steps.length ? root.plan.steps.join("; ") : qsTr("none"))
                  .arg(root.plan.statusLabel).arg(root.plan.due !== "" ? qsTr(", due %1").arg(root.plan.due) : "")
                  .arg(root.plan.outcome !== "" ? qsTr(", outcome: %1 (follow-up session %2)").arg(root.plan.outcomeLabel).arg(root.plan.followUp) : "")
        }
        Flow {
            visible: !root.readOnly && !root.editing && root.plan !== null && root.plan.status !== "closed"
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Outcome"); color: Theme.text; height: outcomeBox.height; verticalAlignment: Text.AlignVCenter }
            ComboBox {
                id: outcomeBox
                model: root.form.outcomeChoices
                textRole: "label"
                valueRole: "value"
                implicitContentWidthPolicy: ComboBox.WidestText
                currentIndex: count > 0 ? indexOfValue(root.form.outcome) : -1 // again once the choices are in
                Accessible.name: qsTr("Outcome")
                onActivated: root.form.outcome = currentValue
            }
            Label { text: qsTr("Follow-up session"); color: Theme.text; height: outcomeBox.height; verticalAlignment: Text.AlignVCenter }
            SpinBox {
                id: followUpBox
                from: 0
                to: ClientModel.allSessionCount
                value: root.form.followUpSession
                Accessible.name: qsTr("Follow-up session number, 0 for none")
                Accessible.description: root.form.followUpError
                onValueModified: root.form.followUpSession = value
            }
            AccentButton { text: qsTr("Close the plan"); onClicked: root.form.closePlan(); Accessible.name: qsTr("Close the repair plan") }
        }
        FieldError { Layout.fillWidth: true; text: root.form.followUpError }

        // Supervision: what was written about the plan (with sign-offs), and a new comment.
        Label {
            visible: !root.editing && root.livePlan !== null && root.livePlan.comments.length > 0
            text: root.livePlan !== null && root.livePlan.signedOff !== "" ? qsTr("Comments · %1").arg(root.livePlan.signedOff)
                                                                             : qsTr("Comments")
            color: Theme.text
            font.bold: true
        }
        ScrollView {
            visible: !root.editing && root.livePlan !== null && root.livePlan.comments.length > 0
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(160, commentColumn.implicitHeight)
            clip: true
            ColumnLayout {
                id: commentColumn
                width: root.availableWidth - 16
                Repeater {
                    model: !root.editing && root.livePlan !== null ? root.livePlan.comments : []
                    Label {
                        required property var modelData
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.text
                        text: (modelData.signedOff ? qsTr("%1, %2 (signed off): %3") : qsTr("%1, %2: %3"))
                              .arg(modelData.date).arg(modelData.author).arg(modelData.text)
                    }
                }
            }
        }
        RowLayout {
            visible: !root.editing
            Layout.fillWidth: true
            TextField {
                id: commentField
                objectName: "commentField"
                Layout.fillWidth: true
                text: root.form.comment
                placeholderText: qsTr("Your comment, as %1").arg(Backend.userName)
                Accessible.name: qsTr("Comment on the plan, as %1").arg(Backend.userName)
                Accessible.description: root.form.commentError
                onTextEdited: root.form.comment = text
                onAccepted: root.form.addComment(false)
            }
            Button {
                text: qsTr("Add comment")
                Accessible.name: qsTr("Add the comment to repair plan %1").arg(root.form.planId)
                onClicked: root.form.addComment(false)
            }
            AccentButton {
                objectName: "signOffButton"
                visible: Backend.userName !== "" && Backend.maySignOffFor(ClientModel.counselorName) // re-asked when someone else signs in
                text: qsTr("Sign off")
                Accessible.name: qsTr("Sign off repair plan %1 with this comment").arg(root.form.planId)
                onClicked: root.form.addComment(true)
            }
        }
        FieldError { Layout.fillWidth: true; text: root.form.commentError }
        FieldError { Layout.fillWidth: true; text: root.form.message }

        RowLayout {
            Button {
                objectName: "correctPlanButton"
                visible: !root.editing && !root.readOnly
                text: qsTr("Correct plan…")
                Accessible.name: qsTr("Correct repair plan %1").arg(root.form.planId)
                onClicked: root.form.amend(root.form.ruptureId, root.form.planId)
            }
            Item { Layout.fillWidth: true }
            Button { text: root.editing ? qsTr("Cancel") : qsTr("Done"); onClicked: root.close(); Accessible.name: text }
            AccentButton {
                visible: root.editing
                text: root.form.amending ? qsTr("Save correction") : qsTr("Save plan")
                Accessible.name: root.form.amending ? qsTr("Save the corrected repair plan") : qsTr("Save the repair plan")
                onClicked: root.form.submit()
            }
        }
    }
    }
}
