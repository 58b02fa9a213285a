import QtQuick
import QtTest
import Alliance
import Alliance.Ui

// Sign-in, the automatic lock and who sees which page: a counselor, a supervisor, an admin.
TestCase {
    id: testCase

    name: "Security"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: signInComponent
        SignInPage { width: 1280; height: 760 }
    }
    Component {
        id: lockComponent
        LockPage { width: 1280; height: 760 }
    }
    Component {
        id: accountComponent
        AccountPage { width: 1280; height: 760 }
    }
    Component {
        id: auditComponent
        AuditPage { width: 1280; height: 760 }
    }

    function init() {
        failOnWarning(/.?/)
        Backend.idleLockSeconds = 600
    }
    function typeText(text: string) {
        for (const c of text)
            keyClick(c)
    }

    function test_sign_in_by_keyboard_wrong_then_right() {
        Backend.signOut()
        verify(!Backend.signedIn)
        compare(CaseloadModel.totalCount, 0) // nobody signed in: nothing of any client
        const page = createTemporaryObject(signInComponent, testCase)
        const name = findChild(page, "signInName")
        const password = findChild(page, "signInPassword")
        tryVerify(() => name.activeFocus)
        typeText("Alex Rivera")
        keyClick(Qt.Key_Return) // on to the password
        verify(password.activeFocus)
        typeText("not the password")
        keyClick(Qt.Key_Return)
        verify(!Backend.signedIn)
        compare(page.message, qsTr("The name or the password is wrong."))
        compare(password.text, "") // a tried password is not kept
        verify(password.activeFocus)
        typeText("alliance-demo")
        keyClick(Qt.Key_Return)
        verify(Backend.signedIn)
        compare(Backend.userName, "Alex Rivera")
        verify(!Backend.seesOthers)
        verify(CaseloadModel.totalCount > 0)
        for (let i = 0; i < CaseloadModel.totalCount; ++i)
            compare(CaseloadModel.data(CaseloadModel.index(i, 0), CaseloadModel.CounselorRole), "Alex Rivera")
    }

    function test_idle_lock_hides_everything_and_three_wrong_passwords_sign_out() {
        Backend.signOut()
        compare(Backend.signIn("Jordan Lee", "alliance-demo"), "")
        verify(CaseloadModel.totalCount > 0)
        Backend.idleLockSeconds = 1
        tryCompare(Backend, "locked", true, 3000)
        compare(CaseloadModel.totalCount, 0) // the pages let go of every client at once
        compare(AlertsModel.count, 0)
        const page = createTemporaryObject(lockComponent, testCase)
        const password = findChild(page, "unlockPassword")
        tryVerify(() => password.activeFocus)
        typeText("alliance-demo")
        keyClick(Qt.Key_Return)
        verify(!Backend.locked)
        verify(CaseloadModel.totalCount > 0)
        Backend.idleLockSeconds = 600

        Backend.lock()
        for (let i = 0; i < 3; ++i) {
            verify(Backend.signedIn)
            typeText("wrong password " + i)
            keyClick(Qt.Key_Return)
        }
        verify(!Backend.signedIn)
        compare(page.message, qsTr("Signed out after three wrong passwords."))
    }

    function test_each_role_sees_its_own_pages() {
        // A counselor: no team, no accounts, no audit trail (refused by the core, not just hidden).
        Backend.signOut()
        verify(Backend.signIn("Alex Rivera", "a wrong password") !== "") // for the trail, below
        compare(Backend.signIn("Alex Rivera", "alliance-demo"), "")
        verify(!Backend.seesOthers) // no Team page, no choice of caseload
        compare(Backend.counselorNames, ["Alex Rivera"])
        let account = createTemporaryObject(accountComponent, testCase)
        compare(account.accounts.count, 0)
        verify(account.accounts.error !== "")
        let audit = createTemporaryObject(auditComponent, testCase)
        compare(audit.audit.count, 0)
        verify(audit.audit.error !== "")

        // A supervisor: their team only.
        Backend.signOut()
        compare(Backend.signIn("Morgan Ellis", "alliance-demo"), "")
        verify(Backend.seesOthers)
        verify(!Backend.isAdmin)
        compare(Backend.counselorChoices[0], qsTr("My team"))
        compare(Backend.counselorNames, ["Alex Rivera", "Jordan Lee", "Morgan Ellis", "Sam Okafor"])
        verify(Backend.counselorNames.indexOf("Casey Nguyen") < 0)

        // An admin: every account, and the audit trail -- which names the failed tries above
        // and verifies.
        Backend.signOut()
        compare(Backend.signIn("Robin Admin", "alliance-demo"), "")
        verify(Backend.isAdmin)
        compare(Backend.counselorChoices[0], qsTr("All counselors"))
        account = createTemporaryObject(accountComponent, testCase)
        compare(account.accounts.count, 8)
        compare(account.accounts.error, "")
        audit = createTemporaryObject(auditComponent, testCase)
        verify(audit.audit.count > 0)
        audit.audit.personFilter = "Alex Rivera"
        let failed = 0
        for (let i = 0; i < audit.audit.count; ++i)
            if (audit.audit.data(audit.audit.index(i, 0), AuditModel.ActionRole).startsWith("sign-in-failed"))
                ++failed
        verify(failed >= 1) // the wrong password above
        audit.audit.verify()
        verify(audit.audit.intact, audit.audit.verdict)
    }
}
