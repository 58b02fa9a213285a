import QtQuick
import QtTest
import Alliance
import Alliance.Ui

// The supervisor's hour on the demo: pick a team, open one counselor's unrepaired breaches, open a
// client read-only, sign off its repair plan. Every number on the page is the review's own (the
// JSON `alliance caseload --json` prints), and each opens the clients behind it.
TestCase {
    id: testCase

    name: "Team"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: teamComponent
        TeamPage { width: 1280; height: 760 }
    }
    Component {
        id: clientComponent
        ClientPage { width: 1280; height: 760; readOnly: true }
    }
    SignalSpy { id: chosenSpy; signalName: "clientChosen" }

    function init() {
        failOnWarning(/.?/)
    }
    // Each test acts as one person: the review and the plans are theirs to see.
    function signInAs(name: string) {
        Backend.signOut()
        compare(Backend.signIn(name, "alliance-demo"), "")
    }
    function typeText(text: string) {
        for (const c of text)
            keyClick(c)
    }
    // The row of that name, once there is exactly one (rows of an earlier model linger until
    // they are deleted).
    function rowOf(page: var, name: string): var {
        const items = findChild(page, "teamTable").contentItem.children
        const found = []
        for (let i = 0; i < items.length; ++i)
            if (items[i].objectName === "row_" + name)
                found.push(items[i])
        return found.length === 1 ? found[0] : null
    }
    function counselorNamed(review: var, name: string): var {
        for (const c of review.counselors)
            if (c.name === name)
                return c
        return null
    }

    function test_a_supervisor_signs_off_a_plan_from_the_unrepaired_breaches() {
        signInAs("Morgan Ellis")
        const page = createTemporaryObject(teamComponent, testCase)
        chosenSpy.target = page
        chosenSpy.clear()
        tryVerify(() => TeamModel.review.counselors !== undefined)

        // Morgan Ellis's team: the only one a supervisor is offered.
        compare(TeamModel.supervisorNames, ["Morgan Ellis"])
        const teamBox = findChild(page, "teamBox")
        const index = TeamModel.supervisorNames.indexOf("Morgan Ellis")
        verify(index >= 0)
        teamBox.currentIndex = index
        teamBox.activated(index)
        compare(TeamModel.supervisor, "Morgan Ellis")
        compare(TeamModel.review.scope.kind, "supervisor")
        compare(TeamModel.review.scope.counselors, ["Alex Rivera", "Jordan Lee", "Sam Okafor"])

        // The table shows the review's numbers, and a number's clients are the ones behind it.
        let chosen = null
        for (const name of ["Alex Rivera", "Jordan Lee", "Sam Okafor"]) {
            const figures = counselorNamed(TeamModel.review, name)
            tryVerify(() => rowOf(page, name) !== null, 5000, name)
            const row = rowOf(page, name)
            compare(findChild(row, "figure_unrepaired").text, String(figures.breaches.unrepaired))
            compare(findChild(row, "figure_drifting").text, String(figures.drifting))
            compare(TeamModel.clientsBehind(name, "drifting").length, figures.drifting)
            compare(TeamModel.clientsBehind(name, "active_clients").length, figures.active_clients)
            if (chosen === null && figures.breaches.unrepaired > 0)
                chosen = name
        }
        verify(chosen !== null, "the demo has an unrepaired breach in Morgan Ellis's team")
        tryVerify(() => rowOf(page, "team") !== null)
        const teamRow = rowOf(page, "team")
        compare(findChild(teamRow, "figure_active_clients").text, String(TeamModel.review.team.active_clients))

        // Open the unrepaired breaches of that counselor, and the first client.
        const dialog = page.drillDialog
        const cell = findChild(rowOf(page, chosen), "figure_unrepaired")
        verify(cell.width > 0)
        cell.clicked()
        verify(dialog.visible, "the drill-down opened")
        tryCompare(dialog, "opened", true)
        verify(dialog.clients.length > 0)
        for (const c of dialog.clients) {
            compare(c.counselor, chosen)
            verify(c.facts.indexOf("unrepaired") >= 0)
        }
        const list = findChild(dialog.contentItem, "drillList")
        tryVerify(() => list.activeFocus)
        keyClick(Qt.Key_Return)
        compare(chosenSpy.count, 1)
        const code = chosenSpy.signalArguments[0][0]
        compare(code, dialog.clients[0].code)
        tryCompare(dialog, "visible", false)

        // The client's page, read-only: nothing writes but comments and sign-off.
        ClientModel.clientCode = code
        const client = createTemporaryObject(clientComponent, testCase)
        verify(client.openRepairEditor(0))
        const editor = client.repairEditor
        tryCompare(editor, "opened", true)
        verify(!findChild(editor.contentItem, "correctPlanButton").visible)
        const signOff = findChild(editor.contentItem, "signOffButton")
        verify(signOff.visible)
        const planId = editor.form.planId
        const field = findChild(editor.contentItem, "commentField")
        field.forceActiveFocus()
        typeText("Seen in supervision")
        compare(editor.form.comment, "Seen in supervision")
        // Keys cannot type an emoji here (QTest maps ASCII only): the rest arrives as pasted text.
        const note = "Seen in supervision: \"own the missed call\" first 🙂"
        editor.form.comment = note
        signOff.clicked()
        tryVerify(() => {
            for (const p of ClientModel.plans)
                if (p.id === planId)
                    return p.signedOff.indexOf("Morgan Ellis") >= 0
            return false
        })
        const plan = ClientModel.plans.filter(p => p.id === planId)[0]
        const last = plan.comments[plan.comments.length - 1]
        compare(last.text, note)
        compare(last.author, "Morgan Ellis")
        verify(last.signedOff)
        editor.close()

        // Another team's supervisor (or a colleague) cannot even open the client; an admin can,
        // without its text, and is offered the sign-off.
        for (const person of ["Priya Shah", "Casey Nguyen", "Robin Admin"]) {
            signInAs(person)
            ClientModel.clientCode = ""
            ClientModel.clientCode = code
            if (person !== "Robin Admin") {
                compare(ClientModel.plans.length, 0, person)
                verify(!client.openRepairEditor(0), person)
                continue
            }
            verify(client.openRepairEditor(0))
            tryCompare(client.repairEditor, "opened", true)
            verify(findChild(client.repairEditor.contentItem, "signOffButton").visible)
            client.repairEditor.close()
            tryCompare(client.repairEditor, "visible", false)
        }
    }

    function test_the_funnel_and_the_trend_read_the_same_review() {
        signInAs("Robin Admin") // everyone's review: an admin's
        const page = createTemporaryObject(teamComponent, testCase)
        TeamModel.supervisor = ""
        tryVerify(() => TeamModel.review.scope !== undefined && TeamModel.review.scope.kind === "everyone")
        page.tabs.currentIndex = 2
        const weeks = TeamModel.trendWeeks
        verify(weeks.length >= 12)
        let ratings = 0
        for (const w of weeks) {
            ratings += w.ratings
            if (w.ratings === 0)
                compare(w.mean["wai-sr"], null) // a week without ratings has no mean, not 0
        }
        verify(ratings > 0)
        // A week opens the clients behind it: as many ratings among them as the week counts.
        let busy = -1
        for (let i = 0; i < weeks.length; ++i)
            if (weeks[i].ratings > 0 && busy < 0)
                busy = i
        verify(busy >= 0)
        page.drillDownWeek(busy, weeks[busy].week)
        tryCompare(page.drillDialog, "opened", true)
        let counted = 0
        for (const c of page.drillDialog.clients) {
            const m = c.facts.match(/^(\d+) client rating/)
            counted += m ? Number(m[1]) : 0
        }
        compare(counted, weeks[busy].ratings)
        page.drillDialog.close()
        tryCompare(page.drillDialog, "visible", false)
        TeamModel.trendCounselor = "Taylor Brooks"
        verify(TeamModel.trendWeeks.length === weeks.length)
        TeamModel.trendCounselor = ""
        page.tabs.currentIndex = 1
        const funnel = TeamModel.review.funnel
        if (funnel.centre !== null)
            for (const l of funnel.limits)
                verify(l.low998 <= l.low95 && l.low95 <= funnel.centre && funnel.centre <= l.high95 && l.high95 <= l.high998)
        TeamModel.weeks = 4
        tryCompare(TeamModel.review, "from", Qt.formatDate(new Date(2026, 9, 23), "yyyy-MM-dd")) // 28 days before 2026-11-20
        TeamModel.weeks = 12
    }

    function test_a_transition_plan_is_signed_off_by_its_counselors_supervisor_only() {
        // The demo's transition plan ("when repair is not possible") is C-011's, Taylor Brooks's
        // client; Priya Shah supervises Taylor.
        // Another team's supervisor does not see it at all.
        signInAs("Morgan Ellis")
        ClientModel.clientCode = ""
        ClientModel.clientCode = "C-011"
        compare(ClientModel.transitions.length, 0)

        signInAs("Priya Shah")
        ClientModel.clientCode = ""
        ClientModel.clientCode = "C-011"
        compare(ClientModel.counselorName, "Taylor Brooks")
        compare(ClientModel.transitions.length, 1)
        compare(ClientModel.transitions[0].signedOff, "")
        const client = createTemporaryObject(clientComponent, testCase)
        const dialog = client.transitionComments
        dialog.openFor(ClientModel.transitions[0])
        tryCompare(dialog, "opened", true)
        const field = findChild(dialog.contentItem, "transitionCommentField")
        tryVerify(() => field.activeFocus)
        typeText("Agreed: hand over after two joint sessions")
        const signOff = findChild(dialog.contentItem, "transitionSignOffButton")
        verify(signOff.visible)
        signOff.clicked()
        tryVerify(() => ClientModel.transitions[0].signedOff.indexOf("Priya Shah") >= 0)
        const comments = ClientModel.transitions[0].comments
        compare(comments.length, 2)
        compare(comments[1].text, "Agreed: hand over after two joint sessions")
        verify(comments[1].signedOff)
        dialog.close()
    }

    function test_a_period_of_ones_own_by_keyboard_with_its_errors_on_the_field() {
        signInAs("Morgan Ellis")
        const page = createTemporaryObject(teamComponent, testCase)
        tryVerify(() => TeamModel.review.from !== undefined)
        const periodBox = findChild(page, "periodBox")
        periodBox.currentIndex = 4
        periodBox.activated(4) // "Dates…"
        const fromField = findChild(page, "fromField")
        const toField = findChild(page, "toField")
        verify(periodBox.custom)
        tryVerify(() => fromField.activeFocus)
        fromField.selectAll()
        typeText("2026-02-30")
        toField.text = "2026-11-01"
        keyClick(Qt.Key_Return)
        verify(TeamModel.periodError.indexOf(qsTr("From")) === 0, TeamModel.periodError)
        const before = TeamModel.review.from
        compare(TeamModel.review.from, before) // nothing changed
        fromField.selectAll()
        typeText("2026-11-02") // after the end
        keyClick(Qt.Key_Return)
        verify(TeamModel.periodError !== "")
        compare(TeamModel.review.from, before)
        fromField.selectAll()
        typeText("2026-08-31")
        keyClick(Qt.Key_Return)
        compare(TeamModel.periodError, "")
        compare(TeamModel.review.from, "2026-08-31")
        compare(TeamModel.review.to, "2026-11-01")
        compare(TeamModel.weeks, 0)
        compare(TeamModel.trendWeeks[0].week, "2026-W36") // Monday 2026-08-31
        TeamModel.weeks = 12
        compare(TeamModel.review.to, "2026-11-20")
    }
}
