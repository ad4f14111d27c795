import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// The legal clocks of the bundled playbooks on an injected clock: the CAC's four hours run
/// from discovery, whenever the grading is written down.
@Suite("Legal clocks of the bundled playbooks")
struct LegalClockTests {
    static let piLeak = try! PlaybookLoader.load(path: Fixtures.bundledPlaybookPath).playbook
    /// 2026-11-28 22:40 in Beijing: the leak is discovered and declared.
    static let detected = Timestamp(iso8601: "2026-11-28T22:40:00.000+08:00")!

    func incident() -> MemoryJournal {
        MemoryJournal(playbook: Self.piLeak, clock: ManualClock(Self.detected))
    }

    func cac(_ journal: MemoryJournal) -> DeadlineStatus? {
        DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "cac-report" }
    }

    // MARK: - Anchored at detection

    @Test("every bundled playbook anchors the CAC report at detection")
    func everyPlaybookAnchorsAtDetection() throws {
        let folder = Fixtures.repository + "/playbooks"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 4)
        for file in files {
            let playbook = try PlaybookLoader.load(path: folder + "/" + file).playbook
            let cac = try #require(playbook.deadline("cac-report"), "\(file)")
            #expect(cac.anchor == .detected, "\(file)")
            #expect(cac.within == 4 * 3600, "\(file)")
        }
    }

    @Test("detected at 22:40 and graded at 10:13 the next day, the CAC report is already missed, and reporting at 10:20 does not make it met")
    func gradedTheNextMorning() throws {
        let journal = incident()
        journal.clock.advance(seconds: 11 * 3600 + 33 * 60)
        try journal.perform(.classify(.serious, reason: "敏感信息 3.1 万人"))
        let graded = try #require(cac(journal))
        #expect(graded.state == .missed)
        #expect(graded.startedAt == Self.detected)
        #expect(graded.due == Timestamp(iso8601: "2026-11-29T02:40:00.000+08:00"))
        #expect(graded.lateness == 7 * 3600 + 33 * 60)

        journal.clock.advance(seconds: 7 * 60)
        try journal.perform(.step("notify-regulator", .done))
        let reported = try #require(cac(journal))
        #expect(reported.state == .missed, "met late is still missed")
        #expect(reported.lateness == 7 * 3600 + 40 * 60)
    }

    // MARK: - Before grading

    @Test("before grading, the CAC clock that will apply if graded 较大 or above is already counting down")
    func ifGradedBeforeGrading() throws {
        let journal = incident()
        journal.clock.advance(seconds: 2 * 3600 + 48 * 60)
        let now = journal.clock.now()
        #expect(cac(journal) == nil, "it does not apply yet")
        let ifGraded = DeadlineBoard.ifGraded(playbook: journal.playbook, state: journal.state, now: now)
        let pending = try #require(ifGraded.first { $0.deadline.id == "cac-report" })
        #expect(pending.ifGradedAtLeast == .serious)
        #expect(pending.remaining == 3600 + 12 * 60, "若定为较大及以上：剩余 1:12:00")
        #expect(!ifGraded.contains { $0.deadline.anchor == .classified }, "a clock that starts at grading has all its time ahead")
        #expect(DeadlineBoard.mostUrgent(playbook: journal.playbook, state: journal.state, now: now)?.deadline.id == "cac-report")

        try journal.perform(.classify(.serious))
        #expect(DeadlineBoard.ifGraded(playbook: journal.playbook, state: journal.state, now: now).isEmpty)
        #expect(cac(journal)?.due == pending.due, "grading changes nothing about when it is due")
        #expect(cac(journal)?.ifGradedAtLeast == nil)
    }

    @Test("graded 一般, the CAC clock neither applies nor is shown as pending")
    func gradedGeneral() throws {
        let journal = incident()
        try journal.perform(.classify(.general))
        #expect(cac(journal) == nil)
        #expect(DeadlineBoard.ifGraded(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).isEmpty)
    }

    // MARK: - The grading step

    @Test("grading completes the 初步定级 step in the same append, once")
    func gradingCompletesItsStep() throws {
        let journal = incident()
        let events = try journal.perform(.classify(.serious))
        #expect(events.map(\.type) == [EventType.classified, EventType.stepCompleted])
        #expect(journal.state.stepState("grade-incident") == .done)
        #expect(EventText.summary(events[1], playbook: journal.playbook, language: .zh) == "完成 初步定级（随定级完成）")

        let regraded = try journal.perform(.classify(.major))
        #expect(regraded.map(\.type) == [EventType.classified], "a step already done is left alone")
    }

    @Test("a playbook may mark only one step as done by grading")
    func oneGradingStep() throws {
        var playbook = Self.piLeak
        playbook.phases[0].steps[0].doneByGrading = true
        let issues = PlaybookRules.issues(in: playbook)
        #expect(issues.contains { $0.message.contains("only one step may be done by grading") })
    }
}
