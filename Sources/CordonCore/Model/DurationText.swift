/// Durations as playbooks write them (`90s`, `30m`, `4h`, `3d`, `1h30m`) and as clocks show them.
public enum DurationText {
    /// Seconds in `text`, or `nil` when it is not a positive duration; read by `Spelling.span`,
    /// so a playbook may also write `4小时`.
    public static func seconds(_ text: String) -> Int? {
        Spelling.span(text)
    }

    /// The shortest playbook-style text for `seconds`: `4h`, `1h30m`, `45s`.
    public static func format(_ seconds: Int) -> String {
        guard seconds > 0 else { return "0s" }
        var rest = seconds
        var out = ""
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
            out += "\(rest / size)\(unit)"
            rest %= size
        }
        return out
    }

    /// Time on a drill or replay clock, hours always shown so minutes are never read as hours:
    /// `0:06:12`, `4:30:00`, `2d 04:00:00` (`2天 04:00:00` in Chinese).
    public static func elapsed(_ seconds: Int, language: Language = .en) -> String {
        guard abs(seconds) < 3600 else { return clock(seconds, language: language) }
        let magnitude = abs(seconds)
        return (seconds < 0 ? "-" : "") + "0:\(two(magnitude / 60)):\(two(magnitude % 60))"
    }

    /// A span as a sentence says it: `1 小时 30 分钟` / `1 h 30 min`, for text a person reads
    /// rather than a playbook value (`format`) or a ticking clock (`clock`).
    public static func spoken(_ seconds: Int, language: Language) -> String {
        guard seconds > 0 else { return language == .zh ? "0 分钟" : "0 min" }
        let units: [(Int, String, String)] = [(86_400, "天", "d"), (3600, "小时", "h"), (60, "分钟", "min"), (1, "秒", "s")]
        var rest = seconds
        var parts: [String] = []
        for (size, zh, en) in units where rest >= size {
            parts.append("\(rest / size) " + (language == .zh ? zh : en))
            rest %= size
        }
        return parts.joined(separator: " ")
    }

    /// A countdown as a responder reads it: `3:59:12`, `0:12:05`, or past a day `2天 04:00:00`
    /// in Chinese and `2d 04:00:00` in English.
    public static func clock(_ seconds: Int, language: Language) -> String {
        let magnitude = abs(seconds)
        let days = magnitude / 86_400
        let hours = magnitude / 3600 % 24
        let minutes = magnitude / 60 % 60
        let secs = magnitude % 60
        let sign = seconds < 0 ? "-" : ""
        if days > 0 { return "\(sign)\(days)\(language == .zh ? "天" : "d") \(two(hours)):\(two(minutes)):\(two(secs))" }
        // Always hours:minutes:seconds: "0:29" would read as 29 minutes to someone under pressure.
        return "\(sign)\(hours):\(two(minutes)):\(two(secs))"
    }

    private static func two(_ value: Int) -> String { MomentFormat.digits(value, 2) }
}
