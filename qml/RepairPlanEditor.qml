pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Plan a repair (strategies grouped as immediate, exploratory and the training deck's steps;
// steps in the counselor's own words; due date), or follow one through and close it.
Dialog {
    id: root

    // The plan on record for the rupture (from ClientModel.plans), or null to plan a new one.
    property var plan: null
    readonly property bool editing: plan === null
    // Held as a plain JS array so each group can filter it.
    readonly property var strategyChoices: form.strategyChoices
    readonly property RepairPlanForm form: RepairPlanForm {
        onSaved: root.close()
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
    }
    function focusFieldAtFault() {
        const fields = { steps: stepsField, due: dueField, note: noteField, followUpSession: followUpBox }
        const field = fields[form.firstErrorField]
        if (field)
            field.forceActiveFocus()
    }

    title: editing ? qsTr("Plan a repair for rupture #%1").arg(form.ruptureId) : qsTr("Repair plan #%1 for rupture #%2").arg(form.planId).arg(form.ruptureId)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(900, (Overlay.overlay ? Overlay.overlay.width : 940) - 2 * Theme.padding)
    height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 700) - 2 * Theme.padding)
    padding: Theme.padding

    ScrollView {
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
                    width: 280
                    spacing: 0
                    Label { text: groupColumn.modelData.title; font.bold: true; color: Theme.text }
                    Repeater {
                        model: root.strategyChoices.filter(s => s.group === groupColumn.modelData.group)
                        CheckBox {
                            id: strategyBox
                            required property var modelData
                            Layout.maximumWidth: 280
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
            visible: !root.editing && root.plan !== null && root.plan.status !== "closed"
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Outcome"); color: Theme.text; height: outcomeBox.height; verticalAlignment: Text.AlignVCenter }
            ComboBox {
                id: outcomeBox
                model: root.form.outcomeChoices
                textRole: "label"
                valueRole: "value"
                implicitContentWidthPolicy: ComboBox.WidestText
                currentIndex: indexOfValue(root.form.outcome)
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
        FieldError { Layout.fillWidth: true; text: root.form.message }

        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: root.editing ? qsTr("Cancel") : qsTr("Done"); onClicked: root.close(); Accessible.name: text }
            AccentButton {
                visible: root.editing
                text: qsTr("Save plan")
                Accessible.name: qsTr("Save the repair plan")
                onClicked: root.form.submit()
            }
        }
    }
    }
}
