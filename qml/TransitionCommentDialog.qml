pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// What was written about a transition plan (with sign-offs, names and dates), and a new comment:
// the client's counselor, their supervisor or an admin comments; the supervisor (or an admin)
// signs the plan off.
ModalDialog {
    id: root

    property var plan: null // from ClientModel.transitions
    readonly property var livePlan: {
        for (const t of ClientModel.transitions)
            if (plan !== null && t.id === plan.id)
                return t
        return plan
    }
    readonly property CommentForm form: CommentForm {
        onFailed: textField.forceActiveFocus(Qt.TabFocusReason)
    }

    function openFor(transition: var) {
        plan = transition
        form.reset(ClientModel.clientCode, transition.id)
        open()
        textField.forceActiveFocus(Qt.TabFocusReason)
    }

    title: plan === null ? "" : qsTr("Transition plan of %1: comments").arg(plan.date)
    width: Math.min(720, (Overlay.overlay ? Overlay.overlay.width : 760) - 2 * Theme.padding)
    padding: Theme.padding

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.bold: true
            text: root.livePlan === null ? "" : root.livePlan.signedOff !== "" ? root.livePlan.signedOff : qsTr("Not signed off yet.")
        }
        Repeater {
            model: root.livePlan !== null ? root.livePlan.comments : []
            Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: (modelData.signedOff ? qsTr("%1, %2 (signed off): %3") : qsTr("%1, %2: %3"))
                      .arg(modelData.date).arg(modelData.author).arg(modelData.text)
            }
        }
        TextField {
            id: textField
            objectName: "transitionCommentField"
            Layout.fillWidth: true
            text: root.form.text
            placeholderText: qsTr("Your comment, as %1").arg(Backend.userName)
            Accessible.name: qsTr("Comment on the transition plan, as %1").arg(Backend.userName)
            Accessible.description: root.form.textError
            onTextEdited: root.form.text = text
            onAccepted: root.form.submit(false)
        }
        FieldError { Layout.fillWidth: true; text: root.form.textError }
        FieldError { Layout.fillWidth: true; text: root.form.message }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Done"); Accessible.name: text; onClicked: root.close() }
            Button {
                text: qsTr("Add comment")
                Accessible.name: qsTr("Add the comment to the transition plan")
                onClicked: root.form.submit(false)
            }
            AccentButton {
                objectName: "transitionSignOffButton"
                visible: Backend.userName !== "" && Backend.maySignOffFor(ClientModel.counselorName) // re-asked when someone else signs in
                text: qsTr("Sign off")
                Accessible.name: qsTr("Sign off the transition plan with this comment")
                onClicked: root.form.submit(true)
            }
        }
    }
}
