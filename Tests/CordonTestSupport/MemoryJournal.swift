import CordonCore
import Foundation

/// An incident journal held in memory: the same rules and fold as the files, no disk.
/// Tests drive the console and the rules through it; `appendFromElsewhere` plays another
/// process writing to the same incident.
public final class MemoryJournal: IncidentJournal {
    public let playbook: Playbook
    public private(set) var state: IncidentState
    public private(set) var events: [Event]
    public let clock: ManualClock
    public var actor = "tester"
    private var pending: [Event] = []

    public init(
        playbook: Playbook = Fixtures.playbook, id: String = "INC-20261129-001", title: String = "测试事件",
        severity: Severity? = nil, clock: ManualClock = ManualClock(Fixtures.start)
    ) {
        self.playbook = playbook
        self.clock = clock
        let first = Fixtures.declaration(id: id, title: title, severity: severity, at: clock.now(), playbook: playbook)
        events = [first]
        state = try! IncidentState(declaration: first)
    }

    public func refresh() throws -> [Event] {
        let new = pending
        pending = []
        absorb(new)
        return new
    }

    @discardableResult
    public func perform(_ command: Command) throws -> [Event] {
        _ = try refresh()
        switch IncidentRules.decide(command, state: state, playbook: playbook) {
        case .refuse(let refusal): throw refusal
        case .accept(let drafts):
            let written = stamp(drafts)
            absorb(written)
            return written
        }
    }

    /// Events another writer appended; they arrive with the next `refresh`.
    public func appendFromElsewhere(_ drafts: [EventDraft], actor: String = "colleague") {
        let saved = self.actor
        self.actor = actor
        pending += stamp(drafts, after: (pending.last ?? events.last)!)
        self.actor = saved
    }

    private func stamp(_ drafts: [EventDraft], after last: Event? = nil) -> [Event] {
        let previous = last ?? events.last!
        return drafts.enumerated().map { offset, draft in
            Event(seq: previous.seq + offset + 1, ts: clock.now(), actor: actor, type: draft.type, data: draft.data, prev: String(repeating: "f", count: 64))
        }
    }

    private func absorb(_ new: [Event]) {
        for event in new {
            state.apply(event)
            events.append(event)
        }
    }
}
