pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Alliance

// The sessions of the shown series, newest first is not used: date order matches the chart.
ListView {
    id: root

    property int focusSession: 0
    property bool readOnly: false // a supervisor's view: no corrections offered

    signal flagRequested(int session)
    signal correctRequested(int session)

    clip: true
    model: ClientModel
    activeFocusOnTab: true
    keyNavigationEnabled: true
    highlightMoveDuration: 0
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Sessions")
    ScrollBar.vertical: ScrollBar {}
    Keys.onReturnPressed: {
        const row = currentItem as SessionDelegate
        if (row)
            flagRequested(row.number)
    }
    Keys.onPressed: event => {
        if (event.key === Qt.Key_E && (event.modifiers & Qt.ControlModifier)) {
            const row = currentItem as SessionDelegate
            if (row)
                correctRequested(row.number)
            event.accepted = true
        }
    }
    // Selects session `number` of the shown series and scrolls it into view.
    function showSession(number: int) {
        const row = ClientModel.rowOfSession(number)
        if (row < 0)
            return
        forceLayout() // the model was just reset: lay the new rows out before moving to one
        currentIndex = row
        positionViewAtIndex(row, ListView.Contain)
    }

    // The panels above grow and shrink with what needs attention: keep the selection in view.
    onHeightChanged: if (currentIndex >= 0) positionViewAtIndex(currentIndex, ListView.Contain)
    Component.onCompleted: {
        const row = focusSession > 0 ? focusSession - 1 : count - 1
        currentIndex = Math.max(0, Math.min(row, count - 1))
        positionViewAtIndex(currentIndex, ListView.Center)
    }

    delegate: SessionDelegate {
        width: ListView.view.width
        correctable: !root.readOnly
        onCorrectRequested: session => root.correctRequested(session)
    }
}
