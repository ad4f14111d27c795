import CordonCore

/// A home folder in memory: incidents are `MemoryJournal`s on the fixture playbook, drills
/// declared from a scenario `MemoryDrillJournal`s.
public final class MemoryLibrary: IncidentLibrary {
    public private(set) var journals: [String: MemoryJournal] = [:]
    public private(set) var drills: [String: MemoryDrillJournal] = [:]
    public var playbook: Playbook
    public let clock: ManualClock
    public var scenarioList: [Scenario] = [Fixtures.scenario]
    public var programme: DrillProgramme?

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
        let states = journals.mapValues(\.state).merging(drills.mapValues(\.state)) { first, _ in first }
        return states.keys.sorted(by: >).filter { $0.hasPrefix(kind.rawValue) }.map { id in
            IncidentListing(id: id, state: states[id]!, phaseTitle: playbook.phase(states[id]!.phase)?.title)
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

    public func scenarios() -> [Scenario] { scenarioList }

    public func declareDrill(scenario: String, language: Language) throws -> DrillOpening {
        guard let found = scenarioList.first(where: { $0.id == scenario }) else {
            throw Refusal("unknown-scenario", zh: "没有场景“\(scenario)”。", en: "There is no scenario '\(scenario)'.")
        }
        let id = IncidentId(kind: .drill, on: clock.now(), number: drills.count + 1).description
        let drill = MemoryDrillJournal(scenario: found, playbook: playbook, wall: clock, id: id, title: found.title[language])
        drills[id] = drill
        return DrillOpening(journal: drill, scenario: found)
    }

    public func open(_ id: String) throws -> any IncidentJournal {
        if let drill = drills[id] { return drill }
        guard let journal = journals[id] else {
            throw Refusal("unknown-incident", zh: "没有事件 \(id)。", en: "There is no incident \(id).")
        }
        return journal
    }

    public func reviewSources() -> ReviewSources {
        let subjects = journals.values.map { ReviewSubject(state: $0.state, playbook: $0.playbook) }
            + drills.values.map { ReviewSubject(state: $0.state, playbook: $0.playbook, scenario: $0.drillScenario) }
        return ReviewSources(subjects: subjects, playbooks: [playbook], programme: programme)
    }
}
