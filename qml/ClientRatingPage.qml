pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The hand-over screen. First the counselor picks the instrument (any of them) and the app checks
// that today's rating is not already there; then the client answers on the counselor's device:
// every item starts unanswered and Confirm waits for all of them. Nothing of the caseload is
// visible; the counselor returns by holding the button (a deliberate action) or Ctrl+Alt+B.
Page {
    id: root

    property string clientCode: ""
    property bool handedOver: false
    readonly property HandOverForm form: HandOverForm {
        clientCode: root.clientCode
    }

    // Counselor: check and hand the screen over; false (with the reason shown) when it cannot be.
    function handOver(): bool {
        handedOver = form.prepare()
        if (handedOver)
            firstItemFocus.start()
        return handedOver
    }

    function focusItem(index: int) {
        const row = items.itemAt(index)
        if (row)
            row.children[1].forceActiveFocus(Qt.TabFocusReason) // the row's slider
        else if (index >= items.count)
            confirmButton.forceActiveFocus(Qt.TabFocusReason)
    }

    objectName: "clientRating"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: {
        const used = ClientModel.instrument
        form.instrument = used === "wai-sr" || used === "srs" || used === "bgt" ? used : "srs"
        instrumentBox.currentIndex = instrumentBox.indexOfValue(form.instrument)
        instrumentBox.forceActiveFocus(Qt.TabFocusReason)
    }

    Shortcut {
        sequence: "Ctrl+Alt+B"
        onActivated: root.StackView.view.pop()
    }
    Timer {
        id: firstItemFocus
        interval: 0
        onTriggered: root.focusItem(0)
    }

    // ---- the counselor's step --------------------------------------------------------------
    ColumnLayout {
        visible: !root.handedOver
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 640)
        spacing: Theme.padding

        Label {
            text: qsTr("Hand the screen to %1").arg(root.clientCode)
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("The client rates the session of %1. Nothing of your caseload is shown while they do.").arg(Backend.asOfIso)
        }
        Label { text: qsTr("Questionnaire"); color: Theme.text }
        ComboBox {
            id: instrumentBox
            Layout.fillWidth: true
            model: root.form.instrumentChoices
            textRole: "label"
            valueRole: "value"
            Accessible.name: qsTr("Questionnaire the client fills in")
            onActivated: root.form.instrument = currentValue
        }
        FieldError { Layout.fillWidth: true; text: root.form.instrumentError !== "" ? root.form.instrumentError : root.form.message }
        RowLayout {
            spacing: Theme.spacing
            AccentButton {
                objectName: "handOver"
                text: qsTr("Hand over")
                Accessible.name: qsTr("Hand the screen to the client")
                onClicked: root.handOver()
            }
            Button {
                text: qsTr("Back")
                Accessible.name: qsTr("Back to the client page")
                onClicked: root.StackView.view.pop()
            }
        }
    }

    // ---- the client's step -----------------------------------------------------------------
    ColumnLayout {
        visible: root.handedOver
        anchors.fill: parent
        anchors.margins: 40
        spacing: Theme.padding

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: root.form.confirmed ? qsTr("Thank you. Please hand the device back.")
                                      : qsTr("How was today's session for you?")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
        }
        Label {
            visible: !root.form.confirmed
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: (root.form.stepTenths === 10 ? qsTr("For each statement: 1 seldom, 2 sometimes, 3 fairly often, 4 very often, 5 always.")
                                               : qsTr("Move each line to where it fits: left is low, right is high. The arrow keys move a whole point, with Shift a tenth."))
                  + " " + qsTr("%1 of %2 answered.").arg(root.form.answeredCount).arg(root.form.itemCount)
            color: Theme.mutedText
            font.pixelSize: Theme.fontSize + 2
        }
        ScrollView {
            id: scroller
            visible: !root.form.confirmed
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth
            ColumnLayout {
                width: scroller.availableWidth
                spacing: root.form.itemCount > 4 ? 4 : 24
                Repeater {
                    id: items
                    model: root.form.itemCount
                    RowLayout {
                        id: itemRow
                        required property int index
                        readonly property int answer: root.form.itemTenths[index] ?? -1
                        spacing: Theme.padding
                        Label {
                            Layout.preferredWidth: Math.min(420, scroller.availableWidth * 0.45)
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontSize + 2
                            text: root.form.itemTexts[itemRow.index] ?? ""
                        }
                        Slider {
                            id: slider
                            Layout.fillWidth: true
                            from: root.form.itemMinTenths
                            to: root.form.itemMaxTenths
                            stepSize: root.form.stepTenths
                            snapMode: Slider.SnapAlways
                            // Unanswered: no filled track, a faint handle and "–", never a resting value.
                            value: itemRow.answer >= 0 ? itemRow.answer : from
                            implicitHeight: 48
                            handle.opacity: itemRow.answer >= 0 ? 1.0 : 0.25
                            Accessible.name: qsTr("%1: %2").arg(root.form.itemTexts[itemRow.index] ?? "")
                                             .arg(itemRow.answer >= 0 ? valueText.text : qsTr("not answered yet"))
                            onActiveFocusChanged: if (activeFocus) scroller.ScrollBar.vertical.position = Math.max(0, Math.min(1 - scroller.ScrollBar.vertical.size, (itemRow.y - 40) / Math.max(1, scroller.contentHeight)))
                            onMoved: root.form.setItem(itemRow.index, Math.round(value))
                            // Tab walks the items in order, then to Confirm (explicit: the scroll
                            // view's content would otherwise keep Tab on this slider).
                            Keys.onTabPressed: root.focusItem(itemRow.index + 1)
                            // Arrows move a whole point (a tenth at a time is 100 presses across
                            // an SRS line); Shift+arrows a tenth; Home and End the ends.
                            Keys.onPressed: event => {
                                const whole = Math.max(10, root.form.stepTenths)
                                const step = (event.modifiers & Qt.ShiftModifier) ? root.form.stepTenths : whole
                                const start = itemRow.answer >= 0 ? itemRow.answer : slider.from
                                let next
                                if (event.key === Qt.Key_Right || event.key === Qt.Key_Up)
                                    next = start + step
                                else if (event.key === Qt.Key_Left || event.key === Qt.Key_Down)
                                    next = start - step
                                else if (event.key === Qt.Key_Home)
                                    next = slider.from
                                else if (event.key === Qt.Key_End)
                                    next = slider.to
                                else
                                    return
                                root.form.setItem(itemRow.index, Math.max(slider.from, Math.min(slider.to, next)))
                                event.accepted = true
                            }
                            Keys.onBacktabPressed: root.focusItem(itemRow.index - 1)
                            onPressedChanged: if (!pressed) root.form.setItem(itemRow.index, Math.round(value))
                            // Basic's slider shows no focus of its own: a ring says which item the keys move.
                            Rectangle {
                                objectName: "focusRing"
                                anchors.fill: parent
                                color: "transparent"
                                border.color: Theme.focus
                                border.width: 2
                                radius: 4
                                visible: slider.activeFocus
                            }
                        }
                        Label {
                            id: valueText
                            Layout.preferredWidth: 60
                            text: itemRow.answer < 0 ? "–"
                                  : root.form.stepTenths === 10 ? String(itemRow.answer / 10) : (itemRow.answer / 10).toFixed(1)
                            font.pixelSize: Theme.titleFontSize
                            color: itemRow.answer < 0 ? Theme.mutedText : Theme.text
                        }
                    }
                }
            }
        }
        Label {
            visible: root.form.clientMessage !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: root.form.clientMessage
            color: Theme.breach
            font.pixelSize: Theme.fontSize + 2
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Item { visible: root.form.confirmed; Layout.fillHeight: true }
        RowLayout {
            spacing: Theme.padding
            AccentButton {
                id: confirmButton
                objectName: "confirmRating"
                visible: !root.form.confirmed
                enabled: root.form.complete
                text: qsTr("Confirm")
                font.pixelSize: Theme.titleFontSize
                Accessible.name: root.form.complete ? qsTr("Confirm my rating")
                                                    : qsTr("Confirm my rating (answer every item first)")
                onClicked: root.form.confirm()
            }
            Button {
                visible: !root.form.confirmed
                text: qsTr("Start over")
                font.pixelSize: Theme.titleFontSize
                Accessible.name: qsTr("Start the rating over")
                onClicked: root.form.startOver()
            }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Counselor: hold to return")
                Accessible.name: qsTr("Counselor: press and hold (or Ctrl+Alt+B) to return to the client page")
                onPressAndHold: root.StackView.view.pop()
            }
        }
    }
}
