import CordonCore
import CordonTestSupport
import Testing

@Suite struct ImprovementActionTests {
    let due = DueDate(iso: "2026-12-31")!

    @Test func anActionHasAnOwnerADueDateAndStartsOpen() throws {
        let journal = MemoryJournal()
        try journal.record(.addAction(ActionInput(title: "数据库审计告警接入值班", owner: "李明", due: due)))
        let action = try #require(journal.state.actions.first)
        #expect(action.id == "A1")
        #expect(action.status == .open)
        #expect(action.owner == "李明")
        #expect(action.due.description == "2026-12-31")
    }

    @Test func updatesChangeOnlyWhatTheyGiveAndAreKept() throws {
        let journal = MemoryJournal()
        try journal.record(.addAction(ActionInput(title: "启用双因素认证", owner: "李明", due: due)))
        try journal.record(.updateAction(ActionChange(id: "a1", status: .inProgress)))
        try journal.record(.updateAction(ActionChange(id: "A1", owner: "王芳", note: "李明调岗")))
        let action = journal.state.actions[0]
        #expect(action.status == .inProgress)
        #expect(action.owner == "王芳")
        #expect(action.updates.count == 2)
        #expect(action.updates[1].note == "李明调岗")
    }

    @Test func droppingNeedsAReasonAndNothingNewIsRefused() throws {
        let journal = MemoryJournal()
        try journal.record(.addAction(ActionInput(title: "x", owner: "李明", due: due)))
        #expect(journal.refusal(.updateAction(ActionChange(id: "A1", status: .dropped))) == "reason-required")
        #expect(journal.refusal(.updateAction(ActionChange(id: "A1", status: .open))) == "action-unchanged")
        #expect(journal.refusal(.updateAction(ActionChange(id: "A1", owner: "李明", due: due))) == "action-unchanged")
        #expect(journal.refusal(.updateAction(ActionChange(id: "A5", status: .done))) == "unknown-action")
        #expect(journal.refusal(.addAction(ActionInput(title: "y", owner: " ", due: due))) == "owner-required")
        #expect(journal.refusal(.addAction(ActionInput(title: "y", owner: "李明", due: due, finding: "F1"))) == "unknown-finding")
    }

    @Test func actionsOutliveTheIncident() throws {
        let journal = MemoryJournal()
        try journal.record(.addAction(ActionInput(title: "启用双因素认证", owner: "李明", due: due)))
        try journal.close()
        #expect(journal.refusal(.updateAction(ActionChange(id: "A1", status: .done))) == nil)
        #expect(journal.state.actions[0].status == .done)
        #expect(journal.refusal(.addAction(ActionInput(title: "新措施", owner: "李明", due: due))) == "incident-closed")
        #expect(journal.refusal(.assessScope(ScopeInput(people: 1, confidence: .low))) == "incident-closed")
        #expect(journal.refusal(.setNoticeFacts(NoticeFacts(cause: "x"))) == nil, "a notice owed after closing still needs its facts")
    }

    @Test func anActionIsOverdueFromTheDayAfterItsDueDateWhileOutstanding() throws {
        let journal = MemoryJournal()
        try journal.record(.addAction(ActionInput(title: "x", owner: "李明", due: due)))
        let action = journal.state.actions[0]
        #expect(!action.isOverdue(at: Timestamp(iso8601: "2026-12-31T23:59:00+08:00")!))
        #expect(action.isOverdue(at: Timestamp(iso8601: "2027-01-01T00:01:00+08:00")!))
        var done = action
        done.status = .done
        #expect(!done.isOverdue(at: Timestamp(iso8601: "2027-03-01T00:00:00+08:00")!))
    }

    @Test func dueDatesAreReadAsDaysOrAsDaysFromToday() {
        let now = Timestamp(iso8601: "2026-11-29T23:30:00+08:00")!
        #expect(DueDate(parsing: "2026-12-31", now: now)?.description == "2026-12-31")
        #expect(DueDate(parsing: "+30d", now: now)?.description == "2026-12-29")
        #expect(DueDate(parsing: "3d", now: now)?.description == "2026-12-02")
        #expect(DueDate(parsing: "2026-02-30", now: now) == nil)
        #expect(DueDate(parsing: "next week", now: now) == nil)
    }

    @Test func statusCountsOutstandingAndOverdueActions() throws {
        let journal = MemoryJournal()
        try journal.record(.addAction(ActionInput(title: "x", owner: "李明", due: DueDate(iso: "2026-11-20")!)))
        try journal.record(.addAction(ActionInput(title: "y", owner: "李明", due: due)))
        let status = StatusDocument.make(playbook: journal.playbook, state: journal.state, now: journal.clock.now())
        #expect(status.object?["actions"] == .object(["outstanding": 2, "overdue": 1]))
    }
}
