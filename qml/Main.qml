import QtQuick
import QtQuick.Window
import QtQuick.Controls
import QtQuick.Templates as T
import QtQuick.Layouts
import Alliance

ApplicationWindow {
    id: root

    property string currentPage: "caseload"
    // True while a modal dialog is open: the pages, header and banner are hidden (out of the
    // accessibility tree) and a picture of them, taken just before, stays under the dimming.
    property bool pageHidden: false

    Component.onCompleted: {
        if (Backend.theme !== "")
            Theme.mode = Backend.theme
        if (Backend.clockBehindRecordDate !== "")
            banner.show(qsTr("This computer's clock says %1, but the newest session on record is dated %2. Check the date and time before logging sessions.")
                        .arg(Qt.formatDate(new Date(), "yyyy-MM-dd")).arg(Backend.clockBehindRecordDate))
    }
    readonly property bool handedOver: stack.currentItem !== null && stack.currentItem.objectName === "clientRating"
    // Nobody is signed in, or the app is locked: only the sign-in or the lock page is in the scene.
    readonly property bool gated: Backend.startupError === "" && !Backend.needsFirstRun && (!Backend.signedIn || Backend.locked)
    onGatedChanged: {
        if (gated) {
            // Everything of the last person's work goes at once: dialogs, pages, the header.
            closeDialogs()
            stack.pop(null)
            chrome.parent = null
        } else if (!pageHidden) {
            chrome.parent = root.contentItem
        }
    }

    // Shows a page by name (used by --self-test and --screenshots, and by the shortcuts).
    function showPage(name: string): bool {
        if (Backend.startupError !== "" || Backend.needsFirstRun)
            return stack.depth > 0
        if (name === "signin")
            return gate.item !== null && gate.item.objectName === "signin"
        if (name === "locked")
            return gate.item !== null && gate.item.objectName === "locked"
        if (gated)
            return false
        Theme.mode = name === "dark" ? "dark" : name === "contrast" ? "contrast" : "light"
        closeDialogs()
        switch (name) {
        case "caseload":
            stack.pop(null)
            return stack.currentItem.objectName === "caseload"
        case "alerts":
            openAlerts()
            return stack.currentItem.objectName === "alerts"
        case "team":
        case "funnel":
        case "trends": {
            openTeamRead()
            const team = stack.currentItem as TeamPage
            team.tabs.currentIndex = name === "funnel" ? 1 : name === "trends" ? 2 : 0
            return team !== null
        }
        case "drill": {
            openTeamRead()
            const team = stack.currentItem as TeamPage
            if (team === null || team.counselors.length === 0)
                return false
            team.drillDown(team.counselors[0].name, "unrepaired", qsTr("%1: unrepaired").arg(team.counselors[0].name))
            return team.drillDialog.visible
        }
        case "review": { // the signed-in supervisor reads a client with an open plan and comments, read-only
            openTeamRead()
            const team = stack.currentItem as TeamPage
            if (team === null)
                return false
            const clients = TeamModel.clientsBehind("", "plans_open")
            if (clients.length === 0 || !reviewClient(clients[0].code))
                return false
            return clientPageShown().openRepairEditor(0)
        }
        case "client":
        case "dark":
        case "contrast":
            return openClient(firstClientWith("unrepaired"), 0)
        case "log":
            return openClient(firstClientWith("unrepaired"), 0) && clientPageShown().openLogDialog()
        case "handOver":
            openClient(firstClientWith("unrepaired"), 0)
            return clientPageShown().startHandOver()
        case "rating": {
            openClient(firstClientWith("unrepaired"), 0)
            if (!clientPageShown().startHandOver())
                return false
            const rating = stack.currentItem as ClientRatingPage
            rating.form.instrument = "wai-sr"
            return rating.handOver()
        }
        case "rupture":
            return openClient(firstClientWith("unrepaired"), 0) && clientPageShown().openRuptureDialog(0)
        case "repair":
            return openClient(firstClientWith("repair-pending"), 0) && clientPageShown().openRepairEditor(0)
        case "transition":
            return openClient(firstClientWith("unrepaired"), 0) && clientPageShown().openTransitionDialog()
        case "pack":
            return openClient(firstClientWith("repair-pending"), 0) && clientPageShown().openPackDialog()
        case "correct":
            return openClient(firstClientWith("unrepaired"), 0) && clientPageShown().openCorrection(0)
        case "correctRupture":
            return openClient(firstClientWith("repair-pending"), 0) && clientPageShown().openRuptureCorrection(0)
        case "correctPlan":
            return openClient(firstClientWith("repair-pending"), 0) && clientPageShown().openPlanCorrection()
        case "addClient":
            stack.pop(null)
            clientDialog.openForNew(Backend.currentCounselor)
            return clientDialog.visible
        case "editClient":
            return openClient(firstClientWith("unrepaired"), 0) && clientDialog.openForEdit(ClientModel.clientCode)
        case "addColleague":
            openAccount()
            counselorDialog.openForNew()
            return counselorDialog.visible
        case "account":
        case "accounts":
            openAccount()
            return stack.currentItem.objectName === "account"
        case "audit":
            openAudit()
            return stack.currentItem.objectName === "audit"
        case "exchange":
        case "exchangeAdmin":
            openExchange()
            return stack.currentItem.objectName === "exchange"
        }
        return false
    }
    function firstClientWith(chip: string): string {
        for (let i = 0; i < CaseloadModel.count; ++i) {
            const chips = CaseloadModel.data(CaseloadModel.index(i, 0), CaseloadModel.ChipsRole)
            if (chips.indexOf(chip) >= 0)
                return CaseloadModel.data(CaseloadModel.index(i, 0), CaseloadModel.CodeRole)
        }
        return CaseloadModel.count > 0 ? CaseloadModel.data(CaseloadModel.index(0, 0), CaseloadModel.CodeRole) : ""
    }
    function openClient(code: string, session: int): bool {
        if (code === "")
            return false
        stack.pop(null)
        ClientModel.clientCode = code
        stack.push(clientPage, { focusSession: session })
        return stack.currentItem.objectName === "client"
    }
    // A client from the Team page: read-only, on top of the Team page (Back returns to it); the
    // supervisor comments on and signs off plans there.
    function reviewClient(code: string): bool {
        if (code === "")
            return false
        ClientModel.clientCode = code
        stack.push(clientPage, { focusSession: 0, readOnly: true })
        return stack.currentItem.objectName === "client"
    }
    function openTeam() {
        stack.pop(null)
        stack.push(teamPage)
    }
    // The Team page as a batch run shows it: its review read (a file's is read on a worker).
    function openTeamRead() {
        openTeam()
        TeamModel.finish()
    }
    function openAlerts() {
        stack.pop(null)
        stack.push(alertsPage)
    }
    function openAccount() {
        stack.pop(null)
        stack.push(accountPage)
    }
    function openExchange() {
        stack.pop(null)
        stack.push(exchangePage)
    }
    function openAudit() {
        if (!Backend.isAdmin)
            return
        stack.pop(null)
        stack.push(auditPage)
    }
    function addClient() {
        clientDialog.openForNew(Backend.currentCounselor)
    }
    function editClient(code: string): bool {
        return clientDialog.openForEdit(code)
    }
    function closeDialogs() {
        clientDialog.close()
        counselorDialog.close()
        const client = stack.currentItem as ClientPage
        if (client)
            client.closeDialogs()
        for (let i = 0; i < stack.depth; ++i) { // the Team page may lie under a client it opened
            const team = stack.get(i, StackView.DontLoad) as TeamPage
            if (team)
                team.drillDialog.close()
        }
    }
    // Takes the header, the pages and the message line out of the scene (and so out of the accessibility
    // tree: Qt 6.4 lists even invisible items there) while a modal dialog is open, and puts them
    // back, with the focus they had, when it closes.
    property Item chromeParent: null
    property Item focusBeforeDialog: null
    property bool focusWasVisible: false // a keyboard user's focus ring comes back with it
    function hidePages(hide: bool) {
        if (hide) {
            focusBeforeDialog = root.activeFocusItem
            const control = focusBeforeDialog as T.Control // only controls draw a focus ring
            focusWasVisible = control !== null && control.visualFocus
            chromeParent = chrome.parent
            chrome.parent = null
        } else {
            chrome.parent = gated ? null : chromeParent
            restoreFocus.restart() // after the dialog has finished handing focus back
        }
        pageHidden = hide
    }
    Timer {
        id: restoreFocus
        interval: 0
        onTriggered: {
            const item = root.focusBeforeDialog
            root.focusBeforeDialog = null
            if (item === null || !item.visible)
                return
            // The dialog has already handed focus back without the ring: take it and give it
            // again, so the item learns it came by keyboard.
            if (root.focusWasVisible && item.activeFocus)
                chrome.forceActiveFocus()
            item.forceActiveFocus(root.focusWasVisible ? Qt.TabFocusReason : Qt.OtherFocusReason)
        }
    }
    function showCaseload() {
        stack.replace(null, caseloadPage)
    }
    function clientPageShown(): ClientPage {
        return stack.currentItem as ClientPage
    }

    // Opens within the screen (1366 x 768 at 125% leaves about 1093 x 614 to work with).
    width: Math.min(1280, Screen.desktopAvailableWidth)
    height: Math.min(800, Screen.desktopAvailableHeight)
    minimumWidth: Math.min(1024, Screen.desktopAvailableWidth)
    minimumHeight: Math.min(700, Screen.desktopAvailableHeight)
    visible: true
    title: qsTr("Alliance Tracker")
    color: Theme.background
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.button: Theme.surfaceAlt
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.mutedText
    palette.mid: Theme.border
    palette.dark: Theme.accent
    palette.brightText: Theme.textOnAccent
    // Basic style paints the highlighted item of a drop-down (and a pressed check box) with
    // "light" under "highlightedText": accent under text-on-accent, never white on white.
    palette.light: Theme.accent
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text



    Shortcut {
        sequence: "Ctrl+N"
        enabled: !root.handedOver && !root.gated && Backend.startupError === "" && !Backend.needsFirstRun
        onActivated: root.addClient()
    }
    Shortcut {
        sequence: "Ctrl+1"
        enabled: !root.handedOver && !root.gated
        onActivated: stack.pop(null)
    }
    Shortcut {
        sequence: "Ctrl+2"
        enabled: !root.handedOver && !root.gated
        onActivated: root.openAlerts()
    }
    Shortcut {
        sequence: "Ctrl+3"
        enabled: !root.handedOver && !root.gated && Backend.seesOthers
        onActivated: root.openTeam()
    }
    Shortcut {
        sequence: "Ctrl+4"
        enabled: !root.handedOver && !root.gated
        onActivated: root.openAccount()
    }
    Shortcut {
        sequence: "Ctrl+5"
        enabled: !root.handedOver && !root.gated
        onActivated: root.openExchange()
    }
    Shortcut {
        sequence: "Ctrl+Shift+L" // Ctrl+L logs a session
        enabled: Backend.signedIn && !Backend.locked
        onActivated: Backend.lock()
    }
    Shortcut {
        sequences: [StandardKey.Back] // qmllint disable unqualified
        enabled: !root.handedOver && stack.depth > 1
        onActivated: stack.pop()
    }

    Connections {
        target: Backend
        // A password an admin reset opens nothing until the person chose their own: go there.
        function onAccountChanged() {
            if (Backend.signedIn && !Backend.locked && Backend.mustChangePassword)
                root.openAccount()
        }
        function onErrorOccurred(message: string) {
            banner.show(message)
        }
        // Every write announces itself: a brief confirmation replaces any error it fixed.
        function onSaved() {
            banner.confirm(qsTr("Saved."))
        }
    }

    Connections {
        target: ModalState
        function onOpenDialogsChanged() {
            if (ModalState.openDialogs > 0 && !root.pageHidden) {
                snapshot.capture()
                root.hidePages(true)
            } else if (ModalState.openDialogs === 0 && root.pageHidden) {
                root.hidePages(false)
                snapshot.clear()
            }
        }
    }
    // The header, the pages and the message line, in one item that hidePages() can take out of the
    // scene as a whole; sized without anchors, and the window's content keeps its size meanwhile.
    ColumnLayout {
        id: chrome
        width: root.contentItem.width
        height: root.contentItem.height
        spacing: 0
        ToolBar {
            id: toolbar
            Layout.fillWidth: true
            visible: !root.handedOver && Backend.startupError === "" && !Backend.needsFirstRun
                     && stack.currentItem !== null && stack.currentItem.objectName !== "firstRun"
            background: Rectangle { color: Theme.surface; border.color: Theme.border }

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.padding
                anchors.rightMargin: Theme.padding
                spacing: Theme.spacing

                Label {
                    text: qsTr("Alliance Tracker")
                    font.pixelSize: Theme.titleFontSize
                    font.bold: true
                    color: Theme.text
                }
                ToolButton {
                    text: qsTr("Caseload")
                    checked: stack.currentItem !== null && stack.currentItem.objectName === "caseload"
                    Accessible.name: qsTr("Caseload (Ctrl+1)")
                    onClicked: stack.pop(null)
                }
                ToolButton {
                    text: CaseloadModel.loading ? qsTr("Alerts (…)") : qsTr("Alerts (%1)").arg(AlertsModel.count)
                    checked: stack.currentItem !== null && stack.currentItem.objectName === "alerts"
                    Accessible.name: CaseloadModel.loading ? qsTr("Alerts, being read (Ctrl+2)")
                        : qsTr("Alerts, %1 open (Ctrl+2)").arg(AlertsModel.count)
                    onClicked: root.openAlerts()
                }
                ToolButton {
                    objectName: "teamButton"
                    visible: Backend.seesOthers
                    Accessible.ignored: !visible // Qt 6.4 lists hidden items to a screen reader
                    text: qsTr("Team")
                    checked: stack.currentItem !== null && stack.currentItem.objectName === "team"
                    Accessible.name: qsTr("Team review for supervisors (Ctrl+3)")
                    onClicked: root.openTeam()
                }
                Item { Layout.fillWidth: true }
                Label {
                    text: qsTr("Counselor")
                    color: Theme.mutedText
                    visible: Backend.seesOthers
                    Accessible.ignored: !visible
                }
                // Made only for those who may see others' caseloads (a hidden one would still be
                // listed to a screen reader on Qt 6.4).
                Loader {
                    active: Backend.seesOthers
                    visible: active
                    sourceComponent: ComboBox {
                        model: Backend.counselorChoices
                        currentIndex: Backend.currentCounselorIndex
                        implicitWidth: 200
                        Accessible.name: qsTr("Show the caseload of")
                        onActivated: index => Backend.currentCounselor = index === 0 ? "" : Backend.counselorNames[index - 1]
                    }
                }
                ComboBox {
                    model: [qsTr("Light"), qsTr("Dark"), qsTr("High contrast")]
                    currentIndex: Theme.mode === "dark" ? 1 : Theme.mode === "contrast" ? 2 : 0
                    Accessible.name: qsTr("Colour theme")
                    onActivated: index => {
                        Theme.mode = ["light", "dark", "contrast"][index]
                        Backend.theme = Theme.mode
                    }
                }
                ToolButton {
                    id: userButton
                    objectName: "userButton"
                    text: Backend.userName + " ▾"
                    checked: stack.currentItem !== null && (stack.currentItem.objectName === "account" || stack.currentItem.objectName === "audit" || stack.currentItem.objectName === "exchange")
                    Accessible.name: qsTr("Signed in as %1: account, lock, sign out").arg(Backend.userName)
                    onClicked: userMenu.open()
                    Menu {
                        id: userMenu
                        y: userButton.height
                        MenuItem {
                            text: Backend.isAdmin ? qsTr("Your account and accounts (Ctrl+4)") : qsTr("Your account (Ctrl+4)")
                            onTriggered: root.openAccount()
                        }
                        MenuItem {
                            text: qsTr("Import and export (Ctrl+5)")
                            onTriggered: root.openExchange()
                        }
                        MenuItem {
                            text: qsTr("Audit trail")
                            visible: Backend.isAdmin
                            height: visible ? implicitHeight : 0
                            onTriggered: root.openAudit()
                        }
                        MenuItem {
                            text: qsTr("Lock now (Ctrl+Shift+L)")
                            onTriggered: Backend.lock()
                        }
                        MenuItem {
                            text: qsTr("Sign out")
                            onTriggered: Backend.signOut()
                        }
                    }
                }
            }
        }
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Pages change at once: no sliding for a screen reader or a keyboard user to wait for, and
            // a dialog opened right after a page change covers that page, not a half-slid one.
            pushEnter: Transition {}
            pushExit: Transition {}
            popEnter: Transition {}
            popExit: Transition {}
            replaceEnter: Transition {}
            replaceExit: Transition {}
            // An error belongs to the page it was made on.
            onCurrentItemChanged: banner.clearError()
            initialItem: Backend.startupError !== "" ? errorPage : Backend.needsFirstRun ? firstRunPage : caseloadPage
        }
        ErrorBanner {
            id: banner
            Layout.fillWidth: true
        }
    }
    WindowSnapshot {
        id: snapshot
        parent: root.Overlay.overlay.parent
        anchors.fill: parent
        visible: root.pageHidden
    }

    Component {
        id: caseloadPage
        CaseloadPage {
            onClientChosen: code => root.openClient(code, 0)
            onAddClientRequested: () => root.addClient()
        }
    }
    Component {
        id: clientPage
        ClientPage {
            onEditClientRequested: () => root.editClient(ClientModel.clientCode)
        }
    }
    Component {
        id: alertsPage
        AlertsPage {
            onClientChosen: (code, session) => root.openClient(code, session)
        }
    }
    Component {
        id: teamPage
        TeamPage {
            onClientChosen: code => root.reviewClient(code)
        }
    }
    Component {
        id: errorPage
        ErrorPage {}
    }
    Component {
        id: accountPage
        AccountPage {
            onAddAccountRequested: () => counselorDialog.openForNew()
        }
    }
    Component {
        id: auditPage
        AuditPage {}
    }
    Component {
        id: exchangePage
        ExchangePage {}
    }
    // The sign-in page before anyone is signed in, the lock page while locked; nothing else is in
    // the scene then (see gated).
    Loader {
        id: gate
        anchors.fill: parent
        active: root.gated
        sourceComponent: Backend.signedIn ? lockPage : signInPage
    }
    Component {
        id: signInPage
        SignInPage {}
    }
    Component {
        id: lockPage
        LockPage {}
    }
    Component {
        id: firstRunPage
        FirstRunPage {
            // The first person is on record: go on to the first client.
            onDone: () => {
                root.showCaseload()
                root.addClient()
            }
        }
    }

    ClientDialog {
        id: clientDialog
        onClientSaved: code => root.openClient(code, 0)
    }
    CounselorDialog {
        id: counselorDialog
        onColleagueSaved: name => banner.confirm(qsTr("%1 was added.").arg(name))
    }
}
