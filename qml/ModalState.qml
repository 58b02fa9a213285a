pragma Singleton
import QtQuick

// How many modal dialogs are open: while any is, Main hides the pages behind it (a picture of them
// stays under the dimming), so a screen reader meets only the dialog.
QtObject {
    property int openDialogs: 0
}
