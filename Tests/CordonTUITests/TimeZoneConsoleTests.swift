import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// A console whose terminal runs in UTC, on an incident declared in Shanghai at 09:00: it shows
/// and reads the incident's clock, never its own.
@Suite struct TimeZoneConsoleTests {
    /// The console's clock moved to UTC (the same instant), as on a colleague's terminal abroad.
    private func consoleInUTC(language: Language = .en, size: Size = Size(width: 80, height: 24)) -> ConsoleFixture {
        let console = ConsoleFixture.records(language: language, size: size, severity: .serious)
        console.clock.set(console.clock.now().shown(atOffset: 0))
        return console
    }

    @Test func theTimelineShowsEveryEntryAtTheIncidentsOffsetAndSaysWhichAt80x24() throws {
        let console = consoleInUTC()
        console.wait(minutes: 12)
        console.press(.space)
        console.wait(minutes: 9)
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "legal called the CAC"])], actor: "lina")
        console.program.refresh()
        #expect(console.lastEvent.ts.offsetSeconds == 0, "the line keeps the writer's own offset")
        #expect(console.screen.contains(" Timeline · 3 · UTC+08:00"))
        #expect(console.screen.contains(" 09:12 tester   done Isolate the source"))
        #expect(console.screen.contains(" 09:21 lina     note: legal called the CAC"))
        #expect(!console.screen.contains("01:21"), "not the UTC writer's own hour")
        #expect(console.screen.contains("met · 11-29 09:12"), "deadlines read the incident's clock too")
    }

    @Test func theOffsetGivesWayWhenTheTimelinePaneIsNarrow() {
        let console = consoleInUTC(size: AppModel.minimumSize)
        #expect(console.screen.contains(" Timeline · 1"))
        #expect(!console.screen.contains("UTC+08:00"))
        #expect(console.screen.contains("following"))
    }

    @Test func anEntryWrittenElsewhereSaysHowItWasStampedInItsDetails() {
        let console = consoleInUTC(size: Size(width: 100, height: 30))
        console.wait(minutes: 5)
        console.press(.character("n"))
        console.type("from London")
        console.press(.enter, .tab, .character("G"), .enter)
        #expect(console.screen.contains("#2 · 2026-11-29 09:05:00 (UTC+08:00) · tester"))
        #expect(console.screen.contains("written as 2026-11-29T01:05:00.000Z"))
    }

    @Test func aTimeTypedInAFormIsReadAtTheIncidentsOffsetAndMayNotBeInTheFuture() throws {
        let console = consoleInUTC(language: .zh, size: Size(width: 100, height: 30))
        console.wait(minutes: 10)
        console.press(.character("r"), .character("4"), .character("n"))
        console.type("内部人员登录堡垒机")
        console.press(.up, .right, .right, .down, .down)
        console.type("2026-11-29 09:40")
        console.press(.enter)
        #expect(console.screen.contains("“2026-11-29 09:40”即 2026-11-29 09:40（UTC+08:00），晚于现在（2026-11-29"))
        #expect(console.screen.contains("09:10）：已发生的事不会在将来。"))
        #expect(console.journal.state.findings.isEmpty)
        for _ in 0..<5 { console.press(.backspace) }
        console.type("08:45")
        console.press(.enter)
        let finding = try #require(console.journal.state.findings.last)
        #expect(finding.occurredAt?.millis == Timestamp(iso8601: "2026-11-29T08:45:00+08:00")!.millis)
        #expect(console.screen.contains("发生于 2026-11-29 08:45（UTC+08:00）"))
    }
}
