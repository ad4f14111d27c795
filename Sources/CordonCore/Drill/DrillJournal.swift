/// The journal a drill runs on: the console's window onto the incident, plus the general write
/// path and the clock that stamps every event of the drill. `CordonStore`'s `DrillSession`
/// implements it over the timeline file; tests implement it in memory.
public protocol DrillJournal: IncidentJournal {
    /// Stamps every event this journal writes and follows the drill's clock events.
    var drillClock: DrillClock { get }

    /// Checks `decide`'s answer against the latest state and records its events durably.
    /// Implementations let `drillClock` follow the caught-up state before calling `decide`, so
    /// `drillClock.now()` read inside `decide` is the time the events are stamped with.
    /// Returns the events written, or throws the `Refusal`.
    @discardableResult
    func record(_ decide: (IncidentState) -> Decision) throws -> [Event]

    /// The scenario the drill is scored on, when it was declared from one.
    var drillScenario: Scenario? { get }
}

extension DrillJournal {
    public var drillScenario: Scenario? { nil }
}
