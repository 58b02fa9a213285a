pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Flag a rupture: kind, its markers, salience, the deck's challenge category, who noticed, note.
Dialog {
    id: root

    property string clientCode: ""
    property alias salience: salienceBox.value
    property alias noteText: noteField.text
    property int sessionNumber: 0
    property var chosenMarkers: []
    property string kind: "withdrawal"   // withdrawal | confrontation
    property string noticedBy: "counselor"
    readonly property var noticedByChoices: ["counselor", "client-score", "client-report", "supervisor"]
    // What a person reads for each of noticedByChoices, in the same order.
    readonly property var noticedByLabels: [qsTr("I noticed it in session"), qsTr("The client's scores"),
                                            qsTr("The client's post-session report"), qsTr("A supervisor")]
    readonly property var markerCatalogue: Backend.catalogue("marker")
    readonly property var markers: markerCatalogue.filter(m => m.group === kind)
    readonly property var categories: Backend.catalogue("category")

    function categoryLabels(): var {
        const labels = [qsTr("(none)")]
        for (const c of categories)
            labels.push(c.label)
        return labels
    }
    function toggleMarker(slug: string, on: bool) {
        const list = chosenMarkers.filter(m => m !== slug)
        if (on)
            list.push(slug)
        chosenMarkers = list
    }
    function save() {
        const category = categoryBox.currentIndex > 0 ? categories[categoryBox.currentIndex - 1].slug : ""
        const id = Backend.flagRupture(clientCode, sessionBox.value, kind, chosenMarkers, salienceBox.value,
                                       noticedByChoices[noticedBox.currentIndex], category, noteField.text)
        if (id > 0)
            close()
    }

    title: qsTr("Flag a rupture for %1").arg(clientCode)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 700
    padding: Theme.padding
    onAboutToShow: {
        chosenMarkers = []
        noteField.text = ""
        kind = "withdrawal"
        noticedBox.currentIndex = Math.max(0, noticedByChoices.indexOf(noticedBy))
        withdrawalButton.forceActiveFocus()
    }
    onKindChanged: chosenMarkers = []

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.padding
            Label { text: qsTr("Session"); color: Theme.text }
            SpinBox {
                id: sessionBox
                from: 1
                to: Math.max(1, ClientModel.allSessionCount)
                value: Math.max(1, root.sessionNumber)
                editable: true
                Accessible.name: qsTr("Session number")
            }
            RadioButton {
                id: withdrawalButton
                text: qsTr("Withdrawal (moving away)")
                checked: root.kind === "withdrawal"
                Accessible.name: text
                onClicked: root.kind = "withdrawal"
            }
            RadioButton {
                text: qsTr("Confrontation (moving against)")
                checked: root.kind === "confrontation"
                Accessible.name: text
                onClicked: root.kind = "confrontation"
            }
        }
        Label { text: qsTr("Markers"); color: Theme.text; font.bold: true }
        GridLayout {
            columns: 2
            rowSpacing: 0
            Repeater {
                model: root.markers
                CheckBox {
                    required property var modelData
                    text: modelData.label
                    checked: root.chosenMarkers.indexOf(modelData.slug) >= 0
                    Accessible.name: qsTr("Marker: %1").arg(modelData.label)
                    onToggled: root.toggleMarker(modelData.slug, checked)
                }
            }
        }
        GridLayout {
            columns: 4
            Label { text: qsTr("Salience (1-5)"); color: Theme.text }
            SpinBox { id: salienceBox; from: 1; to: 5; value: 3; Accessible.name: qsTr("Salience, 1 to 5") }
            Label { text: qsTr("Noticed by"); color: Theme.text }
            ComboBox {
                id: noticedBox
                implicitContentWidthPolicy: ComboBox.WidestText
                model: root.noticedByLabels
                Accessible.name: qsTr("Noticed by")
            }
            Label { text: qsTr("Challenge"); color: Theme.text }
            ComboBox {
                id: categoryBox
                Layout.columnSpan: 3
                Layout.preferredWidth: 260
                model: root.categoryLabels()
                Accessible.name: qsTr("Challenge to the relationship")
            }
        }
        FramedTextArea {
            id: noteField
            Layout.fillWidth: true
            Layout.preferredHeight: 70
            placeholderText: qsTr("What happened (optional)")
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Rupture note")
        }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: root.close(); Accessible.name: qsTr("Cancel flagging") }
            AccentButton { text: qsTr("Flag rupture"); onClicked: root.save(); Accessible.name: qsTr("Save the rupture") }
        }
    }
}
