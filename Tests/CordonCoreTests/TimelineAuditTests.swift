import CordonCore
import CordonTestSupport
import Testing

/// `TimelineAudit` asks the rules again about each event where it stands: what the rules let
/// in passes, what they would have refused is named by its line.
@Suite("Timeline audit")
struct TimelineAuditTests {
    /// The objections to `events`, folded from the first.
    func objections(_ events: [Event], playbook: Playbook = Fixtures.playbook) -> [Objection] {
        var audit = TimelineAudit(playbook: playbook)
        var state: IncidentState?
        var found: [Objection] = []
        for event in events {
            if let objection = audit.check(event, before: state) { found.append(objection) }
            if state == nil { state = try? IncidentState(declaration: event) } else { state?.apply(event) }
        }
        return found
    }

    @Test("a history the rules wrote passes: forced advances, notices completing their steps, notes after closing")
    func rulesWrittenHistoryPasses() throws {
        let journal = MemoryJournal(severity: .serious)
        try journal.perform(.step("isolate", .done))
        try journal.perform(.advance(force: true, reason: "监管要求先报告"))
        journal.clock.advance(seconds: 60)
        try journal.perform(.notify(audience: "regulator", channel: "网信办报送系统"))
        try journal.perform(.step("isolate", .reopen, reason: "复查"))
        try journal.perform(.step("isolate", .done))
        try journal.perform(.classify(.major, reason: "人数增加"))
        while !journal.state.isClosed { try journal.perform(.advance(force: true, reason: "演示")) }
        try journal.perform(.note("关闭之后"))
        try journal.perform(.notify(audience: "regulator", channel: "补充报告"))
        #expect(journal.events.contains { $0.data.string("via") == EventType.noticeSent })
        #expect(objections(journal.events) == [])
    }

    @Test("what the rules refuse is named by its line and the rule's own code")
    func refusedEventsAreNamed() throws {
        let journal = MemoryJournal(severity: .serious)
        try journal.perform(.step("isolate", .done))
        var events = journal.events
        let last = events.last!
        func line(_ type: String, _ data: JSONObject) -> Event {
            Event(seq: events.count + 1, ts: last.ts, actor: "mallory", type: type, data: data, prev: last.prev)
        }
        events.append(line(EventType.stepCompleted, ["step": "isolate"]))
        events.append(line(EventType.phaseAdvanced, ["from": "containment", "to": "notification"]))
        events.append(line(EventType.stepCompleted, ["step": "notify-regulator", "via": "notice.sent"]))
        events.append(line(EventType.classified, ["severity": "serious"]))
        #expect(objections(events).map(\.code) == ["step-settled", "required-steps-open", "same-severity"])
        #expect(objections(events).map(\.seq) == [3, 4, 6])
    }

    @Test("after closing, a finding added is named; an action update, a hand-over and a note are not")
    func recordsAfterClosing() throws {
        let journal = MemoryJournal()
        try journal.perform(.record(.addEvidence(EvidenceInput(description: "堡垒机日志", custodian: "安全组"))))
        try journal.perform(.record(.addAction(ActionInput(title: "启用双因素认证", owner: "李明", due: DueDate(year: 2026, month: 12, day: 31)!))))
        while !journal.state.isClosed { try journal.perform(.advance(force: true, reason: "演示")) }
        try journal.perform(.record(.updateAction(ActionChange(id: "A1", status: .done))))
        try journal.perform(.record(.transferEvidence(id: "E1", to: "法务", reason: "送鉴定")))
        try journal.perform(.note("关闭之后"))
        #expect(objections(journal.events) == [])
        var events = journal.events
        let last = events.last!
        events.append(Event(seq: last.seq + 1, ts: last.ts, actor: "mallory", type: EventType.findingAdded, data: ["id": "F1", "kind": "root-cause", "text": "事后补写"], prev: last.prev))
        #expect(objections(events).map(\.code) == ["incident-closed"])
        #expect(objections(events).map(\.seq) == [last.seq + 1])
    }

    @Test("a finding withdrawn twice is named at the second withdrawal")
    func withdrawnTwice() throws {
        let journal = MemoryJournal()
        try journal.perform(.record(.addFinding(FindingInput(kind: .rootCause, text: "共享账号"))))
        try journal.perform(.record(.withdrawFinding(id: "F1", reason: "证据不足")))
        #expect(objections(journal.events) == [])
        var events = journal.events
        let last = events.last!
        events.append(Event(seq: last.seq + 1, ts: last.ts, actor: "mallory", type: EventType.findingWithdrawn, data: ["finding": "F1", "reason": "再撤一次"], prev: last.prev))
        #expect(objections(events).map(\.code) == ["finding-withdrawn"])
    }

    @Test("a line dated before the one it follows, and a detection after the declaration, are named")
    func timesAreChecked() throws {
        let journal = MemoryJournal()
        try journal.perform(.note("一"))
        var events = journal.events
        events[1].ts = events[0].ts.adding(seconds: -1)
        #expect(objections(events).map(\.code) == ["time-backwards"])
        #expect(objections(events).first?.message.en.contains("line 2 is dated") == true)
        events[0].data["detected_at"] = .string(events[0].ts.adding(seconds: 3_600).iso8601)
        events[1].ts = events[0].ts
        #expect(objections(events).map(\.code) == ["detected-after-declared"])
    }
}
