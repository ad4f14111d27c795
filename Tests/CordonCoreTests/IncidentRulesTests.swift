import CordonCore
import CordonTestSupport
import Testing

@Suite("Phases, severity, roles, notes and notices")
struct IncidentRulesTests {
    // MARK: - Advancing

    @Test("a new incident starts in the first phase")
    func startsInFirstPhase() {
        #expect(MemoryJournal().state.phase == "containment")
    }

    @Test("advance is refused while a required step is open, and names it")
    func advanceRefusedWithOpenSteps() throws {
        let journal = MemoryJournal()
        try journal.perform(.step("isolate", .done))
        let refusal = IncidentRules.decide(.advance(), state: journal.state, playbook: journal.playbook).refusal
        #expect(refusal?.code == "required-steps-open")
        #expect(refusal?.message.en.contains("preserve") == true)
        #expect(refusal?.message.en.contains("isolate") == false)
        #expect(refusal?.message.en.contains("--force --reason") == true)
    }

    @Test("an optional open step does not hold the phase; done and skipped both settle")
    func advanceAfterRequiredSettled() throws {
        let journal = MemoryJournal()
        try journal.perform(.step("isolate", .done))
        try journal.perform(.step("preserve", .skip, reason: "日志已由云厂商保全"))
        let events = try journal.perform(.advance())
        #expect(events.map(\.type) == [EventType.phaseAdvanced])
        #expect(events[0].data.string("from") == "containment")
        #expect(events[0].data.string("to") == "notification")
        #expect(journal.state.phase == "notification")
    }

    @Test("a forced advance needs a reason and records it with the open steps")
    func forcedAdvance() throws {
        let journal = MemoryJournal()
        let withoutReason = IncidentRules.decide(.advance(force: true), state: journal.state, playbook: journal.playbook).refusal
        #expect(withoutReason?.code == "reason-required")

        let events = try journal.perform(.advance(force: true, reason: "监管要求先报告"))
        #expect(events[0].data.bool("forced") == true)
        #expect(events[0].data.string("reason") == "监管要求先报告")
        #expect(events[0].data["open_steps"] == ["isolate", "preserve"])
        #expect(journal.state.phaseHistory.last?.forced == true)
    }

    @Test("advancing past the last phase closes the incident, which then refuses work but takes notes and notices")
    func closing() throws {
        let journal = MemoryJournal()
        for _ in 0..<2 { try journal.perform(.advance(force: true, reason: "drill")) }
        #expect(journal.state.phase == "improvement")
        try journal.perform(.step("lessons", .done))
        let closing = try journal.perform(.advance())
        #expect(closing.map(\.type) == [EventType.closed])
        #expect(journal.state.isClosed)

        for command in [Command.step("isolate", .done), .advance(), .classify(.major), .assign(role: "legal", person: "李娜")] {
            #expect(IncidentRules.decide(command, state: journal.state, playbook: journal.playbook).refusal?.code == "incident-closed")
        }
        #expect(try journal.perform(.note("事后补记：客服热线关闭")).count == 1)
        let late = try journal.perform(.notify(audience: "regulator", channel: "邮件"))
        #expect(late.map(\.type) == [EventType.noticeSent], "after closing a notice is recorded but no step changes")
    }

    // MARK: - Severity and deadlines

    @Test("classify changes which deadlines run; the same severity again is refused")
    func classifyStartsDeadlines() throws {
        let journal = MemoryJournal()
        let now = journal.clock.now()
        #expect(DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: now).map(\.deadline.id) == ["contain"])

        journal.clock.advance(seconds: 600)
        try journal.perform(.classify(.serious, reason: "3 万名客户"))
        let board = DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now())
        #expect(board.map(\.deadline.id) == ["cac-report", "contain"])
        #expect(board[0].due == Fixtures.start.adding(seconds: 600 + 4 * 3600), "the CAC clock starts at grading")
        #expect(board[0].state == .running)

