/// A calendar day by which something is due, as `2026-12-31`. An action is overdue from the
/// day after, on the incident's calendar: callers pass `now` at the incident's offset
/// (`IncidentState.local`), so responders in different zones agree on the day.
///
///     DueDate(parsing: "+30d", now: now)   // thirty days from today
///     DueDate(parsing: "2026-12-31", now: now)
public struct DueDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1970...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Timestamp.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-12-31`, or days from today in the time zone of `now` as `Spelling.days` reads them:
    /// `+30d`, `30d`, `+30天`.
    public init?(parsing text: String, now: Timestamp) {
        if let days = Spelling.days(text) {
            guard days <= 3650 else { return nil }
            self = DueDate.today(now).adding(days: days)
            return
        }
        self.init(iso: String(text.filter { !$0.isWhitespace }))
    }

    /// Exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The calendar day `now` falls on, where it was recorded.
    public static func today(_ now: Timestamp) -> DueDate {
        let parts = now.localParts
        return DueDate(year: parts.year, month: parts.month, day: parts.day)!
    }

    public func adding(days: Int) -> DueDate {
        let (year, month, day) = Timestamp.civil(fromDays: Int64(Timestamp.days(fromCivil: year, month, day) + days))
        return DueDate(year: year, month: month, day: day)!
    }

    /// Whole days from `self` to `other`.
    public func days(to other: DueDate) -> Int {
        Timestamp.days(fromCivil: other.year, other.month, other.day) - Timestamp.days(fromCivil: year, month, day)
    }

    public var description: String { MomentFormat.date(year: year, month: month, day: day) }

    public static func < (lhs: DueDate, rhs: DueDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = DueDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
