import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// `S` in the console shows the sitrep for management as things stand, writing nothing.
@Suite struct SitrepConsoleTests {
    @Test func sShowsTheSitrepWithThePhaseClocksAndDecisionsWaiting() {
        let console = ConsoleFixture(severity: .serious)
        console.press(.character("S"))
        let screen = console.screen
        #expect(screen.contains("态势报告（草稿）"))
        #expect(screen.contains("事件态势报告（第 1 期）"))
        #expect(screen.contains("处置中，第 1/"))
        #expect(screen.contains("三、需要决策的事项"))
        #expect(screen.contains("进入下一阶段前须完成"))
        #expect(console.journal.events.count == 1, "showing the sitrep records nothing")
        console.press(.escape)
        #expect(!console.screen.contains("态势报告（草稿）"))
    }

    @Test func theHelpScreenListsTheSitrepKey() {
        let console = ConsoleFixture(language: .en)
        console.press(.character("?"))
        #expect(console.screen.contains("Sitrep: phase, clocks, decisions waiting"))
    }
}
