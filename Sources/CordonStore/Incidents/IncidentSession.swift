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
    /// The seq the checkpoint in the folder covers (0 for none); a new one is written once
    /// `Checkpoint.interval` events lie beyond it.
    private(set) var checkpointSeq: Int
    /// The seq of the checkpoint this session started from, if it trusted one.
    let resumedFrom: Int?
    private let checkpointInterval: Int
    /// The frozen playbook's hash, which a checkpoint records.
    private let playbookSha256: String?

    /// Reads the journal from where it stands and folds every event onto `resumed` (the state a
    /// checkpoint gave for the lines before that), or onto the declaration when there is none.
    init(
        id: IncidentId, folder: String, playbook: Playbook, playbookSha256: String? = nil, journal: Journal, stamp: Stamp,
        keepEvents: Bool, resumed: IncidentState? = nil, checkpointInterval: Int = Checkpoint.interval
    ) throws(StoreError) {
        self.checkpointInterval = checkpointInterval
        self.id = id
        self.folder = folder
        self.playbook = playbook
        self.playbookSha256 = playbookSha256
        self.journal = journal
        self.stamp = stamp
        self.keepEvents = keepEvents
        checkpointSeq = resumed?.lastSeq ?? 0
        resumedFrom = resumed?.lastSeq
        var loaded: [Event] = []
        var folded = resumed
        var failure: IncidentState.FoldError?
        try journal.readNew { event in
            guard failure == nil else { return }
            if folded == nil {
                do throws(IncidentState.FoldError) {
                    folded = try IncidentState(declaration: event)
                } catch {
                    failure = error
                }
            } else {
                folded!.apply(event)
            }
            if keepEvents { loaded.append(event) }
        }
        if let failure {
            throw StoreError("timeline-damaged", zh: "\(id) 的时间线第 1 行不是事件声明：\(failure.reason)。未做任何更改。", en: "The first line of \(id)'s timeline is not a declaration: \(failure.reason). Nothing was changed.")
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
        checkpointIfDue()
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
        let result = try journal.append(stamp: stamp) { caughtUp in
            absorb(caughtUp)
            switch decide(state) {
            case .accept(let drafts): return (drafts, Refusal?.none)
            case .refuse(let refusal): return ([], refusal)
            }
        }
        if let refusal = result.answer { throw refusal }
        absorb(result.written)
        checkpointIfDue()
        return result.written
    }

    /// Writes a checkpoint of the state once `checkpointInterval` events lie beyond the last one, so the next
    /// command folds only what comes after it. Best effort (see `Checkpoint.write`).
    func checkpointIfDue() {
        guard let playbookSha256, state.lastSeq - checkpointSeq >= checkpointInterval, let anchor = journal.anchor(),
              anchor.position.seq == state.lastSeq
        else { return }
        Checkpoint(incident: id.description, playbookSha256: playbookSha256, position: anchor.position, lineOffset: anchor.lineOffset, prefix: anchor.prefix, state: state)
            .write(folder: folder)
        checkpointSeq = state.lastSeq
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
