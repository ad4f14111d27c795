import CordonCore

/// A home folder in memory: incidents are `MemoryJournal`s on the fixture playbook.
public final class MemoryLibrary: IncidentLibrary {
    public private(set) var journals: [String: MemoryJournal] = [:]
    public var playbook: Playbook
    public let clock: ManualClock

    public init(playbook: Playbook = Fixtures.playbook, clock: ManualClock = ManualClock(Fixtures.start)) {
        self.playbook = playbook
        self.clock = clock
    }

    /// Adds an incident as if declared earlier; returns its journal.
    @discardableResult
    public func add(id: String, title: String, severity: Severity? = nil) -> MemoryJournal {
        let journal = MemoryJournal(playbook: playbook, id: id, title: title, severity: severity, clock: clock)
        journals[id] = journal
        return journal
    }

    public func incidents(kind: IncidentId.Kind) -> [IncidentListing] {
        journals.keys.sorted(by: >).filter { $0.hasPrefix(kind.rawValue) }.map { id in
            let state = journals[id]!.state
            return IncidentListing(id: id, state: state, phaseTitle: playbook.phase(state.phase)?.title)
        }
    }

    public func playbooks() -> [PlaybookListing] {
        [PlaybookListing(id: playbook.id, version: playbook.version, title: playbook.title)]
    }

    public func declare(_ request: DeclareRequest) throws -> any IncidentJournal {
        guard request.playbook == playbook.id else {
            throw Refusal("unknown-playbook", zh: "没有剧本“\(request.playbook)”。", en: "There is no playbook '\(request.playbook)'.")
        }
        let prefix = "\(request.kind.rawValue)-\(IncidentId(kind: request.kind, on: clock.now(), number: 1).date)-"
        let number = journals.keys.filter { $0.hasPrefix(prefix) }.count + 1
        let id = IncidentId(kind: request.kind, on: clock.now(), number: number).description
        return add(id: id, title: request.title, severity: request.severity)
    }

    public func open(_ id: String) throws -> any IncidentJournal {
        guard let journal = journals[id] else {
            throw Refusal("unknown-incident", zh: "没有事件 \(id)。", en: "There is no incident \(id).")
        }
        return journal
    }
}
