import QtQuick
import QtQuick.Controls

// What is wrong with the field above, in the field's own words; hidden when nothing is.
Label {
    id: root

    visible: text !== ""
    color: Theme.breach
    wrapMode: Text.Wrap
    font.bold: true
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
