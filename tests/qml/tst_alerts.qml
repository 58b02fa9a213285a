import QtQuick
import QtTest
import Alliance
import Alliance.Ui

TestCase {
    id: testCase

    name: "Alerts"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: pageComponent
        AlertsPage { width: 1280; height: 760 }
    }
    SignalSpy { id: errorSpy; target: Backend; signalName: "errorOccurred" }

    function init() {
        failOnWarning(/.?/)
        errorSpy.clear()
    }

    function test_acknowledge_hides_the_alert() {
        const page = createTemporaryObject(pageComponent, testCase)
        const before = AlertsModel.count
        verify(before > 0)
        const id = AlertsModel.data(AlertsModel.index(0, 0), AlertsModel.AlertIdRole)
        page.ackDialog.openFor(id, "an alert")
        tryCompare(page.ackDialog, "opened", true)
        page.ackDialog.form.reason = "Discussed in supervision; plan agreed"
        verify(page.ackDialog.form.submit())
        compare(errorSpy.count, 0)
        compare(AlertsModel.count, before - 1)
        for (let i = 0; i < AlertsModel.count; ++i)
            verify(AlertsModel.data(AlertsModel.index(i, 0), AlertsModel.AlertIdRole) !== id)
    }

    function test_acknowledge_needs_a_reason() {
        const page = createTemporaryObject(pageComponent, testCase)
        const before = AlertsModel.count
        page.ackDialog.openFor(AlertsModel.data(AlertsModel.index(0, 0), AlertsModel.AlertIdRole), "an alert")
        page.ackDialog.form.reason = "   "
        verify(!page.ackDialog.form.submit())
        compare(page.ackDialog.form.firstErrorField, "reason")
        verify(page.ackDialog.form.reasonError !== "")
        page.ackDialog.close()
        compare(AlertsModel.count, before)
    }
}
