/// Moments as people read them, every one at the same UTC offset. An incident's times are all
/// shown at its declaration's offset (`IncidentState.times`), whoever wrote each event and
/// wherever they were, so that neighbouring rows never read 14:37 and 06:37 for minutes apart.
///
///     let times = MomentFormat(offsetSeconds: 8 * 3600)
///     times.minute(moment)     // "2026-11-29 09:30"
///     times.short(moment)      // "11-29 09:30"
///     times.label              // "UTC+08:00"
///
/// The timeline's wire format stays `Timestamp.iso8601`; this is for eyes only.
public struct MomentFormat: Sendable, Hashable {
    /// The offset from UTC, in seconds, that every moment is shown at.
    public var offsetSeconds: Int32

    public init(offsetSeconds: Int32) {
        self.offsetSeconds = offsetSeconds
    }

    /// `2026-11-29`
    public func date(_ moment: Timestamp) -> String {
        let p = parts(moment)
        return Self.date(year: p.year, month: p.month, day: p.day)
    }

    /// `2026年11月29日` / `29 November 2026`: the date as a letter to customers gives it.
    public func letterDate(_ moment: Timestamp, language: Language) -> String {
        let p = parts(moment)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return language == .zh ? "\(p.year)年\(p.month)月\(p.day)日" : "\(p.day) \(months[p.month - 1]) \(p.year)"
    }

    /// `2026-11-29 09:30`
    public func minute(_ moment: Timestamp) -> String {
        date(moment) + " " + clock(moment)
    }

    /// `2026-11-29 09:30:12`
    public func second(_ moment: Timestamp) -> String {
        minute(moment) + ":" + Self.digits(parts(moment).second, 2)
    }

    /// `09:30`, the time of day.
    public func clock(_ moment: Timestamp) -> String {
        let p = parts(moment)
        return Self.digits(p.hour, 2) + ":" + Self.digits(p.minute, 2)
    }

    /// `11-29 09:30`, where the year goes without saying.
    public func short(_ moment: Timestamp) -> String {
        let p = parts(moment)
        return Self.digits(p.month, 2) + "-" + Self.digits(p.day, 2) + " " + clock(moment)
    }

    /// `11-29 09:30:12`
    public func shortWithSeconds(_ moment: Timestamp) -> String {
        short(moment) + ":" + Self.digits(parts(moment).second, 2)
    }

    /// `UTC+08:00`: the offset every time here is shown at.
    public var label: String { Self.label(offsetSeconds) }

    /// `2026-11-29 09:30 (UTC+08:00)`, or `2026-11-29 09:30（UTC+08:00）` in Chinese: for a time
    /// that is read on its own, away from any header that names the offset.
    public func minuteWithLabel(_ moment: Timestamp, language: Language) -> String {
        language == .zh ? "\(minute(moment))（\(label)）" : "\(minute(moment)) (\(label))"
    }

    /// `2026-11-29 09:30:12 (UTC+08:00)`, or `2026-11-29 09:30:12（UTC+08:00）` in Chinese.
    public func secondWithLabel(_ moment: Timestamp, language: Language) -> String {
        language == .zh ? "\(second(moment))（\(label)）" : "\(second(moment)) (\(label))"
    }

    // MARK: - Offsets and calendar days

    /// `UTC+08:00`, `UTC-05:00`, `UTC+00:00`.
    public static func label(_ offset: Int32) -> String {
        "UTC" + isoOffset(offset)
    }

    /// `+08:00`, as ISO 8601 writes an offset.
    public static func isoOffset(_ offset: Int32) -> String {
        let magnitude = Int(offset.magnitude)
        return (offset < 0 ? "-" : "+") + digits(magnitude / 3600, 2) + ":" + digits(magnitude / 60 % 60, 2)
    }

    /// `2026-11-29`, or `20261129` with an empty separator.
    public static func date(year: Int, month: Int, day: Int, separator: String = "-") -> String {
        digits(year, 4) + separator + digits(month, 2) + separator + digits(day, 2)
    }

    /// `value` with leading zeros up to `width` digits: `digits(7, 2)` is `07`.
    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private func parts(_ moment: Timestamp) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        moment.shown(atOffset: offsetSeconds).localParts
    }
}
