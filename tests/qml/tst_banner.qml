import QtQuick
import QtTest
import Alliance.Ui

// The message line: an error stays until its cause is gone; a confirmation fades by itself.
TestCase {
    id: testCase

    name: "Banner"
    when: windowShown
    width: 800
    height: 200

    Component {
        id: bannerComponent
        ErrorBanner { width: 800 }
    }

    function init() {
        failOnWarning(/.?/)
    }

    function test_an_error_stays_until_its_cause_is_gone() {
        const banner = createTemporaryObject(bannerComponent, testCase)
        banner.show("Client code: must not be empty")
        verify(banner.shown)
        verify(banner.isError)
        wait(100)
        verify(banner.shown)
        banner.clearError()           // e.g. another page was shown
        verify(!banner.shown)
    }

    function test_a_confirmation_replaces_the_error_and_fades() {
        const banner = createTemporaryObject(bannerComponent, testCase)
        banner.show("Reason: must not be empty")
        banner.confirm("Saved.")
        verify(banner.shown)
        verify(!banner.isError)
        compare(banner.message, "Saved.")
        banner.clearError()           // a confirmation is not an error: it stays until it fades
        verify(banner.shown)
        tryCompare(banner, "shown", false, 6000)
    }
}
