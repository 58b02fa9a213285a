pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Alliance

// Correct one session: change a rating's answers or void it, and correct the client's post-session
// report, always with a reason. Nothing is overwritten: the earlier versions are listed and kept.
// The state lives in CorrectionForm and ReportForm; both use the one reason field.
ModalDialog {
    id: root

    readonly property CorrectionForm form: CorrectionForm {
        onSaved: root.corrected()
        onFailed: field => {
            if (field === "reason")
                reasonField.forceActiveFocus(Qt.TabFocusReason)
        }
    }

    readonly property ReportForm report: ReportForm {
        onSaved: root.corrected()
        onFailed: field => {
            if (field === "reason")
                reasonField.forceActiveFocus(Qt.TabFocusReason)
            else if (field === "tension")
                tensionBox.forceActiveFocus(Qt.TabFocusReason)
        }
    }

    signal corrected

    function openFor(clientCode: string, session: int): bool {
        if (!form.load(clientCode, session, ClientModel.instrument, ClientModel.rater))
            return false
        report.load(clientCode, session)
        open()
        reasonField.forceActiveFocus(Qt.TabFocusReason)
        return true
    }

    title: qsTr("Correct a session")
    width: Math.min(720, (Overlay.overlay ? Overlay.overlay.width : 760) - 2 * Theme.padding)
    // Scrolls rather than grows past the window (12 WAI-SR items with history at 1024 x 700).
    height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 700) - 2 * Theme.padding)
    padding: Theme.padding

    FormScroll {
        id: scroller
        anchors.fill: parent
        clip: true
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth
            spacing: Theme.spacing / 2

            Label { Layout.fillWidth: true; text: root.form.title; color: Theme.text; font.bold: true; wrapMode: Text.Wrap }
            Label {
                Layout.fillWidth: true
                visible: root.form.voided
                wrapMode: Text.Wrap
                color: Theme.breach
                text: qsTr("This rating is void: it is kept but not analysed. Correct its answers and save to restore it.")
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.padding
                Repeater {
                    model: root.form.itemLabels.length
                    RowLayout {
                        id: itemRow
                        required property int index
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: root.form.itemLabels[itemRow.index]
                            color: Theme.text
                        }
                        SpinBox {
                            from: root.form.itemMinTenths
                            to: root.form.itemMaxTenths
                            stepSize: root.form.stepTenths
                            editable: true
                            value: root.form.itemTenths[itemRow.index] ?? 0
                            textFromValue: (tenths, locale) => root.form.stepTenths === 10 ? String(tenths / 10) : (tenths / 10).toFixed(1)
                            valueFromText: (text, locale) => Math.round(Number(text) * 10)
                            Accessible.name: qsTr("Item %1").arg(root.form.itemLabels[itemRow.index])
                            onValueModified: root.form.setItem(itemRow.index, value)
                        }
                    }
                }
            }
            Label { text: qsTr("Total: %1").arg(root.form.totalText); color: Theme.text; font.bold: true }
            FieldError { Layout.fillWidth: true; text: root.form.itemsError }

            Label { text: qsTr("Reason for the correction (required)"); color: Theme.text }
            TextField {
                id: reasonField
                objectName: "reasonField"
                Layout.fillWidth: true
                text: root.form.reason
                placeholderText: qsTr("e.g. typed the answers of the wrong row")
                Accessible.name: qsTr("Reason for the correction")
                onTextEdited: root.form.reason = text
                onAccepted: root.form.amend()
            }
            FieldError { Layout.fillWidth: true; text: root.form.reasonError || root.report.reasonError }
            FieldError { Layout.fillWidth: true; text: root.form.message }

            // The client's post-session report of the same session.
            Label {
                Layout.topMargin: Theme.spacing
                text: root.report.onRecord ? qsTr("The client's post-session report") : qsTr("The client's post-session report (none on record)")
                color: Theme.text
                font.bold: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                CheckBox {
                    id: tensionBox
                    text: qsTr("The client felt tension in the session")
                    checked: root.report.tension
                    Accessible.name: text
                    onToggled: root.report.tension = checked
                }
                Label { visible: root.report.tension; text: qsTr("strength"); color: Theme.text; height: strengthBox.height; verticalAlignment: Text.AlignVCenter }
                SpinBox {
                    id: strengthBox
                    visible: root.report.tension
                    from: 1
                    to: 5
                    value: root.report.intensity
                    Accessible.name: qsTr("Tension intensity, 1 to 5")
                    onValueModified: root.report.intensity = value
                }
                Label { visible: root.report.tension; text: qsTr("resolved"); color: Theme.text; height: strengthBox.height; verticalAlignment: Text.AlignVCenter }
                SpinBox {
                    visible: root.report.tension
                    from: 1
                    to: 5
                    value: root.report.resolution
                    Accessible.name: qsTr("How far the tension was resolved, 1 to 5")
                    onValueModified: root.report.resolution = value
                }
                Button {
                    text: qsTr("Save report")
                    Accessible.name: qsTr("Save the client's post-session report")
                    onClicked: {
                        root.report.reason = root.form.reason
                        root.report.submit()
                    }
                }
            }
            FieldError { Layout.fillWidth: true; text: root.report.tensionError }
            FieldError { Layout.fillWidth: true; text: root.report.message }
            Repeater {
                model: root.report.history
                Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: qsTr("%1: replaced a report of %2. Reason: %3").arg(modelData.date).arg(modelData.summary).arg(modelData.reason)
                }
            }

            Label {
                visible: root.form.history.length > 0
                text: qsTr("Earlier versions")
                color: Theme.text
                font.bold: true
            }
            Repeater {
                model: root.form.history
                Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: qsTr("%1: %2; it was total %3. Reason: %4").arg(modelData.date).arg(modelData.action)
                          .arg(modelData.total).arg(modelData.reason)
                }
            }

            RowLayout {
                Layout.topMargin: Theme.spacing
                Button {
                    text: qsTr("Void this rating")
                    enabled: !root.form.voided
                    Accessible.name: qsTr("Void this rating: keep it but leave it out of the analysis")
                    onClicked: root.form.voidRating()
                }
                Item { Layout.fillWidth: true }
                Button { text: qsTr("Close"); onClicked: root.close(); Accessible.name: qsTr("Close") }
                AccentButton {
                    objectName: "saveCorrection"
                    text: qsTr("Save rating")
                    Accessible.name: qsTr("Save the corrected rating")
                    onClicked: root.form.amend()
                }
            }
        }
    }
}
