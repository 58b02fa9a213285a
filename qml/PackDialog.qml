pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Alliance

// The supervision pack of the client shown: a PDF with the chart as drawn here, the episodes, the
// sessions and the rupture and repair log. De-identified by default (the client's code only, no
// names, no free text unless chosen) -- the pack most often leaves the room.
ModalDialog {
    id: root

    property Item chart: null
    property string error: ""
    property string written: ""

    function openForClient() {
        error = ""
        written = ""
        open()
        deidentifiedBox.forceActiveFocus(Qt.TabFocusReason)
    }
    // The chart leaves the scene while a dialog is open (Main takes the pages out): the dialog
    // closes, the chart is drawn into an image, the pack is written, and the dialog comes back with
    // the outcome.
    property var pending: null
    function write() {
        error = ""
        written = ""
        if (fileField.text.trim() === "") {
            error = qsTr("Choose a file for the pack.")
            fileField.forceActiveFocus(Qt.TabFocusReason)
            return
        }
        if (root.chart === null)
            return
        pending = { path: fileField.text.trim(), deidentified: deidentifiedBox.checked,
                    withText: deidentifiedBox.checked && textBox.checked }
        close()
        grabTimer.start()
    }
    Timer {
        id: grabTimer
        interval: 50
        onTriggered: {
            const job = root.pending
            if (job === null || root.chart === null)
                return
            const grabbed = root.chart.grabToImage(result => {
                root.error = ClientModel.writeSupervisionPack(result.image, job.path, job.deidentified, job.withText)
                if (root.error === "")
                    root.written = qsTr("Written to %1").arg(job.path)
                root.pending = null
                root.open()
            }, Qt.size(1200, 560))
            if (!grabbed) {
                root.error = qsTr("The chart could not be drawn; try again.")
                root.pending = null
                root.open()
            }
        }
    }

    title: qsTr("Supervision pack of %1").arg(ClientModel.clientCode)
    width: Math.min(640, (Overlay.overlay ? Overlay.overlay.width : 680) - 2 * Theme.padding)
    padding: Theme.padding

    FileDialog {
        id: fileDialog
        title: qsTr("File for the supervision pack")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: fileField.text = decodeURIComponent(String(selectedFile).replace(/^file:\/\//, ""))
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("The chart as shown, the breach episodes, the sessions and the rupture and repair log with plans, outcomes and comments.")
        }
        CheckBox {
            id: deidentifiedBox
            objectName: "packDeidentifiedBox"
            checked: true
            text: qsTr("De-identified: the client's code only, no names")
            Accessible.name: text
        }
        CheckBox {
            id: textBox
            enabled: deidentifiedBox.checked
            leftPadding: 32
            text: qsTr("Include notes, steps and comments")
            Accessible.name: qsTr("Include notes, steps and comments in the de-identified pack")
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: fileField
                objectName: "packFileField"
                Layout.fillWidth: true
                placeholderText: qsTr("PDF file")
                Accessible.name: qsTr("PDF file for the supervision pack")
                onAccepted: root.write()
            }
            Button {
                text: qsTr("Choose file…")
                Accessible.name: qsTr("Choose the PDF file")
                onClicked: fileDialog.open()
            }
        }
        FieldError { Layout.fillWidth: true; text: root.error }
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.Wrap
            color: Theme.text
            text: root.written
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        RowLayout {
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Close"); Accessible.name: qsTr("Close the supervision pack dialog"); onClicked: root.close() }
            AccentButton {
                objectName: "packWriteButton"
                text: qsTr("Write PDF")
                Accessible.name: qsTr("Write the supervision pack")
                onClicked: root.write()
            }
        }
    }
}
