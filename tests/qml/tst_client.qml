import QtQuick
import QtTest
import Alliance
import Alliance.Ui

// Drives the client page against the shared in-memory demo store: log a session (by keyboard),
// reject a bad item, flag a rupture, plan a repair and close it. Each check reads back through
// ClientModel, which re-reads the store.
TestCase {
    id: testCase

    property string code: ""

    name: "ClientPage"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: pageComponent
        ClientPage { width: 1280; height: 760 }
    }
    SignalSpy { id: errorSpy; target: Backend; signalName: "errorOccurred" }

    // The page is driven as the counselor of the first client with an unrepaired breach (an admin
    // finds who that is: it sees every caseload's figures).
    function initTestCase() {
        Backend.signOut()
        compare(Backend.signIn("Robin Admin", "alliance-demo"), "")
        CaseloadModel.chipFilter = "unrepaired"
        const counselor = CaseloadModel.data(CaseloadModel.index(0, 0), CaseloadModel.CounselorRole)
        CaseloadModel.chipFilter = ""
        Backend.signOut()
        compare(Backend.signIn(counselor, "alliance-demo"), "")
    }

    function init() {
        failOnWarning(/.?/)
        errorSpy.clear()
        CaseloadModel.searchText = ""
        CaseloadModel.chipFilter = "unrepaired"
        code = CaseloadModel.data(CaseloadModel.index(0, 0), CaseloadModel.CodeRole)
        CaseloadModel.chipFilter = ""
        ClientModel.clientCode = ""
        ClientModel.clientCode = code
    }

    // The newest rupture (the list is in session order, so it is not always last).
    function newestRupture(): var {
        let newest = null
        for (const r of ClientModel.ruptures)
            if (newest === null || r.id > newest.id)
                newest = r
        return newest
    }
    function lastRuptureId(): int {
        return newestRupture().id
    }

    function test_page_shows_the_trajectory_and_rule() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        verify(ClientModel.episodes.length > 0)
        verify(ClientModel.ruleText.indexOf("RR-1") === 0)
        verify(ClientModel.summaryText.indexOf("unrepaired") > 0)
    }

    // The supervision pack from the client page: the dialog closes while the chart is drawn into
    // the PDF, and comes back saying where it was written (or what went wrong).
    function test_supervision_pack_from_the_page() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page.openPackDialog())
        const field = findChild(page, "packFileField")
        verify(field)
        verify(findChild(page, "packDeidentifiedBox").checked) // de-identified unless unticked
        mouseClick(findChild(page, "packWriteButton"))
        tryVerify(() => page.packDialogError() !== "")          // no file chosen: said, nothing written
        field.text = "/nonexistent-folder/pack.pdf"
        mouseClick(findChild(page, "packWriteButton"))
        tryVerify(() => page.packDialogError().indexOf("cannot write") >= 0, 5000)
        field.text = TestFiles.scratchFile("pack.pdf")
        mouseClick(findChild(page, "packWriteButton"))
        tryVerify(() => page.packDialogWritten() !== "", 5000)
        compare(page.packDialogError(), "")
        verify(TestFiles.fileSize(field.text) > 10000)
    }

    function test_log_a_session_by_keyboard() {
        const page = createTemporaryObject(pageComponent, testCase)
        const sessionsBefore = ClientModel.allSessionCount
        page.sessionList.currentIndex = 0
        page.sessionList.positionViewAtBeginning()
        ClientModel.instrument = "srs"       // the session is logged as a WAI-SR: the page follows it
        verify(page.openLogDialog())
        const dialog = page.logDialog
        tryCompare(dialog, "opened", true)
        dialog.form.dateText = "2026-11-21"
        dialog.form.instrument = "wai-sr"
        const firstItem = findChild(dialog.contentItem, "item0")
        verify(firstItem)
        firstItem.forceActiveFocus()
        for (const c of "4,3,5,4,5,3,4,4,5,3,4,4")
            keyClick(c)
        keyClick(Qt.Key_Return)
        compare(errorSpy.count, 0)
        compare(dialog.form.message, "")
        compare(dialog.visible, false)
        compare(ClientModel.allSessionCount, sessionsBefore + 1)
        compare(ClientModel.instrument, "wai-sr")
        const last = ClientModel.rowCount() - 1
        compare(page.sessionList.currentIndex, last)   // the new session selected ...
        const list = page.sessionList
        tryVerify(() => list.currentItem !== null && list.currentItem.y >= list.contentY
                  && list.currentItem.y + list.currentItem.height <= list.contentY + list.height + 1)  // ... and in view
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.DateRole), "2026-11-21")
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.TotalRole), 48)
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.BondRole), 19)
    }

    function test_tab_leaves_the_note_without_typing_a_tab() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page.openLogDialog())
        const dialog = page.logDialog
        tryCompare(dialog, "opened", true)
        const note = findChild(dialog.contentItem, "noteField")
        note.forceActiveFocus()
        keyClick("o")
        keyClick("k")
        keyClick(Qt.Key_Tab)
        verify(!note.activeFocus)
        compare(note.text, "ok")
        note.forceActiveFocus()
        keyClick(Qt.Key_Backtab, Qt.ShiftModifier)
        verify(!note.activeFocus)
        compare(note.text, "ok")
        dialog.close()
    }

    function test_quick_rating_with_the_score_preview() {
        const page = createTemporaryObject(pageComponent, testCase)
        const sessionsBefore = ClientModel.allSessionCount
        page.openLogDialog()
        const dialog = page.logDialog
        tryCompare(dialog, "opened", true)
        dialog.form.dateText = "2026-11-23"
        dialog.form.instrument = "bgt"
        dialog.form.setItemText(0, "7.5,8,9.5")
        compare(dialog.form.complete, true)
        verify(dialog.form.scoreText.startsWith("Total 25.0"))
        verify(dialog.form.submit())
        compare(ClientModel.allSessionCount, sessionsBefore + 1)
        ClientModel.instrument = "bgt"
        compare(ClientModel.data(ClientModel.index(ClientModel.rowCount() - 1, 0), ClientModel.TotalRole), 25)
    }

    function test_log_with_the_clients_post_session_report() {
        const page = createTemporaryObject(pageComponent, testCase)
        page.openLogDialog()
        const dialog = page.logDialog
        tryCompare(dialog, "opened", true)
        dialog.form.dateText = "2026-11-24"
        dialog.form.instrument = "srs"
        dialog.form.setItemText(0, "8,7.5,9,8")
        dialog.form.reportGiven = true
        dialog.form.tension = true
        dialog.form.intensity = 4
        dialog.form.resolution = 2
        findChild(dialog.contentItem, "noteField").text = "Talked about the homework"
        verify(dialog.form.submit())
        ClientModel.instrument = "srs"
        const last = ClientModel.rowCount() - 1
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.DateRole), "2026-11-24")
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.ReportRole), "tension 4/5, resolved 2/5")
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.NoteRole), "Talked about the homework")
    }

    function test_bad_item_is_named_and_nothing_is_stored() {
        const page = createTemporaryObject(pageComponent, testCase)
        const sessionsBefore = ClientModel.allSessionCount
        page.openLogDialog()
        const dialog = page.logDialog
        tryCompare(dialog, "opened", true)
        dialog.form.dateText = "2026-11-22"
        dialog.form.instrument = "wai-sr"
        dialog.form.setItemText(0, "4,3,5,4,5,3,4,4,5,3,4,6")
        compare(dialog.form.itemProblems[11], "value 6 out of range 1..5")
        compare(dialog.form.complete, false)
        compare(findChild(dialog.contentItem, "saveButton").enabled, false)
        verify(!dialog.form.submit())
        compare(dialog.form.firstErrorField, "items")
        verify(dialog.form.itemsError.indexOf("item 12") >= 0)
        tryVerify(() => findChild(dialog.contentItem, "item11").activeFocus) // focus goes to the item at fault
        compare(ClientModel.allSessionCount, sessionsBefore)
        dialog.close()
    }

    function test_flag_plan_and_close_a_repair() {
        const page = createTemporaryObject(pageComponent, testCase)
        const rupturesBefore = ClientModel.ruptures.length
        const plansBefore = ClientModel.plans.length

        verify(page.openRuptureDialog(2))
        const flag = page.ruptureDialog
        tryCompare(flag, "opened", true)
        flag.form.kind = "confrontation"
        flag.form.setMarker("complaint-progress", true)
        flag.form.setMarker("rejecting-intervention", true)
        flag.form.salience = 4
        flag.form.note = "Said the homework \"isn't working\"; quiet after"
        verify(flag.form.submit())
        compare(ClientModel.ruptures.length, rupturesBefore + 1)
        const rupture = newestRupture()
        compare(rupture.kind, "confrontation")
        compare(rupture.session, 2)
        compare(rupture.salience, 4)
        compare(rupture.markers, ["complaint-progress", "rejecting-intervention"])
        compare(rupture.note, "Said the homework \"isn't working\"; quiet after")

        verify(page.openRepairEditor(rupture.id))
        const editor = page.repairEditor
        tryCompare(editor, "opened", true)
        compare(editor.editing, true)
        editor.form.setStrategy("validate", true)
        editor.form.setStrategy("clarify-misunderstanding", true)
        editor.form.stepsText = "Ask what would help\nAgree on one change"
        editor.form.dueText = "2026-12-11"
        verify(editor.form.submit())
        compare(ClientModel.plans.length, plansBefore + 1)
        const plan = ClientModel.plans[ClientModel.plans.length - 1]
        compare(plan.rupture, rupture.id)
        compare(plan.status, "planned")
        compare(plan.due, "2026-12-11")
        compare(plan.steps, ["Ask what would help", "Agree on one change"])

        tryCompare(editor, "visible", false)
        verify(page.openRepairEditor(rupture.id))
        tryCompare(editor, "opened", true)
        compare(editor.editing, false)
        editor.form.outcome = "partly"
        editor.form.followUpSession = 3
        verify(editor.form.closePlan())
        const closed = ClientModel.plans[ClientModel.plans.length - 1]
        compare(closed.status, "closed")
        compare(closed.outcome, "partly")
        compare(closed.outcomeLabel, "Partly resolved")
        compare(closed.followUp, 3)
    }

    function test_repair_plan_needs_a_strategy() {
        const page = createTemporaryObject(pageComponent, testCase)
        const plansBefore = ClientModel.plans.length
        verify(page.openRuptureDialog(1))
        tryCompare(page.ruptureDialog, "opened", true)
        verify(page.ruptureDialog.form.submit())
        page.openRepairEditor(lastRuptureId())
        tryCompare(page.repairEditor, "opened", true)
        verify(!page.repairEditor.form.submit())   // no strategy chosen
        compare(page.repairEditor.form.firstErrorField, "strategies")
        verify(page.repairEditor.form.strategiesError !== "")
        compare(ClientModel.plans.length, plansBefore)
        page.repairEditor.close()
    }

    function test_correct_a_rating_with_a_reason_and_see_its_history() {
        const page = createTemporaryObject(pageComponent, testCase)
        const last = ClientModel.rowCount() - 1
        const totalBefore = ClientModel.data(ClientModel.index(last, 0), ClientModel.TotalRole)
        verify(page.openCorrection(0))
        const dialog = page.correctionDialog
        tryCompare(dialog, "opened", true)
        const form = dialog.form
        const reasonField = findChild(dialog, "reasonField")
        tryVerify(() => reasonField.activeFocus)
        const first = form.itemTenths[0]
        form.setItem(0, first === form.itemMinTenths ? form.itemMaxTenths : form.itemMinTenths)
        keyClick(Qt.Key_Return)              // no reason yet
        verify(form.reasonError !== "")
        compare(ClientModel.data(ClientModel.index(last, 0), ClientModel.TotalRole), totalBefore)
        for (const c of "typed the wrong row")
            keyClick(c)
        keyClick(Qt.Key_Return)
        compare(form.reasonError, "")
        compare(form.history.length, 1)
        compare(form.history[0].reason, "typed the wrong row")
        verify(ClientModel.data(ClientModel.index(last, 0), ClientModel.TotalRole) !== totalBefore)
        dialog.close()
    }

    function test_correct_a_rupture_and_its_plan_with_a_reason() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page.openRuptureDialog(2))
        const dialog = page.ruptureDialog
        tryCompare(dialog, "opened", true)
        dialog.form.note = "went quiet"
        verify(dialog.form.submit())
        const rupture = newestRupture()
        tryCompare(dialog, "visible", false)

        verify(dialog.openToAmend(ClientModel.clientCode, rupture.session, rupture.id))
        tryCompare(dialog, "opened", true)
        verify(dialog.title.indexOf("Correct rupture #" + rupture.id) === 0)
        compare(dialog.form.note, "went quiet")
        const reasonField = findChild(dialog, "reasonField")
        tryVerify(() => reasonField.activeFocus)
        dialog.form.salience = 5
        verify(!dialog.form.submit())          // no reason yet
        compare(dialog.form.firstErrorField, "reason")
        compare(newestRupture().revisions, 0)
        for (const c of "misread")
            keyClick(c)
        verify(dialog.form.submit())
        tryCompare(dialog, "visible", false)
        compare(newestRupture().salience, 5)
        compare(newestRupture().revisions, 1)

        verify(page.openRepairEditor(rupture.id))
        const editor = page.repairEditor
        tryCompare(editor, "opened", true)
        editor.form.setStrategy("validate", true)
        verify(editor.form.submit())
        tryCompare(editor, "visible", false)
        verify(page.openRepairEditor(rupture.id))
        tryCompare(editor, "opened", true)
        compare(editor.editing, false)
        const correct = findChild(editor, "correctPlanButton")
        verify(correct.visible)
        correct.clicked()
        compare(editor.editing, true)
        verify(editor.title.indexOf("Correct repair plan") === 0)
        tryVerify(() => findChild(editor, "reasonField").activeFocus)
        editor.form.setStrategy("apologise", true)
        for (const c of "supervision")
            keyClick(c)
        verify(editor.form.submit())
        const plan = page.planFor(rupture.id)
        compare(plan.revisions, 1)
        verify(plan.strategies.indexOf("apologise") >= 0)
        tryCompare(editor, "visible", false)
    }

    function test_transition_plan_when_repair_is_not_possible() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page.openTransitionDialog())
        const dialog = page.transitionDialog
        tryCompare(dialog, "opened", true)
        verify(dialog.form.referralChoices.length >= 3) // "not yet" and the demo's agencies
        const before = ClientModel.transitions.length
        const steps = findChild(dialog.contentItem, "transitionSteps")
        steps.text = "Two joint sessions, then the hand-over"
        verify(dialog.form.submit())
        compare(ClientModel.transitions.length, before + 1)
        // Shown as a card, and saving again edits the same plan instead of adding one.
        verify(page.openTransitionDialog())
        tryCompare(dialog, "opened", true)
        compare(steps.text, "Two joint sessions, then the hand-over")
        steps.text = "One joint session"
        verify(dialog.form.submit())
        compare(ClientModel.transitions.length, before + 1)
        compare(ClientModel.transitions[ClientModel.transitions.length - 1].nextSteps, "One joint session")
    }
}
