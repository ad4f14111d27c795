import CordonCore
import CordonStore
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
        #expect(screen.contains("Enter 记录为已发出"))
        console.press(.escape)
        #expect(!console.screen.contains("态势报告（草稿）"))
    }

    @Test func aSitrepLongerThanTheScreenStillShowsTheKeyThatRecordsIt() {
        let console = ConsoleFixture(size: Size(width: 80, height: 18), severity: .serious)
        console.press(.character("S"))
        #expect(console.screen.contains("↑↓ 滚动"), "the draft is longer than the dialog")
        #expect(console.screen.contains("Enter 记录为已发出  Esc 关闭"), "the scroll mark never covers the keys")
    }

    @Test func enterRecordsTheSitrepAsSentWordForWord() throws {
        let console = ConsoleFixture(severity: .serious)
        console.program.sealText = { SentText(sealing: $0, subject: nil, source: .draft).sha256 }
        console.press(.character("S"), .enter)
        #expect(console.screen.contains("记录态势报告已发出"))
        console.type("企业微信群")
        console.press(.enter)
        let event = console.lastEvent
        #expect(event.type == EventType.noticeSent)
        #expect(event.data.string("audience") == Sitrep.audience)
        #expect(event.data.string("channel") == "企业微信群")
        let text = try #require(event.data.string("text"))
        #expect(text.hasPrefix("事件态势报告（第 1 期）"))
        #expect(event.data.string("sha256") == SentText(sealing: text, subject: nil, source: .draft).sha256)
        #expect(console.screen.contains("已通报管理层（态势报告）"))
        console.press(.character("S"))
        #expect(console.screen.contains("事件态势报告（第 2 期）"), "the next sitrep counts from the one sent")
    }

    @Test func aConsoleThatCannotSealTheTextRecordsNothingAndSaysWhatToRun() {
        let console = ConsoleFixture(severity: .serious)
        console.press(.character("S"), .enter)
        console.type("邮件")
        console.press(.enter)
        #expect(console.journal.events.count == 1)
        #expect(console.screen.contains("此控制台无法保存态势报告全文，未记录；请在命令行运行 cordon sitrep"))
    }

    @Test func theHelpScreenListsTheSitrepKey() {
        let console = ConsoleFixture(language: .en)
        console.press(.character("?"))
        #expect(console.screen.contains("Sitrep: phase, clocks, decisions waiting"))
    }
}

/// The console's clocks say which report to the CAC is due next: the initial one, then a
/// follow-up while the incident is open, then the summary once it is closed.
@Suite struct StagedReportClockTests {
    static let playbook = try! PlaybookLoader.load(path: Fixtures.bundledPlaybookPath).playbook

    /// What another terminal records (`cordon notify`, `cordon advance`), seen at the next tick.
    func fromElsewhere(_ console: ConsoleFixture, _ command: CordonCore.Command) throws {
        let drafts = try #require(IncidentRules.decide(command, state: console.journal.state, playbook: console.journal.playbook).events)
        console.journal.appendFromElsewhere(drafts)
        console.program.refresh()
        console.wait(minutes: 1)
    }

    @Test func theClockPaneMovesFromTheInitialReportToFollowUpsToTheSummary() throws {
        let console = ConsoleFixture(size: Size(width: 120, height: 40), severity: .serious, playbook: Self.playbook)
        #expect(console.screen.contains("向省级网信部门报告"))
        #expect(!console.screen.contains("向省级网信部门续报"))
        try fromElsewhere(console, .notify(audience: "regulator", channel: "网信办报送系统"))
        #expect(console.screen.contains("向省级网信部门续报"), "once the initial report went out, the follow-up clock runs")
        for _ in 0..<5 { try fromElsewhere(console, .advance(force: true, reason: "演示")) }
        #expect(!console.screen.contains("向省级网信部门续报"), "no follow-ups once closed")
        #expect(console.screen.contains("向省级网信部门提交总结报告"), "the summary report's clock runs from closing")
    }
}
