pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Alliance

// Import and export: CSV files checked before anything is written (every problem by file, line and
// column), then imported; exports as CSV (what you may see) or as an HL7 FHIR R4 bundle (codes
// only unless names are asked for); for admins, a backup while the app runs.
Page {
    id: root

    objectName: "exchange"
    background: Rectangle { color: Theme.background }
    Component.onCompleted: importField.forceActiveFocus()

    readonly property ExchangeForm form: ExchangeForm {}
    property string error: ""

    function urlsToText(urls: list<url>): string {
        const paths = []
        for (const u of urls)
            paths.push(decodeURIComponent(String(u).replace(/^file:\/\//, "")))
        return paths.join("; ")
    }
    function act(result: string) {
        root.error = result
    }

    FileDialog {
        id: importDialog
        title: qsTr("CSV files to import")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        onAccepted: importField.text = root.urlsToText(selectedFiles)
    }
    FolderDialog {
        id: exportDialog
        title: qsTr("Folder for the CSV export")
        onAccepted: exportField.text = root.urlsToText([selectedFolder])
    }
    FileDialog {
        id: fhirDialog
        title: qsTr("File for the FHIR bundle")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        onAccepted: fhirField.text = root.urlsToText([selectedFile])
    }
    FileDialog {
        id: restoreDialog
        title: qsTr("Backup to restore")
        fileMode: FileDialog.OpenFile
        onAccepted: restoreField.text = root.urlsToText([selectedFile])
    }
    FileDialog {
        id: backupDialog
        title: qsTr("New file for the backup")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "db"
        onAccepted: backupField.text = root.urlsToText([selectedFile])
    }

    FormScroll {
        anchors.fill: parent
        anchors.margins: Theme.padding

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Label {
                text: qsTr("Import and export")
                font.pixelSize: Theme.largeFontSize
                color: Theme.text
                Accessible.role: Accessible.Heading
            }

            Label {
                text: qsTr("Import CSV files")
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Counselors, clients, ratings (for example past SRS scores), ruptures or repair plans: one kind per file, named by its header row (the README shows each). Every line is checked first; nothing is written unless every line is good, and a file imported twice adds nothing.")
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: importField
                    Layout.fillWidth: true
                    placeholderText: qsTr("CSV files, separated by ;")
                    Accessible.name: qsTr("CSV files to import, separated by semicolons")
                    enabled: !root.form.busy
                    onAccepted: root.form.check([text])
                }
                Button {
                    text: qsTr("Choose files…")
                    Accessible.name: qsTr("Choose the CSV files to import")
                    enabled: !root.form.busy
                    onClicked: importDialog.open()
                }
                Button {
                    text: qsTr("Check")
                    Accessible.name: qsTr("Check the files without importing")
                    enabled: !root.form.busy && importField.text.trim() !== ""
                    onClicked: root.form.check([importField.text])
                }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: root.form.busy
                ProgressBar {
                    Layout.fillWidth: true
                    value: root.form.progress
                    Accessible.name: qsTr("Import progress")
                    Accessible.ignored: !root.form.busy // Qt 6.4 lists hidden items to screen readers
                }
                Button {
                    Accessible.ignored: !root.form.busy
                    text: qsTr("Cancel")
                    Accessible.name: qsTr("Cancel the import; nothing is written")
                    onClicked: root.form.cancel()
                }
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                wrapMode: Text.Wrap
                color: Theme.text
                text: root.form.summary
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            ListView {
                id: problemList
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(contentHeight, 160)
                visible: count > 0
                clip: true
                model: root.form.problems
                activeFocusOnTab: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Problems found: %1").arg(count)
                ScrollBar.vertical: ScrollBar {}
                delegate: Label {
                    required property string modelData
                    width: problemList.width
                    wrapMode: Text.Wrap
                    color: Theme.breach
                    text: modelData
                    Accessible.role: Accessible.ListItem
                    Accessible.name: modelData
                }
            }
            AccentButton {
                text: qsTr("Import")
                Accessible.name: qsTr("Import the checked files")
                enabled: root.form.canImport && !root.form.busy
                onClicked: root.form.importChecked()
            }

            Label {
                Layout.topMargin: Theme.padding
                text: qsTr("Export")
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: Backend.isAdmin
                      ? qsTr("What you may see: every client's figures (codes, scores, flags), and names and notes of your own clients only. Each export is recorded in the audit trail; the files are readable by you only.")
                      : qsTr("What you may see: your clients (and your team's, for a supervisor). Each export is recorded in the audit trail; the files are readable by you only.")
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: exportField
                    Layout.fillWidth: true
                    placeholderText: qsTr("Folder for the CSV files")
                    Accessible.name: qsTr("Folder for the CSV export")
                }
                Button {
                    text: qsTr("Choose folder…")
                    Accessible.name: qsTr("Choose the folder for the CSV export")
                    onClicked: exportDialog.open()
                }
                Button {
                    text: qsTr("Export CSV")
                    Accessible.name: qsTr("Export counselors, clients, ratings, ruptures and plans as CSV")
                    enabled: exportField.text.trim() !== ""
                    onClicked: root.act(root.form.exportCsv(exportField.text))
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: fhirField
                    Layout.fillWidth: true
                    placeholderText: qsTr("File for the FHIR bundle (.json)")
                    Accessible.name: qsTr("File for the FHIR bundle")
                }
                Button {
                    text: qsTr("Choose file…")
                    Accessible.name: qsTr("Choose the file for the FHIR bundle")
                    onClicked: fhirDialog.open()
                }
                CheckBox {
                    id: namesBox
                    text: qsTr("With names")
                    Accessible.name: qsTr("Include the clients' names (default: codes only)")
                }
                Button {
                    text: qsTr("Export FHIR")
                    Accessible.name: qsTr("Export an HL7 FHIR R4 bundle")
                    enabled: fhirField.text.trim() !== ""
                    onClicked: root.act(root.form.exportFhir(fhirField.text, namesBox.checked))
                }
            }

            Label {
                Layout.topMargin: Theme.padding
                visible: Backend.isAdmin
                Accessible.ignored: !Backend.isAdmin
                text: qsTr("Backup")
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            RowLayout {
                Layout.fillWidth: true
                visible: Backend.isAdmin
                TextField {
                    id: backupField
                    Accessible.ignored: !Backend.isAdmin
                    Layout.fillWidth: true
                    placeholderText: qsTr("New file for the backup")
                    Accessible.name: qsTr("New file for the backup")
                }
                Button {
                    Accessible.ignored: !Backend.isAdmin
                    text: qsTr("Choose file…")
                    Accessible.name: qsTr("Choose the file for the backup")
                    onClicked: backupDialog.open()
                }
                Button {
                    Accessible.ignored: !Backend.isAdmin
                    text: qsTr("Back up now")
                    Accessible.name: qsTr("Back up the database now")
                    enabled: backupField.text.trim() !== ""
                    onClicked: root.act(root.form.backup(backupField.text))
                }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: Backend.isAdmin
                TextField {
                    id: restoreField
                    Accessible.ignored: !Backend.isAdmin
                    Layout.fillWidth: true
                    placeholderText: qsTr("Backup to restore")
                    Accessible.name: qsTr("Backup file to restore")
                }
                Button {
                    Accessible.ignored: !Backend.isAdmin
                    text: qsTr("Choose backup…")
                    Accessible.name: qsTr("Choose the backup to restore")
                    onClicked: restoreDialog.open()
                }
                TextField {
                    id: restorePassword
                    Accessible.ignored: !Backend.isAdmin
                    echoMode: TextInput.Password
                    placeholderText: qsTr("Your password in the backup")
                    Accessible.name: qsTr("Your password in the backup")
                }
                Button {
                    Accessible.ignored: !Backend.isAdmin
                    text: qsTr("Restore and sign out")
                    Accessible.name: qsTr("Replace the database with the backup, then sign in again")
                    enabled: restoreField.text.trim() !== "" && restorePassword.text !== ""
                    onClicked: {
                        const result = root.form.restore(restoreField.text, restorePassword.text)
                        restorePassword.text = ""
                        root.act(result)
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: Backend.isAdmin
                Accessible.ignored: !Backend.isAdmin
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("A backup opens with the same passwords or the recovery key. A restore replaces everything recorded since the backup: it is checked first (whole, ours, its audit trail intact, you an admin of it), the database is kept aside until the restore has succeeded, and then everyone signs in again.")
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                wrapMode: Text.Wrap
                color: root.error !== "" ? Theme.breach : Theme.text
                text: root.error !== "" ? root.error : root.form.message
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
    }
}
