import CordonCore

/// Times as the console shows them, in the offset each moment was recorded in.
enum TimeText {
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `13:05`
    static func clock(_ moment: Timestamp) -> String {
        let p = moment.localParts
        return "\(two(p.hour)):\(two(p.minute))"
    }

    /// `11-29 13:05`
    static func dayAndClock(_ moment: Timestamp) -> String {
        let p = moment.localParts
        return "\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute))"
    }

    /// `11-29 13:05:12`
    static func dayAndSeconds(_ moment: Timestamp) -> String {
        let p = moment.localParts
        return "\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute)):\(two(p.second))"
    }

    /// `2026-11-29 13:05:12 +08:00`
    static func full(_ moment: Timestamp) -> String {
        let p = moment.localParts
        let offset = Int(moment.offsetSeconds)
        let sign = offset < 0 ? "-" : "+"
        return "\(p.year)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute)):\(two(p.second)) \(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
    }
}
