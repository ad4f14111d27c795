import Foundation

/// Counts, spans of time and days as responders type them, in either language: the one parser
/// behind the command line's options, the console's forms and the playbooks' durations, so that
/// whatever one of them accepts the others accept too.
///
///     Spelling.count("3.1万")     // 31000
///     Spelling.span("1小时30分钟") // 5400
///     Spelling.days("+30天")      // 30
public enum Spelling {
    // MARK: - Counts

    /// A whole count: `48000`, `48,000`, `4.8万`, `1.2亿`, or `nil` when `text` is not one (a
    /// negative number, a word, a fraction of a person).
    public static func count(_ text: String) -> Int? {
        var digits = String(normalized(text).filter { !$0.isWhitespace && !",_".contains($0) })
        var scale = 1
        if digits.hasSuffix("万") {
            scale = 10_000
        } else if digits.hasSuffix("亿") {
            scale = 100_000_000
        }
        if scale > 1 { digits.removeLast() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(isDigit) }),
              !parts[0].isEmpty, parts[0].count <= 12, let whole = Int(parts[0])
        else { return nil }
        guard parts.count == 2 else { return whole * scale }
        let fraction = parts[1]
        guard !fraction.isEmpty, fraction.count <= 8, let value = Int(fraction) else { return nil }
        var divisor = 1
        for _ in 0..<fraction.count { divisor *= 10 }
        guard (value * scale) % divisor == 0 else { return nil }
        return whole * scale + value * scale / divisor
    }

    // MARK: - Spans of time

    /// The units a span may be written in, longest spelling first so that `分钟` wins over `分`.
    private static let units: [(spelling: String, seconds: Int)] = [
        ("个小时", 3600), ("小时", 3600), ("分钟", 60), ("星期", 604_800),
        ("min", 60), ("秒", 1), ("分", 60), ("时", 3600), ("天", 86_400), ("日", 86_400), ("周", 604_800),
        ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
    ]

    /// Seconds in a positive span: `90s`, `30m`, `4h`, `3d`, `1h30m`, `4小时`, `30分钟`, `3天`,
    /// `1天 2小时`; `nil` for anything else (a bare number, a unit without a number, zero).
    public static func span(_ text: String) -> Int? {
        guard let total = anySpan(text), total > 0 else { return nil }
        return total
    }

    /// Seconds in a span that may be zero (`0d`), or `nil` when `text` is not a span.
    private static func anySpan(_ text: String) -> Int? {
        var rest = Substring(normalized(text))
        var total = 0
        var sawUnit = false
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty, digits.count <= 7, let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop(while: \.isWhitespace)
            guard let unit = units.first(where: { rest.hasPrefix($0.spelling) }) else { return nil }
            rest = rest.dropFirst(unit.spelling.count)
            let (grown, overflow) = number.multipliedReportingOverflow(by: unit.seconds)
            guard !overflow, total + grown <= 10_000_000 * 86_400 else { return nil }
            total += grown
            sawUnit = true
        }
        return sawUnit ? total : nil
    }

    // MARK: - Days from today

    /// Whole days ahead, as a due date relative to today is written: `+30d`, `30d`, `+30天`,
    /// `30 天`, `2周`; `nil` for anything else, a span that is not whole days (`+36h`) included.
    /// Zero (`+0d`, today) is allowed.
    public static func days(_ text: String) -> Int? {
        var trimmed = Substring(normalized(text).trimmingCharacters(in: .whitespaces))
        if trimmed.hasPrefix("+") { trimmed = trimmed.dropFirst() }
        guard let seconds = anySpan(String(trimmed)), seconds % 86_400 == 0 else { return nil }
        return seconds / 86_400
    }

    // MARK: -

    /// Full-width digits and signs, as a Chinese input method types them, read as ASCII.
    private static func normalized(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "０"..."９":
                let offset = character.unicodeScalars.first!.value - 0xFF10
                return Character(Unicode.Scalar(0x30 + offset)!)
            case "＋": return "+"
            case "．": return "."
            case "，": return ","
            default: return character
            }
        })
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }
}
