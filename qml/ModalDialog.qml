import QtQuick
import QtQuick.Controls

// A modal dialog of the app, centred, counted in ModalState while it is open. It belongs to the
// window's overlay, not to the page that declares it: Main takes the pages out of the scene while
// it is open, and the dialog keeps its place and size.
Dialog {
    parent: Overlay.overlay
    anchors.centerIn: Overlay.overlay
    modal: true
    onAboutToShow: ModalState.openDialogs += 1
    onClosed: ModalState.openDialogs = Math.max(0, ModalState.openDialogs - 1)
}
