import QtQuick
import QtTest
import Alliance
import Alliance.Ui

// The hand-over screen stores the client's own rating and shows nothing of the caseload.
TestCase {
    id: testCase

    name: "ClientRating"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: pageComponent
        ClientRatingPage { width: 1280; height: 800 }
    }
    SignalSpy { id: errorSpy; target: Backend; signalName: "errorOccurred" }

    function init() {
        failOnWarning(/.?/)
        errorSpy.clear()
    }

    function test_client_rates_and_confirms() {
        Backend.asOf = new Date(2026, 10, 26)   // 2026-11-26: after the demo's last session
        ClientModel.clientCode = "C-002"
        const sessionsBefore = ClientModel.allSessionCount
        const page = createTemporaryObject(pageComponent, testCase, { clientCode: "C-002", instrument: "srs" })
        compare(page.info.itemCount, 4)
        page.values = [9.0, 8.5, 9.5, 7.0]
        page.confirm()
        compare(errorSpy.count, 0)
        compare(page.confirmed, true)
        compare(ClientModel.allSessionCount, sessionsBefore + 1)
        ClientModel.instrument = "srs"
        ClientModel.rater = "client"
        const last = ClientModel.rowCount() - 1
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.DateRole), "2026-11-26")
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.TotalRole), 34)
        verify(ClientModel.data(ClientModel.index(last, 0), ClientModel.BelowCutoffRole))
        Backend.asOf = new Date(2026, 10, 20)
    }
}