        #expect(IncidentRules.decide(.classify(.serious), state: journal.state, playbook: journal.playbook).refusal?.code == "same-severity")
    }

    @Test("regrading within the range keeps the clock; leaving and re-entering it restarts it")
    func classifiedAnchor() throws {
        let journal = MemoryJournal()
        try journal.perform(.classify(.serious))
        journal.clock.advance(seconds: 3600)
        try journal.perform(.classify(.major))
        var cac = DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "cac-report" }
        #expect(cac?.startedAt == Fixtures.start)

        try journal.perform(.classify(.general, reason: "误报范围"))
        cac = DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "cac-report" }
        #expect(cac == nil, "below serious the CAC deadline does not apply")

        journal.clock.advance(seconds: 60)
        try journal.perform(.classify(.serious))
        cac = DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "cac-report" }
        #expect(cac?.startedAt == Fixtures.start.adding(seconds: 3660))
    }

    @Test("a deadline is met by its step in time, missed when late or overdue, urgent in its last quarter")
    func deadlineStates() throws {
        let journal = MemoryJournal()
        func contain() -> DeadlineStatus {
            DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "contain" }!
        }
        journal.clock.advance(seconds: 40 * 60)
        #expect(contain().state == .running)
        #expect(!contain().isUrgent)
        journal.clock.advance(seconds: 6 * 60)
        #expect(contain().isUrgent, "14 of 60 minutes left is under a quarter")
        #expect(contain().remaining == 14 * 60)

        journal.clock.advance(seconds: 20 * 60)
        #expect(contain().state == .missed)
        #expect(contain().lateness == 6 * 60)

        try journal.perform(.step("isolate", .done))
        #expect(contain().state == .missed, "done after the due time is still missed")
        #expect(contain().metAt == journal.clock.now())
        #expect(contain().lateness == 6 * 60)

        let early = MemoryJournal()
        early.clock.advance(seconds: 59 * 60)
        try early.perform(.step("isolate", .done))
        early.clock.advance(seconds: 3600)
        let status = DeadlineBoard.evaluate(playbook: early.playbook, state: early.state, now: early.clock.now()).first { $0.deadline.id == "contain" }!
        #expect(status.state == .met)
        #expect(status.metAt == Fixtures.start.adding(seconds: 59 * 60))
    }

    @Test("recording a notice completes the step that sends it and so meets its deadline")
    func noticeMeetsDeadline() throws {
        let journal = MemoryJournal(severity: .serious)
        journal.clock.advance(seconds: 3 * 3600)
        let events = try journal.perform(.notify(audience: "regulator", channel: "网信办报送系统", reference: "粤网信〔2026〕17号"))
        #expect(events.map(\.type) == [EventType.noticeSent, EventType.stepCompleted])
        #expect(journal.state.stepState("notify-regulator") == .done)
        let cac = DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "cac-report" }
        #expect(cac?.state == .met)
        #expect(journal.state.notices.first?.reference == "粤网信〔2026〕17号")

        let unknown = IncidentRules.decide(.notify(audience: "press", channel: "x"), state: journal.state, playbook: journal.playbook).refusal
        #expect(unknown?.code == "unknown-audience")
        #expect(unknown?.message.en.contains("regulator") == true)
        let noChannel = IncidentRules.decide(.notify(audience: "regulator", channel: " "), state: journal.state, playbook: journal.playbook).refusal
        #expect(noChannel?.code == "channel-required")
    }

    @Test("skipping the step that meets a deadline takes that clock off the board; reopening puts it back")
    func skippedDeadline() throws {
        let journal = MemoryJournal(severity: .serious)
        func ids() -> [String] {
            DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).map(\.deadline.id)
        }
        #expect(ids() == ["cac-report", "contain"])
        try journal.perform(.step("notify-regulator", .skip, reason: "经法务确认不适用"))
        #expect(ids() == ["contain"])
        try journal.perform(.step("notify-regulator", .reopen))
        #expect(ids() == ["cac-report", "contain"])
    }

    @Test("a notice sent meets its deadline even when the incident is closed first or the step reopened")
    func noticeAfterClosing() throws {
        let journal = MemoryJournal(severity: .serious)
        for _ in 0..<3 { try journal.perform(.advance(force: true, reason: "演示")) }
        #expect(journal.state.isClosed)
        journal.clock.advance(seconds: 3600)
        try journal.perform(.notify(audience: "regulator", channel: "邮件"))
        func cac() -> DeadlineStatus? {
            DeadlineBoard.evaluate(playbook: journal.playbook, state: journal.state, now: journal.clock.now()).first { $0.deadline.id == "cac-report" }
        }
        #expect(cac()?.state == .met)
        #expect(cac()?.metAt == Fixtures.start.adding(seconds: 3600))

        let reopened = MemoryJournal(severity: .serious)
        try reopened.perform(.notify(audience: "regulator", channel: "报送系统"))
        try reopened.perform(.step("notify-regulator", .reopen, reason: "需补充报告"))
        reopened.clock.advance(seconds: 5 * 3600)
        let status = DeadlineBoard.evaluate(playbook: reopened.playbook, state: reopened.state, now: reopened.clock.now()).first { $0.deadline.id == "cac-report" }
        #expect(status?.state == .met, "the report went out in time; reopening the step does not unsend it")

        // The timeline names the audience as a person says it, not by its playbook id.
        let sent = try #require(reopened.events.first { $0.type == EventType.noticeSent })
        #expect(EventText.summary(sent, playbook: reopened.playbook, language: .zh) == "已通报网信部门 · 报送系统")
        #expect(EventText.summary(sent, playbook: reopened.playbook, language: .en) == "notice sent to the cyberspace regulator · 报送系统")
    }

    // MARK: - Roles and notes

    @Test("assigning needs a known role and a name; reassigning replaces")
    func assign() throws {
        let journal = MemoryJournal()
        #expect(IncidentRules.decide(.assign(role: "cmdr", person: "王磊"), state: journal.state, playbook: journal.playbook).refusal?.code == "unknown-role")
        #expect(IncidentRules.decide(.assign(role: "legal", person: " "), state: journal.state, playbook: journal.playbook).refusal?.code == "empty-person")
        try journal.perform(.assign(role: "legal", person: "李娜"))
        #expect(IncidentRules.decide(.assign(role: "legal", person: "李娜"), state: journal.state, playbook: journal.playbook).refusal?.code == "already-assigned")
        try journal.perform(.assign(role: "legal", person: "赵敏"))
        #expect(journal.state.assignments["legal"] == "赵敏")
    }

    @Test("notes keep their text exactly, refuse empty and oversized text")
    func notes() throws {
        let journal = MemoryJournal()
        let text = "已联系数据室供应商（Intralinks）关闭下载 👍 e\u{301}"
        let events = try journal.perform(.note(text))
        #expect(events[0].data.string("text") == text)
        #expect(journal.state.noteCount == 1)
        #expect(IncidentRules.decide(.note(" \n\t"), state: journal.state, playbook: journal.playbook).refusal?.code == "empty-note")
        let long = String(repeating: "长", count: IncidentRules.maximumTextLength + 1)
        #expect(IncidentRules.decide(.note(long), state: journal.state, playbook: journal.playbook).refusal?.code == "text-too-long")
    }
}
