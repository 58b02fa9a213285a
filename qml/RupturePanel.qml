pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Flagged ruptures with their repair plans, and the way to plan or close a repair.
Rectangle {
    id: root

    // Held as a plain JS array so it can be mapped.
    readonly property var voidedRuptures: ClientModel.voidedRuptures

    property bool readOnly: false // a supervisor reads the plans (and comments there); nothing else
    signal planRequested(int ruptureId)
    signal correctionRequested(int ruptureId, int session)
    signal transitionRequested(int ruptureId) // 0: the most recent rupture
    signal transitionCommentsRequested(var transition)

    function planFor(ruptureId: int): var {
        for (const p of ClientModel.plans)
            if (p.rupture === ruptureId)
                return p
        return null
    }

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4

        RowLayout {
            Label { text: qsTr("Ruptures and repairs"); font.bold: true; color: Theme.text; Layout.fillWidth: true }
            Button {
                visible: !root.readOnly
                text: qsTr("Repair not possible…")
                Accessible.name: qsTr("When repair is not possible: plan the transition with the client")
                onClicked: root.transitionRequested(0)
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: ClientModel.ruptures
            spacing: 4
            activeFocusOnTab: true
            Accessible.name: qsTr("Ruptures")
            ScrollBar.vertical: ScrollBar {}
            delegate: RowLayout {
                id: item
                required property var modelData
                readonly property var plan: root.planFor(modelData.id)
                width: ListView.view.width - 12
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: qsTr("#%1 · session %2 · %3, salience %4%5%6%7").arg(item.modelData.id).arg(item.modelData.session)
                          .arg(item.modelData.kindLabel).arg(item.modelData.salience)
                          .arg(item.modelData.markerLabels.length ? " · " + item.modelData.markerLabels.join(", ") : "")
                          .arg(item.modelData.categoryLabel !== "" ? " · " + item.modelData.categoryLabel : "")
                          .arg(item.modelData.revisions > 0 ? " · " + qsTr("corrected") : "")
                          + (item.modelData.note !== "" ? "\n" + item.modelData.note : "")
                }
                // The latest comment on the plan, with its writer and date; the plan shows them all.
                Label {
                    readonly property var latest: item.plan !== null && item.plan.comments.length > 0
                                                  ? item.plan.comments[item.plan.comments.length - 1] : null
                    visible: latest !== null
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFontSize
                    text: latest === null ? "" : qsTr("Comment %1, %2: %3").arg(latest.date).arg(latest.author).arg(latest.text)
                }
                }
                Label {
                    color: item.plan === null ? Theme.breach : item.plan.status === "closed" ? Theme.repair : Theme.warning
                    font.bold: true
                    text: item.plan === null ? qsTr("no plan")
                        : item.plan.status === "closed" ? qsTr("closed: %1").arg(item.plan.outcomeLabel)
                        : item.plan.due !== "" ? qsTr("plan due %1").arg(item.plan.due) : qsTr("plan open")
                    ToolTip.visible: signedArea.containsMouse && item.plan !== null && item.plan.signedOff !== ""
                    ToolTip.text: item.plan !== null ? item.plan.signedOff : ""
                    MouseArea { id: signedArea; anchors.fill: parent; hoverEnabled: true; acceptedButtons: Qt.NoButton }
                }
                Button {
                    visible: !root.readOnly
                    text: qsTr("Correct…")
                    Accessible.name: qsTr("Correct rupture %1").arg(item.modelData.id)
                    onClicked: root.correctionRequested(item.modelData.id, item.modelData.session)
                }
                Label {
                    visible: item.plan !== null && item.plan.signedOff !== ""
                    text: qsTr("signed off")
                    color: Theme.repair
                    font.pixelSize: Theme.smallFontSize
                    Accessible.name: item.plan !== null ? item.plan.signedOff : ""
                }
                Button {
                    visible: !root.readOnly || item.plan !== null
                    text: root.readOnly ? qsTr("Review plan") : item.plan === null ? qsTr("Plan repair") : item.plan.status === "closed" ? qsTr("View plan") : qsTr("Follow up")
                    Accessible.name: text + " " + qsTr("for rupture %1").arg(item.modelData.id)
                    onClicked: root.planRequested(item.modelData.id)
                }
            }
            Label {
                visible: list.count === 0
                text: qsTr("No rupture flagged. Flag one from a session or with Ctrl+R.")
                color: Theme.mutedText
            }
        }
        Label {
            visible: root.voidedRuptures.length > 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
            text: qsTr("Voided (kept for the record, not analysed): %1")
                  .arg(root.voidedRuptures.map(r => qsTr("#%1, session %2").arg(r.id).arg(r.session)).join("; "))
        }
        // "When repair is not possible": what was agreed, visible and editable (one per rupture).
        Repeater {
            model: ClientModel.transitions
            Rectangle {
                id: card
                required property var modelData
                Layout.fillWidth: true
                implicitHeight: cardRow.implicitHeight + 2 * Theme.spacing
                color: Theme.surfaceAlt
                border.color: Theme.warning
                radius: Theme.radius
                RowLayout {
                    id: cardRow
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.text
                        text: qsTr("Transition plan of %1%2: referral %3; next steps: %4. Policy reviewed: %5 · open dialogue: %6 · supervisor invited: %7")
                              .arg(card.modelData.date)
                              .arg(card.modelData.rupture > 0 ? qsTr(" (rupture #%1)").arg(card.modelData.rupture) : "")
                              .arg(card.modelData.referral !== "" ? card.modelData.referral : qsTr("not yet"))
                              .arg(card.modelData.nextSteps !== "" ? card.modelData.nextSteps : qsTr("none yet"))
                              .arg(card.modelData.policyReviewed ? qsTr("yes") : qsTr("no"))
                              .arg(card.modelData.dialogueHeld ? qsTr("yes") : qsTr("no"))
                              .arg(card.modelData.supervisorInvited ? qsTr("yes") : qsTr("no"))
                              + (card.modelData.signedOff !== "" ? "\n" + card.modelData.signedOff : "")
                    }
                    Button {
                        text: card.modelData.comments.length > 0 ? qsTr("Comments (%1)").arg(card.modelData.comments.length) : qsTr("Comment…")
                        Accessible.name: qsTr("Comments and sign-off of the transition plan of %1%2").arg(card.modelData.date)
                            .arg(card.modelData.signedOff !== "" ? ": " + card.modelData.signedOff : "")
                        onClicked: root.transitionCommentsRequested(card.modelData)
                    }
                    Button {
                        visible: !root.readOnly
                        text: qsTr("Edit")
                        Accessible.name: qsTr("Edit the transition plan of %1").arg(card.modelData.date)
                        onClicked: root.transitionRequested(card.modelData.rupture)
                    }
                }
            }
        }
    }
}
