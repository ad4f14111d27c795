/// What a drill's keys ask for: the facilitator's hold on the drill clock, the injects, the
/// briefing and the end.
public enum DrillRequest: Sendable, Hashable {
    case toggleClock
    case nextInject
    case faster
    case slower
    case injects
    case briefing
    case end
    /// Conduct from here a drill another console conducted (one that crashed or lost its line).
    case takeOver
    /// Whether an inject on screen holds the drill clock (the facilitator's choice; on by default).
    case toggleInjectHold
}
