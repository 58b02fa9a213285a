import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// When repair is not possible: the agency's policy, an open dialogue, a supervisor invited,
// a similar agency from the referral list, and next steps agreed with the client. Opens on the
// plan already agreed for this rupture, if any: saving edits it. The state lives in TransitionForm.
ModalDialog {
    id: root

    readonly property TransitionForm form: TransitionForm {
        onSaved: root.close()
        onFailed: root.focusFieldAtFault()
    }

    function openFor(clientCode: string, ruptureId: int) {
        form.load(clientCode, ruptureId)
        open()
        policyBox.forceActiveFocus(Qt.TabFocusReason)
    }
    function focusFieldAtFault() {
        const fields = { referral: agencyBox, nextSteps: stepsField, newAgency: newAgency, newAgencyServices: newServices }
        const field = fields[form.firstErrorField]
        if (field)
            field.forceActiveFocus(Qt.TabFocusReason)
    }

    title: qsTr("When repair is not possible: %1").arg(form.clientCode)
    width: Math.min(680, (Overlay.overlay ? Overlay.overlay.width : 720) - 2 * Theme.padding)
    height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 700) - 2 * Theme.padding)
    padding: Theme.padding

    FormScroll {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            CheckBox {
                id: policyBox
                text: qsTr("I know the agency's policy on changing professionals")
                checked: root.form.policyReviewed
                Accessible.name: text
                onToggled: root.form.policyReviewed = checked
            }
            CheckBox {
                text: qsTr("We talked about it openly with the client")
                checked: root.form.dialogueHeld
                Accessible.name: text
                onToggled: root.form.dialogueHeld = checked
            }
            CheckBox {
                text: qsTr("A supervisor was invited")
                checked: root.form.supervisorInvited
                Accessible.name: text
                onToggled: root.form.supervisorInvited = checked
            }
            RowLayout {
                Label { text: qsTr("Refer to"); color: Theme.text }
                ComboBox {
                    id: agencyBox
                    Layout.fillWidth: true
                    model: root.form.referralChoices
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: count > 0 ? indexOfValue(root.form.referral) : -1 // again once the choices are in
                    Accessible.name: qsTr("Referral agency")
                    Accessible.description: root.form.referralError
                    onActivated: root.form.referral = currentValue
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.referralError }
            RowLayout {
                TextField {
                    id: newAgency
                    Layout.fillWidth: true
                    text: root.form.newAgencyName
                    placeholderText: qsTr("Add a similar agency to the list")
                    Accessible.name: qsTr("New referral agency name")
                    Accessible.description: root.form.newAgencyError
                    onTextEdited: root.form.newAgencyName = text
                    onAccepted: root.form.addAgency()
                }
                TextField {
                    id: newServices
                    Layout.fillWidth: true
                    text: root.form.newAgencyServices
                    placeholderText: qsTr("Services")
                    Accessible.name: qsTr("New referral agency services")
                    onTextEdited: root.form.newAgencyServices = text
                    onAccepted: root.form.addAgency()
                }
                Button {
                    text: qsTr("Add")
                    enabled: newAgency.text.trim() !== ""
                    onClicked: root.form.addAgency()
                    Accessible.name: qsTr("Add the agency to the referral list")
                }
            }
            FieldError { Layout.fillWidth: true; text: root.form.newAgencyError }
            FramedTextArea {
                id: stepsField
                objectName: "transitionSteps"
                Layout.fillWidth: true
                Layout.preferredHeight: 80
                text: root.form.nextSteps
                placeholderText: qsTr("Next steps agreed with the client")
                wrapMode: TextEdit.Wrap
                Accessible.name: qsTr("Next steps agreed with the client")
                Accessible.description: root.form.nextStepsError
                onTextChanged: if (text !== root.form.nextSteps) root.form.nextSteps = text
            }
            FieldError { Layout.fillWidth: true; text: root.form.nextStepsError }
            FieldError { Layout.fillWidth: true; text: root.form.message }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Practice unconditional positive regard for the client and yourself.")
            }
            RowLayout {
                Item { Layout.fillWidth: true }
                Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel the transition plan") }
                AccentButton {
                    text: root.form.existing ? qsTr("Save changes") : qsTr("Save transition plan")
                    onClicked: root.form.submit()
                    Accessible.name: text
                }
            }
        }
    }
}
