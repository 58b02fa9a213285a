pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// The hand-over screen: the client rates the session on the counselor's device. Nothing of the
// caseload is visible; the counselor returns by holding the button (a deliberate action).
Page {
    id: root

    property string clientCode: ""
    property string instrument: ClientModel.instrument === "wai-sr" ? "wai-sr" : ClientModel.instrument === "srs" ? "srs" : "bgt"
    readonly property var info: Backend.instrumentInfo(instrument)
    property var values: []
    property bool confirmed: false

    function reset() {
        const v = []
        for (let i = 0; i < info.itemCount; ++i)
            v.push(info.step === 1 ? Math.round((info.min + info.max) / 2) : (info.min + info.max) / 2)
        values = v
        confirmed = false
    }
    // The Qt 6.4 linter cannot see the keys of a map from C++; a var parameter is read freely.
    function succeeded(result: var): bool {
        return result.ok
    }
    function confirm() {
        const items = values.map(v => info.step === 1 ? String(Math.round(v)) : Number(v).toFixed(1))
        const result = Backend.logSession(clientCode, Backend.asOfIso, instrument, items, "client", "")
        confirmed = succeeded(result)
    }

    objectName: "clientRating"

    // The counselor's way back by keyboard: a deliberate chord a client will not press by chance.
    Shortcut {
        sequence: "Ctrl+Alt+B"
        onActivated: root.StackView.view.pop()
    }
    background: Rectangle { color: Theme.background }
    Component.onCompleted: reset()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 40
        spacing: Theme.padding

        Label {
            text: root.confirmed ? qsTr("Thank you. Please hand the device back.") : qsTr("How was today's session for you?")
            font.pixelSize: Theme.largeFontSize
            color: Theme.text
        }
        Label {
            visible: !root.confirmed
            text: root.info.step === 1 ? qsTr("For each statement: 1 seldom, 2 sometimes, 3 fairly often, 4 very often, 5 always.")
                                       : qsTr("Move each line to where it fits: left is low, right is high.")
            color: Theme.mutedText
            font.pixelSize: Theme.fontSize + 2
        }
        ScrollView {
            visible: !root.confirmed
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            ColumnLayout {
                width: root.width - 80
                spacing: root.info.itemCount > 4 ? 4 : 24
                Repeater {
                    model: root.info.itemCount
                    RowLayout {
                        id: itemRow
                        required property int index
                        spacing: Theme.padding
                        Label {
                            Layout.preferredWidth: 320
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.fontSize + 2
                            text: root.info.texts.length ? root.info.texts[itemRow.index]
                                                         : root.info.labels[itemRow.index] + " (" + root.info.dimensions[itemRow.index] + ")"
                        }
                        Slider {
                            id: slider
                            Layout.fillWidth: true
                            from: root.info.min
                            to: root.info.max
                            stepSize: root.info.step
                            snapMode: Slider.SnapAlways
                            value: root.values[itemRow.index] !== undefined ? root.values[itemRow.index] : from
                            implicitHeight: 48
                            Accessible.name: root.info.labels[itemRow.index]
                            onMoved: {
                                const v = root.values.slice()
                                v[itemRow.index] = value
                                root.values = v
                            }
                        }
                        Label {
                            Layout.preferredWidth: 50
                            text: root.info.step === 1 ? Math.round(slider.value) : slider.value.toFixed(1)
                            font.pixelSize: Theme.titleFontSize
                            color: Theme.text
                        }
                    }
                }
            }
        }
        Item { visible: root.confirmed; Layout.fillHeight: true }
        RowLayout {
            spacing: Theme.padding
            AccentButton {
                visible: !root.confirmed
                text: qsTr("Confirm")
                font.pixelSize: Theme.titleFontSize
                Accessible.name: qsTr("Confirm my rating")
                onClicked: root.confirm()
            }
            Button {
                visible: !root.confirmed
                text: qsTr("Start over")
                font.pixelSize: Theme.titleFontSize
                Accessible.name: qsTr("Start the rating over")
                onClicked: root.reset()
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
