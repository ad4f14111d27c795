/// How drill time relates to wall time from some moment on: at wall time `wallAt` the drill clock
/// read `drillAt`, and since then it has run at `speed` times wall time, or stood still.
///
/// The clock never runs past `limit`, the next inject or the end of the drill: it waits there
/// until the inject is delivered (or the end recorded), which moves `wallAt` and `drillAt` on. So
/// every inject falls at exactly its planned drill time however late the driver ticks, and a
/// drill nobody is driving stands still instead of running past its injects.
///
/// The timeline records every change (`drill.started`, `drill.clock`, `inject.delivered`,
/// `drill.ended`), so any process that folds it, a second console or `cordon note` from another
/// terminal, reads the same drill time.
public struct DrillClockSetting: Sendable, Hashable, Codable {
    public var wallAt: Timestamp
    public var drillAt: Timestamp
    public var speed: Int
    public var isRunning: Bool
    /// Where the clock waits: the next inject or the end of the drill.
    public var limit: Timestamp?

    public init(wallAt: Timestamp, drillAt: Timestamp, speed: Int, isRunning: Bool, limit: Timestamp? = nil) {
        self.wallAt = wallAt
        self.drillAt = drillAt
        self.speed = speed
        self.isRunning = isRunning
        self.limit = limit
    }

    /// Drill time at wall time `wall`. A wall clock that stepped back does not move the drill back.
    public func drillTime(atWall wall: Timestamp) -> Timestamp {
        guard isRunning else { return drillAt }
        let elapsed = max(0, wall.millis - wallAt.millis)
        // Saturating, so no stored speed or wall time can trap: the result is then clamped anyway.
        let (scaled, overflowed) = elapsed.multipliedReportingOverflow(by: Int64(max(1, speed)))
        let (sum, overflowedAgain) = drillAt.millis.addingReportingOverflow(scaled)
        var millis = overflowed || overflowedAgain ? Timestamp.representable.upperBound : min(sum, Timestamp.representable.upperBound)
        if let limit { millis = max(drillAt.millis, min(millis, limit.millis)) }
        return Timestamp(millis: millis, offsetSeconds: drillAt.offsetSeconds)
    }

    /// The wall time at which the drill clock reaches `target`, or `nil` while it stands still.
    /// What a driver waits for instead of polling.
    public func wallTime(whenDrillReaches target: Timestamp) -> Timestamp? {
        guard isRunning else { return nil }
        let ahead = max(0, target.millis - drillAt.millis)
        let speed = Int64(max(1, speed))
        let wall = wallAt.millis + (ahead + speed - 1) / speed
        return Timestamp(millis: wall, offsetSeconds: wallAt.offsetSeconds)
    }
}
