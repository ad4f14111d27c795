import CordonCore

/// Moments as reports and notices print them: local wall-clock time at a chosen offset.
enum TimeText {
    /// `2026-11-29 09:30:12`
    static func seconds(_ moment: Timestamp, offset: Int32) -> String {
        let p = moment.shown(atOffset: offset).localParts
        return "\(pad(p.year, 4))-\(pad(p.month, 2))-\(pad(p.day, 2)) \(pad(p.hour, 2)):\(pad(p.minute, 2)):\(pad(p.second, 2))"
    }

    /// `2026-11-29 09:30 (UTC+08:00)`, or `2026-11-29 09:30（UTC+08:00）` in Chinese.
    static func minuteWithZone(_ moment: Timestamp, language: Language) -> String {
        let p = moment.localParts
        let clock = "\(pad(p.year, 4))-\(pad(p.month, 2))-\(pad(p.day, 2)) \(pad(p.hour, 2)):\(pad(p.minute, 2))"
        return language == .zh ? "\(clock)（\(zone(moment.offsetSeconds))）" : "\(clock) (\(zone(moment.offsetSeconds)))"
    }

    /// `UTC+08:00`
    static func zone(_ offset: Int32) -> String {
        let magnitude = Int(abs(offset))
        return "UTC" + (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
