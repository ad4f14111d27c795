/// Runs a drill over its journal: what the drill screens call, and what `cordon drill --headless`
/// drives from the command line. It keeps nothing of its own beyond the scenario: the plan, the
/// clock and the score live in the timeline, so a second console on the same drill sees the same drill.
///
///     let conductor = DrillConductor(journal: session, scenario: scenario)
///     try conductor.start(speed: 600, seed: 7)
///     // on every tick of the console:
///     for event in try conductor.tick() where event.type == EventType.injectDelivered { show(event) }
public final class DrillConductor {
    public let journal: any DrillJournal
    public let scenario: Scenario
    /// Tells this conductor's console apart from any other on the same drill, even one of the
    /// same login: the drill records which console conducts it.
    public let console: String

    public init(journal: any DrillJournal, scenario: Scenario, console: String = DrillConductor.newConsole()) {
        self.journal = journal
        self.scenario = scenario
        self.console = console
    }

    /// A fresh console id: random, so two consoles never take each other for the same one.
    public static func newConsole() -> String {
        String(UInt64.random(in: 1...UInt64.max), radix: 16)
    }

    /// Whether this console conducts the drill: it started it or took it over last, and nobody
    /// has taken it over since.
    public var isConducting: Bool { state.drill?.isConducted(from: console) ?? false }

    public var state: IncidentState { journal.state }
    public var playbook: Playbook { journal.playbook }
    public var clock: DrillClock { journal.drillClock }
    /// Drill time now.
    public var now: Timestamp { clock.now() }

    /// Starts the drill clock; the seed fixes when injects fall and which variants arrive.
    @discardableResult
    public func start(speed: Int, seed: Int) throws -> [Event] {
        try journal.record { state in DrillRules.start(scenario: scenario, seed: seed, speed: speed, state: state, playbook: playbook, wall: clock.wall.now(), console: console) }
    }

    /// Records whatever has fallen due (injects, the classifications they force, the end of the
    /// drill when its time is up) and returns it; empty, without touching the disk, when nothing is due.
    @discardableResult
    public func tick() throws -> [Event] {
        guard !DrillRules.due(scenario: scenario, state: state, playbook: playbook, now: now, wall: clock.wall.now(), console: console).isEmpty else { return [] }
        return try journal.record { state in
            .accept(DrillRules.due(scenario: scenario, state: state, playbook: playbook, now: clock.now(), wall: clock.wall.now(), console: console))
        }
    }

    @discardableResult
    public func perform(_ action: DrillClockAction) throws -> [Event] {
        try journal.record { state in DrillRules.clock(action, state: state, now: clock.now(), wall: clock.wall.now(), console: console) }
    }

    /// Takes the drill over from whoever conducted it; the clock is held until resumed.
    @discardableResult
    public func takeOver() throws -> [Event] {
        try journal.record { state in DrillRules.takeOver(console: console, state: state, now: clock.now(), wall: clock.wall.now()) }
    }

    /// Ends the drill, by the facilitator's choice unless `reason` says otherwise (a hang-up,
    /// a signal); the evaluation follows.
    @discardableResult
    public func end(_ reason: DrillEndReason = .facilitator) throws -> [Event] {
        try journal.record { state in
            DrillRules.end(reason, scenario: scenario, state: state, playbook: playbook, now: clock.now(), wall: clock.wall.now(), console: console)
        }
    }

    @discardableResult
    public func answer(inject: String, text: String) throws -> [Event] {
        try journal.record { state in DrillRules.answer(inject: inject, text: text, state: state, playbook: playbook) }
    }

    @discardableResult
    public func debrief(_ kind: DebriefKind, text: String) throws -> [Event] {
        try journal.record { state in DrillRules.debrief(kind, text: text, state: state, playbook: playbook) }
    }

    // MARK: - What the screens show

    public var evaluation: DrillEvaluation {
        DrillEvaluation.make(scenario: scenario, playbook: playbook, state: state, now: now)
    }

    public var banner: DrillBanner {
        DrillBanner.make(scenario: scenario, playbook: playbook, state: state, now: now)
    }

    /// The next planned inject and the drill time it falls due.
    public var nextInject: (entry: DrillPlan.Entry, due: Timestamp)? {
        guard let drill = state.drill, !drill.hasEnded, let entry = drill.upcoming.first else { return nil }
        return (entry, drill.startedAt.adding(seconds: entry.at))
    }

    /// The wall time at which the next inject or the end of the drill falls due, so a driver can
    /// wait exactly that long; `nil` while paused, before the start and after the end.
    public var nextWakeUp: Timestamp? {
        guard let drill = state.drill, !drill.hasEnded else { return nil }
        let end = drill.startedAt.adding(seconds: scenario.duration)
        return drill.clock.wallTime(whenDrillReaches: min(nextInject?.due ?? end, end))
    }
}
