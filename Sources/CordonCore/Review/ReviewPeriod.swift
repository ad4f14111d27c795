/// The calendar days a review covers, both ends included. A moment belongs to the period when
/// the day it fell on, at the offset it was recorded with, lies inside.
public struct ReviewPeriod: Sendable, Hashable {
    public var since: DueDate
    public var until: DueDate

    public init(since: DueDate, until: DueDate) {
        self.since = since
        self.until = until
    }

    /// The year up to and including `today`.
    public static func year(endingOn today: DueDate) -> ReviewPeriod {
        ReviewPeriod(since: today.adding(days: -364), until: today)
    }

    public func contains(_ moment: Timestamp) -> Bool {
        contains(DueDate.today(moment))
    }

    public func contains(_ day: DueDate) -> Bool {
        since <= day && day <= until
    }

    /// `2025-12-05 – 2026-12-04`.
    public var description: String { "\(since) – \(until)" }
}
