import QtQuick
import QtTest
import Alliance
import Alliance.Ui

// The hand-over screen: the counselor picks any questionnaire and a duplicate is caught before
// the screen is handed over; every item starts unanswered and Confirm waits for all of them, so an
// untouched slider never becomes a stored answer; the client answers by keyboard.
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

    // C-002 is Sam Okafor's client: the rating page is his, handed to the client.
    function initTestCase() {
        Backend.signOut()
        compare(Backend.signIn("Sam Okafor", "alliance-demo"), "")
    }

    function init() {
        failOnWarning(/.?/)
        Backend.asOf = new Date(2026, 10, 26)   // 2026-11-26: after the demo's last session
        ClientModel.clientCode = "C-002"
    }
    function cleanup() {
        Backend.asOf = new Date(2026, 10, 20)
    }

    function test_nothing_is_stored_until_every_item_is_answered() {
        const sessionsBefore = ClientModel.allSessionCount
        const page = createTemporaryObject(pageComponent, testCase, { clientCode: "C-002" })
        page.form.instrument = "srs"    // C-002 was rated with the WAI-SR: any questionnaire may be chosen
        verify(page.handOver())
        compare(page.form.itemCount, 4)
        compare(page.form.answeredCount, 0)
        for (const v of page.form.itemTenths)
            compare(v, -1)
        const confirm = findChild(page, "confirmRating")
        verify(!confirm.enabled)
        verify(!page.form.confirm())
        page.form.setItem(0, 90)
        page.form.setItem(1, 85)
        page.form.setItem(2, 95)
        verify(!page.form.complete)
        verify(!page.form.confirm())
        compare(ClientModel.allSessionCount, sessionsBefore)
        page.form.setItem(3, 70)
        verify(page.form.complete)
        verify(confirm.enabled)
        verify(page.form.confirm())
        verify(page.form.confirmed)
        compare(page.form.clientMessage, "")
        compare(ClientModel.allSessionCount, sessionsBefore + 1)
        ClientModel.instrument = "srs"
        ClientModel.rater = "client"
        const last = ClientModel.rowCount() - 1
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.DateRole), "2026-11-26")
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.TotalRole), 34)
        verify(ClientModel.data(ClientModel.index(last, 0), ClientModel.BelowCutoffRole))

        // The same questionnaire again that day: caught before the screen is handed over.
        const again = createTemporaryObject(pageComponent, testCase, { clientCode: "C-002" })
        again.form.instrument = "srs"
        verify(!again.handOver())
        verify(!again.handedOver)
        verify(again.form.instrumentError !== "")
        verify(again.form.instrumentError.indexOf("--") < 0)
    }

    function test_the_client_answers_by_keyboard() {
        const page = createTemporaryObject(pageComponent, testCase, { clientCode: "C-002" })
        page.form.instrument = "bgt"
        verify(page.handOver())
        tryVerify(() => page.form.itemCount === 3)
        // Focus starts on the first item; arrows answer it, Tab moves on.
        tryVerify(() => testCase.Window.activeFocusItem !== null
                  && String(testCase.Window.activeFocusItem.Accessible.name).indexOf("not answered yet") >= 0)
        // Arrows move a whole point, Shift+arrows a tenth, End goes to the top.
        keyClick(Qt.Key_Right)
        keyClick(Qt.Key_Right)
        keyClick(Qt.Key_Right, Qt.ShiftModifier)
        compare(page.form.itemTenths[0], 21)
        keyClick(Qt.Key_Tab)
        keyClick(Qt.Key_End)
        compare(page.form.itemTenths[1], 100)
        keyClick(Qt.Key_Tab)
        keyClick(Qt.Key_Left) // an unanswered line answered at its lowest
        compare(page.form.itemTenths[2], 0)
        keyClick(Qt.Key_Tab)
        compare(page.form.answeredCount, 3)
        verify(page.form.complete)
        // After the last item, Tab lands on Confirm, and Space confirms.
        keyClick(Qt.Key_Space)
        verify(page.form.confirmed)
    }
}
