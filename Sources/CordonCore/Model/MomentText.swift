import Foundation

/// Moments as a responder types them, read at the UTC offset of `now`. For an existing incident
/// `now` is shown at the incident's offset (`IncidentState.local`), so that everyone typing
/// `09:30` means the same instant, whatever their own terminal's zone:
///
/// - `2026-11-29T09:30:00+08:00` (full ISO 8601, any offset)
/// - `2026-11-29 09:30` or `2026-11-29T09:30:15` (local date and time)
/// - `09:30` (today, local; yesterday if that would be in the future)
/// - `-90m`, `2h ago`, `1h30m前` (that long before now)
public enum MomentText {
    /// How far past `now` a time that has happened may lie: two machines' clocks rarely agree
    /// to the second.
    public static let allowedSkewSeconds = 60

    public static func parse(_ text: String, now: Timestamp) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (prefix, suffix) in [("-", ""), ("", "ago"), ("", "前")] where trimmed.hasPrefix(prefix) && trimmed.hasSuffix(suffix) {
            let span = trimmed.dropFirst(prefix.count).dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            if let seconds = DurationText.seconds(span) { return now.adding(seconds: -seconds) }
        }
        let offset = MomentFormat.isoOffset(now.offsetSeconds)
        if let full = Timestamp(iso8601: trimmed) { return full }
        if let local = Timestamp(iso8601: trimmed + offset) { return local }
        let today = MomentFormat(offsetSeconds: now.offsetSeconds).date(now) + "T"
        if trimmed.count <= 8, let clock = Timestamp(iso8601: today + trimmed + offset) {
            return clock > now ? clock.adding(seconds: -86_400) : clock
        }
        return nil
    }

    /// A time something happened (a step of the attacker's timeline, a detection), read like
    /// `parse` and refused, with a message that says at which offset it was read, when it cannot
    /// be read or lies in the future.
    public static func happened(_ text: String, now: Timestamp) throws(Refusal) -> Timestamp {
        let times = MomentFormat(offsetSeconds: now.offsetSeconds)
        guard let moment = parse(text, now: now) else {
            throw Refusal(
                "bad-time",
                zh: "无法识别时间“\(text)”；可写作 2026-11-29 09:30、09:30 或 \"2h ago\"（按 \(times.label) 理解）。",
                en: "'\(text)' is not a time; write 2026-11-29 09:30, 09:30 or \"2h ago\" (read at \(times.label)).")
        }
        try checkPast(moment, typed: text, now: now)
        return moment
    }

    /// Refuses `moment`, typed as `text`, when it lies later than `now` beyond `allowedSkewSeconds`.
    public static func checkPast(_ moment: Timestamp, typed text: String, now: Timestamp) throws(Refusal) {
        let times = MomentFormat(offsetSeconds: now.offsetSeconds)
        guard now.seconds(to: moment) <= allowedSkewSeconds else {
            throw Refusal(
                "time-in-future",
                zh: "“\(text)”即 \(times.minuteWithLabel(moment, language: .zh))，晚于现在（\(times.minute(now))）：已发生的事不会在将来。请检查日期和时间（按 \(times.label) 理解）；未记录任何内容。",
                en: "'\(text)' is \(times.minuteWithLabel(moment, language: .en)), later than now (\(times.minute(now))): what happened cannot be in the future. Check the date and time (read at \(times.label)); nothing was recorded.")
        }
    }
}
