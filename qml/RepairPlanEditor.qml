pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Plan a repair (strategies grouped as immediate, exploratory and the training deck's steps;
// steps in the counselor's own words; due date), or follow one through and close it.
Dialog {
    id: root

    property int ruptureId: 0
    property alias stepsText: stepsField.text
    property alias dueText: dueField.text
    property alias outcomeIndex: outcomeBox.currentIndex
    property alias followUpSession: followUpBox.value
    property var plan: null
    property var chosen: []
    readonly property var strategies: Backend.catalogue("strategy")
    readonly property bool editing: plan === null

    function toggle(slug: string, on: bool) {
        const list = chosen.filter(s => s !== slug)
        if (on)
            list.push(slug)
        chosen = list
    }
    function save() {
        const steps = stepsField.text.split("\n").filter(s => s.trim() !== "")
        if (Backend.planRepair(ruptureId, chosen, steps, dueField.text === "--" ? "" : dueField.text, noteField.text) > 0)
            close()
    }
    function closePlan() {
        if (Backend.closeRepair(plan.id, outcomeBox.currentText, followUpBox.value))
            close()
    }

    title: editing ? qsTr("Plan a repair for rupture #%1").arg(ruptureId) : qsTr("Repair plan #%1 for rupture #%2").arg(plan.id).arg(ruptureId)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 900
    padding: Theme.padding
    onAboutToShow: {
        chosen = []
        stepsField.text = ""
        noteField.text = ""
        dueField.text = ""
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            visible: root.editing
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Validate and explore during the rupture session; change-oriented work in the sessions after.")
        }
        RowLayout {
            visible: root.editing
            spacing: Theme.padding
            Repeater {
                model: [{ group: "immediate", title: qsTr("Immediate") },
                        { group: "exploratory", title: qsTr("Exploratory") },
                        { group: "deck", title: qsTr("Repair steps (training)") }]
                ColumnLayout {
                    id: groupColumn
                    required property var modelData
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 280
                    spacing: 0
                    Label { text: groupColumn.modelData.title; font.bold: true; color: Theme.text }
                    Repeater {
                        model: root.strategies.filter(s => s.group === groupColumn.modelData.group)
                        CheckBox {
                            id: strategyBox
                            required property var modelData
                            Layout.maximumWidth: 280
                            text: modelData.label
                            checked: root.chosen.indexOf(modelData.slug) >= 0
                            Accessible.name: qsTr("Strategy: %1").arg(modelData.label)
                            onToggled: root.toggle(modelData.slug, checked)
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
                placeholderText: qsTr("Steps in your own words, one per line")
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Repair steps, one per line")
            }
            ColumnLayout {
                Label { text: qsTr("Due (YYYY-MM-DD)"); color: Theme.text }
                TextField { id: dueField; Layout.preferredWidth: 130; Accessible.name: qsTr("Due date") }
            }
        }
        TextField {
            id: noteField
            visible: root.editing
            Layout.fillWidth: true
            placeholderText: qsTr("Note (optional)")
            Accessible.name: qsTr("Plan note")
        }

        // Following through an existing plan.
        Label {
            visible: !root.editing
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: root.plan === null ? "" : qsTr("Strategies: %1\nSteps: %2\nStatus: %3%4%5")
                  .arg(root.plan.strategyLabels.join(", ")).arg(root.plan.steps.length ? root.plan.steps.join("; ") : qsTr("none"))
                  .arg(root.plan.status).arg(root.plan.due !== "" ? qsTr(", due %1").arg(root.plan.due) : "")
                  .arg(root.plan.outcome !== "" ? qsTr(", outcome %1 (follow-up session %2)").arg(root.plan.outcome).arg(root.plan.followUp) : "")
        }
        RowLayout {
            visible: !root.editing && root.plan !== null && root.plan.status !== "closed"
            Label { text: qsTr("Outcome"); color: Theme.text }
            ComboBox { id: outcomeBox; model: ["resolved", "partly", "unresolved", "transferred"]; Accessible.name: qsTr("Outcome") }
            Label { text: qsTr("Follow-up session"); color: Theme.text }
            SpinBox {
                id: followUpBox
                from: 0
                to: ClientModel.allSessionCount
                value: ClientModel.allSessionCount
                Accessible.name: qsTr("Follow-up session number, 0 for none")
            }
            AccentButton { text: qsTr("Close the plan"); onClicked: root.closePlan(); Accessible.name: qsTr("Close the repair plan") }
        }

        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: root.editing ? qsTr("Cancel") : qsTr("Done"); onClicked: root.close(); Accessible.name: text }
            AccentButton {
                visible: root.editing
                text: qsTr("Save plan")
                enabled: root.chosen.length > 0
                Accessible.name: qsTr("Save the repair plan")
                onClicked: root.save()
            }
        }
    }
}
