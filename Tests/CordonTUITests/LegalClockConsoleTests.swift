import CordonCore
import CordonStore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The clocks a responder must not miss, on the bundled playbook and an injected clock: the
/// CAC clock before grading, grading as the scope suggests, the most urgent clock always in view.
@Suite struct LegalClockConsoleTests {
    static let piLeak = try! PlaybookLoader.load(path: Fixtures.bundledPlaybookPath).playbook

    func console(size: Size = Size(width: 100, height: 30), severity: Severity? = nil, language: Language = .zh) -> ConsoleFixture {
        ConsoleFixture(language: language, size: size, severity: severity, playbook: Self.piLeak)
    }

    // MARK: - Before grading

    @Test func anUngradedIncidentShowsTheClockThatWillApplyIfGraded() {
        let console = console()
        console.wait(minutes: 2 * 60 + 48)
        #expect(console.screen.contains("向省级网信部门报告"))
        #expect(console.screen.contains("若定为较大及以上：剩余 1:12:00 · 截止 11-29 13:00"))
        console.wait(minutes: 72 + 5)
        #expect(console.screen.contains("若定为较大及以上：已超时 0:05:00"))
        #expect(console.screen.style(of: "若定为较大及以上：已超时")?.tone == .danger)
    }

    @Test func inEnglishTheConditionIsSpeltOut() {
        let console = console(language: .en)
        console.wait(minutes: 60)
        #expect(console.screen.contains("if graded serious or above: 3:00:00 left"))
    }

    // MARK: - Grading

    @Test func theGradingDialogOpensOnTheSuggestedSeverityAndGradingCompletesTheStep() {
        let console = console()
        let scope = RecordRules.decide(.assessScope(ScopeInput(
            categories: [DataCategory.named("id-number")!, DataCategory.named("phone")!],
            records: 48_000, people: 31_000, confidence: .medium)), state: console.journal.state, playbook: console.journal.playbook).events!
        console.journal.appendFromElsewhere(scope)
        console.program.refresh()
        console.press(.character("c"))
        #expect(console.screen.contains("> 较大  serious（范围评估建议）"))
        console.press(.enter)
        #expect(console.journal.state.severity == .serious)
        #expect(console.journal.state.stepState("grade-incident") == .done)
        #expect(console.screen.contains("[x] 初步定级"))
    }

    @Test func withoutAScopeTheDialogOpensOnTheCurrentGrade() {
        let console = console(severity: .major)
        console.press(.character("c"))
        #expect(console.screen.contains("> 重大  major（当前）"))
    }

    // MARK: - The deadline pane

    @Test func theMostUrgentClockIsOnTopAndHiddenRowsAreCounted() throws {
        let console = console(size: Size(width: 80, height: 24), severity: .serious)
        // The initial report went out: its clock is met and the follow-up clock starts, so the
        // pane has more clocks than its three rows.
        console.journal.appendFromElsewhere([EventDraft(EventType.noticeSent, ["audience": "regulator", "channel": "网信办报送系统", "stage": "initial"])])
        console.program.refresh()
        let shown = console.program.model.console!.deadlines(now: console.clock.now())
        #expect(shown.count > 3, "more clocks than the pane's three rows")
        let running = shown.filter { $0.state == .running }
        #expect(shown.first?.deadline.id == running.min { $0.due < $1.due }?.deadline.id, "the least time left comes first")
        #expect(shown.last?.state == .met, "met clocks come last")
        #expect(console.screen.contains("时限 (\(shown.count)) ↓ \(shown.count - 3)"))

        // Scroll the pane to its last clock, then leave it: the top comes back into view.
        console.press(.tab, .tab)
        for _ in 0..<shown.count { console.press(.down) }
        #expect(console.screen.contains("↑ \(shown.count - 3)"))
        #expect(!console.screen.contains(shown[0].deadline.title.zh))
        console.press(.tab)
        #expect(console.screen.contains("时限 (\(shown.count)) ↓ \(shown.count - 3)"))
        #expect(console.screen.contains(shown[0].deadline.title.zh))
    }

    @Test func metClocksSortAfterRunningOnes() throws {
        let console = console(size: Size(width: 80, height: 24), severity: .serious)
        console.journal.appendFromElsewhere([EventDraft(EventType.stepCompleted, ["step": "notify-regulator"])])
        console.program.refresh()
        let shown = console.program.model.console!.deadlines(now: console.clock.now())
        #expect(shown.last?.deadline.id == "cac-report" && shown.last?.state == .met, "\(shown.map { ($0.deadline.id, $0.state) })")
        #expect(shown.dropLast().allSatisfy { $0.state == .running })
    }
}
