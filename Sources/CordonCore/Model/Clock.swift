import Foundation

/// Where the current time comes from. The domain never reads the system clock itself,
/// so every rule that depends on time is testable by moving a clock by hand.
public protocol Clock: Sendable {
    func now() -> Timestamp
}

/// The machine's clock, shown in the process's time zone.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Timestamp {
        Timestamp(date: Date(), timeZone: TimeZone.current)
    }
}

/// A clock that moves only when told to, for tests and for replaying recorded time.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Timestamp

    public init(_ start: Timestamp) {
        current = start
    }

    public func now() -> Timestamp {
        lock.withLock { current }
    }

    public func advance(seconds: Int) {
        lock.withLock { current = current.adding(seconds: seconds) }
    }

    public func set(_ moment: Timestamp) {
        lock.withLock { current = moment }
    }
}
