import QtQuick
import QtTest
import Alliance
import Alliance.Ui

// Adding a client and a colleague from the app, by keyboard: the error sits on the field at
// fault in the field's own words (no CLI flag), focus goes there, and fixing it clears it.
TestCase {
    id: testCase

    name: "People"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: clientDialogComponent
        ClientDialog {}
    }
    Component {
        id: colleagueDialogComponent
        CounselorDialog {}
    }
    SignalSpy { id: savedSpy; signalName: "clientSaved" }
    SignalSpy { id: colleagueSpy; signalName: "colleagueSaved" }

    function init() {
        failOnWarning(/.?/)
    }
    function typeText(text: string) {
        for (const c of text)
            keyClick(c)
    }

    function test_add_a_client_by_keyboard_and_fix_a_duplicate_code() {
        const dialog = createTemporaryObject(clientDialogComponent, testCase)
        savedSpy.target = dialog
        savedSpy.clear()
        const before = CaseloadModel.totalCount
        dialog.openForNew("Alex Rivera")
        tryCompare(dialog, "opened", true)
        const codeField = findChild(dialog.contentItem, "codeField")
        tryVerify(() => codeField.activeFocus)
        typeText("c-003") // C-003 exists: codes are compared without regard to case
        keyClick(Qt.Key_Return)
        compare(savedSpy.count, 0)
        verify(dialog.visible)
        verify(dialog.form.codeError !== "")
        verify(dialog.form.codeError.indexOf("--") < 0 && dialog.form.codeError.indexOf("CODE") < 0)
        verify(codeField.activeFocus)
        compare(CaseloadModel.totalCount, before)

        codeField.selectAll()
        typeText("C-777")
        keyClick(Qt.Key_Return)
        compare(savedSpy.count, 1)
        compare(savedSpy.signalArguments[0][0], "C-777")
        compare(dialog.form.codeError, "")
        tryCompare(dialog, "visible", false)
        compare(CaseloadModel.totalCount, before + 1)
    }

    function test_edit_a_client_keeps_its_code() {
        const dialog = createTemporaryObject(clientDialogComponent, testCase)
        verify(dialog.openForEdit("c-777"))
        tryCompare(dialog, "opened", true)
        compare(dialog.form.code, "C-777")
        verify(!findChild(dialog.contentItem, "codeField").enabled)
        dialog.form.status = "closed"
        verify(dialog.form.submit())
        CaseloadModel.searchText = "C-777"
        compare(CaseloadModel.count, 1)
        CaseloadModel.searchText = ""
    }

    // Accounts are an admin's: a counselor's attempt is refused and adds no one.
    function test_add_a_colleague_by_keyboard() {
        const dialog = createTemporaryObject(colleagueDialogComponent, testCase)
        colleagueSpy.target = dialog
        colleagueSpy.clear()
        dialog.openForNew()
        tryCompare(dialog, "opened", true)
        const nameField = findChild(dialog.contentItem, "colleagueNameField")
        tryVerify(() => nameField.activeFocus)
        typeText("Kim Park")
        dialog.form.password = "kim's first one"
        dialog.form.confirmPassword = "kim's first one"
        keyClick(Qt.Key_Return)
        compare(colleagueSpy.count, 0) // Alex Rivera is a counselor, not an admin
        verify(dialog.form.message !== "")
        dialog.close()

        Backend.signOut()
        compare(Backend.signIn("Robin Admin", "alliance-demo"), "")
        dialog.openForNew()
        tryCompare(dialog, "opened", true)
        tryVerify(() => nameField.activeFocus)
        typeText("Kim Park")
        dialog.form.password = "kim's first one"
        dialog.form.confirmPassword = "kim's first one"
        keyClick(Qt.Key_Return)
        compare(colleagueSpy.count, 1)
        verify(Backend.counselorNames.indexOf("Kim Park") >= 0)
        // The same name again, in other case: refused on the name field.
        dialog.openForNew()
        typeText("KIM PARK")
        dialog.form.password = "another first one"
        dialog.form.confirmPassword = "another first one"
        keyClick(Qt.Key_Return)
        compare(colleagueSpy.count, 1)
        verify(dialog.form.nameError !== "")
    }
}
