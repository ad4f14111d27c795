import Foundation

/// Moments as a responder types them, read in the time zone of `now`:
///
/// - `2026-11-29T09:30:00+08:00` (full ISO 8601, any offset)
/// - `2026-11-29 09:30` or `2026-11-29T09:30:15` (local date and time)
/// - `09:30` (today, local; yesterday if that would be in the future)
/// - `-90m`, `2h ago`, `1h30m前` (that long before now)
public enum MomentText {
    public static func parse(_ text: String, now: Timestamp) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (prefix, suffix) in [("-", ""), ("", "ago"), ("", "前")] where trimmed.hasPrefix(prefix) && trimmed.hasSuffix(suffix) {
            let span = trimmed.dropFirst(prefix.count).dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            if let seconds = DurationText.seconds(span) { return now.adding(seconds: -seconds) }
        }
        if let full = Timestamp(iso8601: trimmed) { return full }
        if let local = Timestamp(iso8601: trimmed + offsetSuffix(now.offsetSeconds)) { return local }
        let parts = now.localParts
        let today = "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T"
        if trimmed.count <= 8, let clock = Timestamp(iso8601: today + trimmed + offsetSuffix(now.offsetSeconds)) {
            return clock > now ? clock.adding(seconds: -86_400) : clock
        }
        return nil
    }

    private static func offsetSuffix(_ offset: Int32) -> String {
        let magnitude = Int(abs(offset))
        return (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
