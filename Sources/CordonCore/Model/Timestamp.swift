import Foundation

/// A moment with the UTC offset it was recorded in, to the millisecond.
///
/// Timeline lines carry local time with its offset (`2026-11-29T13:05:12.345+08:00`) so that a
/// responder reads the hour they lived through, while comparisons use the absolute instant.
/// Parsing and formatting are hand-written for the one fixed shape: a 100,000-line timeline is
/// read on every open, and Foundation's ISO 8601 formatter costs more than the rest of the parse.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millis: Int64
    /// The offset from UTC, in seconds, that the moment is shown in.
    public var offsetSeconds: Int32

    public init(millis: Int64, offsetSeconds: Int32 = 0) {
        self.millis = millis
        self.offsetSeconds = offsetSeconds
    }

    public init(date: Date, timeZone: TimeZone) {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        self.init(millis: millis, offsetSeconds: Int32(timeZone.secondsFromGMT(for: date)))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.millis < rhs.millis }

    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millis == rhs.millis && lhs.offsetSeconds == rhs.offsetSeconds
    }

    /// The first and last instants a timestamp can show: years 0001 to 9999.
    public static let representable: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    /// The same instant moved by `seconds`, held within `representable` so that a hostile
    /// number in a timeline can never overflow.
    public func adding(seconds: Int) -> Timestamp {
        let (delta, overflowed) = Int64(seconds).multipliedReportingOverflow(by: 1000)
        let (sum, overflowedAgain) = millis.addingReportingOverflow(delta)
        let moved = overflowed || overflowedAgain ? (seconds < 0 ? Int64.min : Int64.max) : sum
        return Timestamp(millis: min(max(moved, Self.representable.lowerBound), Self.representable.upperBound), offsetSeconds: offsetSeconds)
    }

    /// Whole seconds from `self` to `later` (negative when `later` is earlier).
    public func seconds(to later: Timestamp) -> Int {
        Int((later.millis - millis).floorDiv(1000))
    }

    /// The same instant shown at another offset.
    public func shown(atOffset offset: Int32) -> Timestamp {
        Timestamp(millis: millis, offsetSeconds: offset)
    }

    public var description: String { iso8601 }

    /// As its ISO 8601 text, which keeps the offset: one string, cheap to read back when a
    /// checkpoint of an incident's state is loaded. A moment that text cannot carry exactly (an
    /// offset with seconds, a year beyond four digits) is written `millis@offsetSeconds`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let parsed = Timestamp(iso8601: text) {
            self = parsed
            return
        }
        // Only moments a timeline line can hold: a checkpoint is a file anyone could have edited,
        // and a moment outside these bounds would trap the arithmetic that reads it.
        let parts = text.split(separator: "@")
        guard parts.count == 2, let millis = Int64(parts[0]), let offset = Int32(parts[1]),
              Self.representable.contains(millis), abs(offset) <= 18 * 3600
        else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a time")
        }
        self.init(millis: millis, offsetSeconds: offset)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let text = iso8601
        try container.encode(Timestamp(iso8601: text) == self ? text : "\(millis)@\(offsetSeconds)")
    }

    // MARK: - Formatting

    /// `2026-11-29T13:05:12.345+08:00`
    public var iso8601: String {
        let local = millis + Int64(offsetSeconds) * 1000
        let days = local.floorDiv(86_400_000)
        let msOfDay = local - days * 86_400_000
        let (year, month, day) = Timestamp.civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(29)
        out.appendDigits(year, count: 4)
        out.append(UInt8(ascii: "-"))
        out.appendDigits(month, count: 2)
        out.append(UInt8(ascii: "-"))
        out.appendDigits(day, count: 2)
        out.append(UInt8(ascii: "T"))
        out.appendDigits(Int(msOfDay / 3_600_000), count: 2)
        out.append(UInt8(ascii: ":"))
        out.appendDigits(Int(msOfDay / 60_000 % 60), count: 2)
        out.append(UInt8(ascii: ":"))
        out.appendDigits(Int(msOfDay / 1000 % 60), count: 2)
        out.append(UInt8(ascii: "."))
        out.appendDigits(Int(msOfDay % 1000), count: 3)
        if offsetSeconds == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            out.append(UInt8(ascii: offsetSeconds < 0 ? "-" : "+"))
            let magnitude = Int(abs(offsetSeconds))
            out.appendDigits(magnitude / 3600, count: 2)
            out.append(UInt8(ascii: ":"))
            out.appendDigits(magnitude / 60 % 60, count: 2)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Local wall-clock parts of the moment, for display: (year, month, day, hour, minute, second).
    public var localParts: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = millis + Int64(offsetSeconds) * 1000
        let days = local.floorDiv(86_400_000)
        let msOfDay = Int(local - days * 86_400_000)
        let (year, month, day) = Timestamp.civil(fromDays: days)
        return (year, month, day, msOfDay / 3_600_000, msOfDay / 60_000 % 60, msOfDay / 1000 % 60)
    }

    // MARK: - Parsing

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; a space may stand for the `T`.
    public init?(iso8601 text: String) {
        var text = text
        let parsed: Timestamp? = text.withUTF8 { Timestamp.parse($0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The fast path used by the journal reader: the bytes of a timestamp.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.digits(4), reader.expect("-"),
              let month = reader.digits(2), reader.expect("-"),
              let day = reader.digits(2), reader.expect("T") || reader.expect(" "),
              let hour = reader.digits(2), reader.expect(":"),
              let minute = reader.digits(2)
        else { return nil }
        var second = 0
        var millis = 0
        if reader.expect(":") {
            guard let s = reader.digits(2) else { return nil }
            second = s
            if reader.expect(".") {
                var scale = 100
                var count = 0
                while let digit = reader.digit() {
                    millis += digit * scale
                    scale /= 10
                    count += 1
                }
                guard count > 0 else { return nil }
            }
        }
        var offset = 0
        if reader.expect("Z") || reader.expect("z") {
            offset = 0
        } else if let sign = reader.sign() {
            guard let oh = reader.digits(2) else { return nil }
            _ = reader.expect(":")
            guard let om = reader.digits(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard reader.atEnd,
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = days(fromCivil: year, month, day)
        let local = Int64(days) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millis)
        return Timestamp(millis: local - Int64(offset) * 1000, offsetSeconds: Int32(offset))
    }

    // MARK: - Calendar arithmetic (Howard Hinnant's civil-days algorithms)

    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

private struct DigitReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    mutating func digit() -> Int? {
        guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - 0x30)
    }

    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let d = digit() else { return nil }
            value = value * 10 + d
        }
        return value
    }

    mutating func expect(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if expect("+") { return 1 }
        if expect("-") { return -1 }
        return nil
    }
}

extension Int64 {
    func floorDiv(_ divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}

extension [UInt8] {
    mutating func appendDigits(_ value: Int, count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
