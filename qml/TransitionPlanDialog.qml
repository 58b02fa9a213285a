import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// When repair is not possible: the agency's policy, an open dialogue, a supervisor invited,
// a similar agency from the referral list, and next steps agreed with the client.
Dialog {
    id: root

    property string clientCode: ""
    property int ruptureId: 0
    property var agencies: Backend.referralAgencies()

    function agencyLabels(): var {
        const labels = [qsTr("(not yet)")]
        for (const a of agencies)
            labels.push(a.services !== "" ? a.name + " — " + a.services : a.name)
        return labels
    }
    function save() {
        const referral = agencyBox.currentIndex > 0 ? agencies[agencyBox.currentIndex - 1].name : ""
        if (Backend.planTransition(clientCode, ruptureId, policyBox.checked, dialogueBox.checked, supervisorBox.checked,
                                   referral, stepsField.text) > 0)
            close()
    }
    function addAgency() {
        if (Backend.addReferralAgency(newAgency.text, newServices.text, "")) {
            agencies = Backend.referralAgencies()
            newAgency.text = ""
            newServices.text = ""
        }
    }

    title: qsTr("When repair is not possible: %1").arg(clientCode)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 680
    padding: Theme.padding
    // Opens on the plan already agreed for this rupture, if any: saving edits it.
    onAboutToShow: {
        agencies = Backend.referralAgencies()
        let existing = null
        for (const t of ClientModel.transitions)
            if (t.rupture === ruptureId)
                existing = t
        policyBox.checked = existing !== null && existing.policyReviewed
        dialogueBox.checked = existing !== null && existing.dialogueHeld
        supervisorBox.checked = existing !== null && existing.supervisorInvited
        stepsField.text = existing !== null ? existing.nextSteps : ""
        agencyBox.currentIndex = existing !== null ? Math.max(0, agencies.findIndex(a => a.name === existing.referral) + 1) : 0
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        CheckBox { id: policyBox; text: qsTr("I know the agency's policy on changing professionals"); Accessible.name: text }
        CheckBox { id: dialogueBox; text: qsTr("We talked about it openly with the client"); Accessible.name: text }
        CheckBox { id: supervisorBox; text: qsTr("A supervisor was invited"); Accessible.name: text }
        RowLayout {
            Label { text: qsTr("Refer to"); color: Theme.text }
            ComboBox {
                id: agencyBox
                Layout.fillWidth: true
                model: root.agencyLabels()
                Accessible.name: qsTr("Referral agency")
            }
        }
        RowLayout {
            TextField { id: newAgency; Layout.fillWidth: true; placeholderText: qsTr("Add a similar agency to the list"); Accessible.name: qsTr("New referral agency name") }
            TextField { id: newServices; Layout.fillWidth: true; placeholderText: qsTr("Services"); Accessible.name: qsTr("New referral agency services") }
            Button { text: qsTr("Add"); enabled: newAgency.text.trim() !== ""; onClicked: root.addAgency(); Accessible.name: qsTr("Add the agency") }
        }
        FramedTextArea {
            id: stepsField
            objectName: "transitionSteps"
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            placeholderText: qsTr("Next steps agreed with the client")
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Next steps agreed with the client")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Practice unconditional positive regard for the client and yourself.")
        }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel the transition plan") }
            AccentButton { text: qsTr("Save transition plan"); onClicked: root.save(); Accessible.name: text }
        }
    }
}
