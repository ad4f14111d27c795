import Foundation

/// The clock a drill runs on: wall time from an injected clock, sped up, paused and moved forward
/// as the drill's timeline says. It stamps every event of the drill, so the one fold, the deadline
/// clocks and replay all see drill time and need nothing drill-specific.
///
/// Like swift-nio's `EmbeddedEventLoop`, it moves only when its wall clock does: tests inject a
/// `ManualClock` and advance it by hand.
///
///     let clock = DrillClock(wall: ManualClock(start))
///     clock.follow(state)      // after every fold
///     clock.now()              // drill time
public final class DrillClock: Clock, @unchecked Sendable {
    /// The real time underneath.
    public let wall: any Clock
    private let lock = NSLock()
    private var current: DrillClockSetting?

    public init(wall: any Clock, following state: IncidentState? = nil) {
        self.wall = wall
        current = state?.drill?.clock
    }

    /// Takes the clock setting from the folded state; call it after every fold.
    public func follow(_ state: IncidentState) {
        lock.withLock { current = state.drill?.clock }
    }

    /// The setting followed, or `nil` before the drill has started (the clock then shows wall time).
    public var setting: DrillClockSetting? { lock.withLock { current } }

    public func now() -> Timestamp {
        let wallNow = wall.now()
        return setting?.drillTime(atWall: wallNow) ?? wallNow
    }
}
