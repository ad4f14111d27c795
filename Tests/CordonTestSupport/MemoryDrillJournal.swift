import CordonCore
import Foundation

/// A drill held in memory: the same rules, fold and drill clock as a drill on disk, with a wall
/// clock moved by hand, so drill tests never sleep.
public final class MemoryDrillJournal: DrillJournal {
    public let playbook: Playbook
    public private(set) var state: IncidentState
    public private(set) var events: [Event]
    /// Real time, moved by hand; the drill clock runs on it.
    public let wall: ManualClock
    public let drillClock: DrillClock
    public var actor = "facilitator"
    /// The scenario it was declared from, as a drill on disk keeps it frozen beside its timeline.
    public var drillScenario: Scenario?

    public init(
        playbook: Playbook = Fixtures.playbook, severity: Severity? = nil, detectedBefore: Int = 0, wall: ManualClock = ManualClock(Fixtures.start),
        id: String = "DRL-20261129-001", title: String = "测试事件"
    ) {
        self.playbook = playbook
        self.wall = wall
        let first = Fixtures.declaration(
            id: id, title: title, severity: severity, at: wall.now(), detectedAt: wall.now().adding(seconds: -detectedBefore), playbook: playbook)
        events = [first]
        state = try! IncidentState(declaration: first)
        drillClock = DrillClock(wall: wall, following: state)
    }

    /// A drill declared from `scenario`'s starting situation, the way `cordon drill` declares one.
    public convenience init(
        scenario: Scenario, playbook: Playbook = Fixtures.playbook, wall: ManualClock = ManualClock(Fixtures.start),
        id: String = "DRL-20261129-001", title: String? = nil
    ) {
        self.init(
            playbook: playbook, severity: scenario.start.severity, detectedBefore: scenario.start.detectedBefore, wall: wall,
            id: id, title: title ?? "测试事件")
        drillScenario = scenario
    }

    public func refresh() throws -> [Event] { [] }

    @discardableResult
    public func perform(_ command: Command) throws -> [Event] {
        try record { state in IncidentRules.decide(command, state: state, playbook: self.playbook) }
    }

    @discardableResult
    public func record(_ decide: (IncidentState) -> Decision) throws -> [Event] {
        drillClock.follow(state)
        switch decide(state) {
        case .refuse(let refusal): throw refusal
        case .accept(let drafts):
            let now = drillClock.now()
            let written = drafts.enumerated().map { offset, draft in
                Event(seq: state.lastSeq + offset + 1, ts: now, actor: actor, type: draft.type, data: draft.data, prev: String(repeating: "f", count: 64))
            }
            for event in written {
                state.apply(event)
                events.append(event)
            }
            drillClock.follow(state)
            return written
        }
    }

    /// Moves real time on.
    public func advanceWall(millis: Int64) {
        wall.set(Timestamp(millis: wall.now().millis + millis, offsetSeconds: wall.now().offsetSeconds))
    }
}

extension MemoryDrillJournal {
    /// Moves real time on until the drill clock reads `offset` seconds from the start, ticking at
    /// every inject and at the end on the way, as a console's driver does. Stops early when the
    /// clock is paused or the drill ends.
    public func run(_ conductor: DrillConductor, toOffset offset: Int) throws {
        guard let start = state.drill?.startedAt else { return }
        let target = start.adding(seconds: offset)
        while conductor.now < target, let setting = drillClock.setting, setting.isRunning, state.drill?.hasEnded == false {
            let stop = setting.limit.map { min($0, target) } ?? target
            guard let wake = setting.wallTime(whenDrillReaches: stop) else { return }
            let before = (conductor.now, state.lastSeq)
            wall.set(max(wall.now(), wake))
            try conductor.tick()
            if (conductor.now, state.lastSeq) == before { return }
        }
    }
}
