import CordonCore
import Foundation

/// One incident opened from disk: its frozen playbook, its journal and the folded state.
///
/// Every write goes through `record`, which decides against the latest state under the
/// journal's exclusive lock, so two processes can never both act on a stale view.
public final class IncidentSession: IncidentJournal {
    public let id: IncidentId
    public let folder: String
    public let playbook: Playbook
    public private(set) var state: IncidentState
    public private(set) var events: [Event]
    public let journal: Journal
    /// Who writes, and by which clock.
    public var stamp: Stamp
    /// For a drill, the clock that stamps its events in drill time; it follows every event read
    /// or written, whoever wrote it.
    public let drillClock: DrillClock?
    private let keepEvents: Bool

    init(id: IncidentId, folder: String, playbook: Playbook, journal: Journal, stamp: Stamp, keepEvents: Bool) throws(StoreError) {
        self.id = id
        self.folder = folder
        self.playbook = playbook
        self.journal = journal
        self.stamp = stamp
        self.keepEvents = keepEvents
        var loaded: [Event] = []
        var folded: IncidentState?
        for event in try journal.readNew() {
            if folded == nil {
                do {
                    folded = try IncidentState(declaration: event)
                } catch {
                    throw StoreError("timeline-damaged", zh: "\(id) 的时间线第 1 行不是事件声明：\(error.reason)。未做任何更改。", en: "The first line of \(id)'s timeline is not a declaration: \(error.reason). Nothing was changed.")
                }
            } else {
                folded!.apply(event)
            }
            if keepEvents { loaded.append(event) }
        }
        guard let folded else {
            throw StoreError("timeline-empty", zh: "\(id) 的时间线为空：声明可能在写入时中断。未做任何更改。", en: "\(id)'s timeline is empty: its declaration was probably interrupted. Nothing was changed.")
        }
        state = folded
        events = loaded
        if folded.isDrill {
            let clock = DrillClock(wall: stamp.clock, following: folded)
            self.stamp.clock = clock
            drillClock = clock
        } else {
            drillClock = nil
        }
    }

    /// A torn last line seen but not yet moved aside (the next write moves it).
    public var tornTail: TornTail? { journal.tornTail }

    @discardableResult
    public func refresh() throws(StoreError) -> [Event] {
        let new = try journal.readNew()
        absorb(new)
        return new
    }

    @discardableResult
    public func perform(_ command: Command) throws -> [Event] {
        try record { state in IncidentRules.decide(command, state: state, playbook: self.playbook) }
    }

    /// The general write path: `decide` sees the state including everything other processes
    /// wrote, and answers with events to record or a refusal, which is thrown.
    @discardableResult
    public func record(_ decide: (IncidentState) -> Decision) throws -> [Event] {
        let result = try journal.append(stamp: stamp, keepEvents: true) { caughtUp in
            absorb(caughtUp)
            switch decide(state) {
            case .accept(let drafts): return (drafts, Refusal?.none)
            case .refuse(let refusal): return ([], refusal)
            }
        }
        if let refusal = result.answer { throw refusal }
        absorb(result.written)
        return result.written
    }

    private func absorb(_ new: [Event]) {
        for event in new {
            state.apply(event)
            if keepEvents { events.append(event) }
        }
        drillClock?.follow(state)
    }
}

extension StoreError: LocalizedFailure {}
