import CordonCore

/// Masks the personal identifiers a leak report is most likely to quote, wherever they appear,
/// keeping enough of each to recognise it:
///
/// - Chinese resident ID numbers (18 characters, the last a digit or X, with a plausible birth
///   date; and the older 15-digit form): `110***********123X`;
/// - mobile numbers (`1[3-9]` and 9 more digits, optionally `+86`, optionally grouped 3-4-4):
///   `138****5678`;
/// - bank card and account numbers: any run of 16–19 digits, contiguous or in groups of four
///   (the last may be shorter) split by spaces or hyphens, whatever its check digit: UnionPay
///   issuers have used numbers that fail the Luhn check. `622202******7890`. A run that reads
///   as a compact timestamp (`20261129130512345`) is a time, not an account, unless it starts
///   with 62, UnionPay's prefix;
/// - e-mail addresses: `z***@example.com`. Where Chinese text runs into an ASCII address
///   (`邮箱zhang.san@example.com`), the address starts at its first ASCII character.
///
/// Full-width digits and `＠`, which Chinese input methods produce, count as their ASCII forms.
/// A candidate counts only as a whole number: a digit run inside a longer number or a run of hex
/// (a SHA-256 hash, `INC-20261129-001`, a timestamp, `12345.67`, a seq) is left alone, while one
/// that merely touches a word (`tel13812345678`) is not.
public enum Redactor {
    public static func redact(_ text: String) -> String {
        let text = joiningDigitsAcrossInvisibles(text)
        let scalars = Array(text.unicodeScalars).map(folded)
        guard scalars.contains(where: { isDigit($0) || $0 == "@" }) else { return text }
        // Matching runs on the folded scalars; what is not masked is written back as it was typed.
        let original = Array(text.unicodeScalars)
        let masked = maskEmails(scalars, original: original)
        return maskNumbers(masked.folded, original: masked.original)
    }

    /// Drops a zero-width or bidi character standing between two digits, anywhere in a number
    /// (`62220212\u{200B}34567890123`, `1381234\u{200B}5678`): text pasted from a chat carries
    /// them there, and a number split by one must be masked as the number it reads as. The masked
    /// copy is what a report shows, so nothing of the timeline is lost by dropping them.
    private static func joiningDigitsAcrossInvisibles(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: \.isInvisibleFormatting) else { return text }
        func digit(_ scalar: Unicode.Scalar) -> Bool { isDigit(folded(scalar)) }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index].isInvisibleFormatting, let last = out.last, digit(last) {
                var next = index
                while next < scalars.count, scalars[next].isInvisibleFormatting { next += 1 }
                if next < scalars.count, digit(scalars[next]) {
                    index = next
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }

    /// Full-width digits, `＠` and `Ｘ` as ASCII, and a zero-width or bidi character as the space
    /// it separates like (text pasted from a web page or a chat carries them inside numbers, and
    /// `6222\u{200B}0212\u{200B}3456\u{200B}7894` must not slip through); every other scalar as it is.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19: Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
        case 0xFF20: "@"
        case 0xFF38: "X"
        case 0xFF58: "x"
        case _ where scalar.isInvisibleFormatting: " "
        default: scalar
        }
    }

    // MARK: - E-mail

    /// Masks e-mail addresses in both the folded and the original scalars, which stay aligned.
    private static func maskEmails(_ scalars: [Unicode.Scalar], original: [Unicode.Scalar]) -> (folded: [Unicode.Scalar], original: [Unicode.Scalar]) {
        var out: [Unicode.Scalar] = []
        var kept: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        kept.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "@" else {
                out.append(scalars[index])
                kept.append(original[index])
                index += 1
                continue
            }
            var localStart = out.count
            while localStart > 0, isLocalPart(out[localStart - 1]) { localStart -= 1 }
            if out[localStart...].contains(where: \.isASCII), let lastWide = out[localStart...].lastIndex(where: { !$0.isASCII }) {
                localStart = lastWide + 1
            }
            var domainEnd = index + 1
            while domainEnd < scalars.count, isDomain(scalars[domainEnd]) { domainEnd += 1 }
            while domainEnd > index + 1, scalars[domainEnd - 1] == "." || scalars[domainEnd - 1] == "-" { domainEnd -= 1 }
            let domain = String(String.UnicodeScalarView(scalars[(index + 1)..<domainEnd]))
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            let looksLikeDomain = labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
                && labels.last!.count >= 2 && labels.last!.unicodeScalars.allSatisfy(isLetter)
            guard localStart < out.count, looksLikeDomain else {
                out.append(scalars[index])
                kept.append(original[index])
                index += 1
                continue
            }
            out.removeSubrange((localStart + 1)...)
            kept.removeSubrange((localStart + 1)...)
            let replacement = Array("***@".unicodeScalars) + Array(domain.unicodeScalars)
            out += replacement
            kept += replacement
            index = domainEnd
        }
        return (out, kept)
    }

    // MARK: - Numbers

    private static func maskNumbers(_ scalars: [Unicode.Scalar], original: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if startsNumber(scalars, at: index),
               let match = idNumber(scalars, at: index) ?? oldIdNumber(scalars, at: index) ?? bankCard(scalars, at: index) ?? mobile(scalars, at: index)
            {
                for (offset, scalar) in match.masked.enumerated() {
                    out.append(scalar == "*" ? scalar : original[index + offset])
                }
                index = match.end
            } else {
                out.append(original[index])
                index += 1
            }
        }
        return String(out)
    }

    private struct Match {
        var end: Int
        var masked: [Unicode.Scalar]
    }

    /// 17 digits and a digit or X, with a birth date in 1900–2099 at positions 7–14.
    private static func idNumber(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        let digits = run(s, from: start)
        var end = start + digits
        if digits == 17, end < s.count, s[end] == "X" || s[end] == "x" {
            end += 1
        } else if digits != 18 {
            return nil
        }
        guard endsNumber(s, at: end) else { return nil }
        let text = String(String.UnicodeScalarView(s[start..<end]))
        let chars = Array(text)
        guard let year = Int(String(chars[6..<10])), let month = Int(String(chars[10..<12])), let day = Int(String(chars[12..<14])),
              (1900...2099).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return Match(end: end, masked: mask(s[start..<end], keepFirst: 3, keepLast: 4))
    }

    /// The first-generation 15-digit number: 6-digit area, a `YYMMDD` birth date, 3 more digits.
    private static func oldIdNumber(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        let end = start + run(s, from: start)
        guard end - start == 15, endsNumber(s, at: end) else { return nil }
        let chars = Array(String(String.UnicodeScalarView(s[start..<end])))
        guard let month = Int(String(chars[8..<10])), let day = Int(String(chars[10..<12])),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return Match(end: end, masked: mask(s[start..<end], keepFirst: 3, keepLast: 3))
    }

    /// 16–19 digits, contiguous or in groups of four (the last group may be shorter).
    private static func bankCard(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        let digits = run(s, from: start)
        var end = start + digits
        if digits == 4 {
            var total = 4
            var groups = 1
            let separator = end < s.count ? s[end] : " "
            while total % 4 == 0, end + 1 < s.count, s[end] == separator, separator == " " || separator == "-" {
                let next = run(s, from: end + 1)
                guard (1...4).contains(next) else { break }
                groups += 1
                total += next
                end += 1 + next
            }
            guard groups >= 4, (16...19).contains(total) else { return nil }
        } else if !(16...19).contains(digits) || isCompactTimestamp(s[start..<end]) {
            return nil
        }
        guard endsNumber(s, at: end) else { return nil }
        return Match(end: end, masked: mask(s[start..<end], keepFirst: 6, keepLast: 4))
    }

    /// `13812345678`, `138 1234 5678`, `138-1234-5678`, with an optional `+86`/`86` prefix.
    private static func mobile(_ s: [Unicode.Scalar], at start: Int) -> Match? {
        var begin = start
        if s[start] == "+" {
            guard start + 2 < s.count, s[start + 1] == "8", s[start + 2] == "6" else { return nil }
            begin = start + 3
            if begin < s.count, s[begin] == " " || s[begin] == "-" { begin += 1 }
        } else if run(s, from: start) == 13, s[start] == "8", s[start + 1] == "6" {
            begin = start + 2
        }
        guard begin + 1 < s.count, s[begin] == "1", ("3"..."9").contains(s[begin + 1]) else { return nil }
        let first = run(s, from: begin)
        var end = begin + first
        if first == 3, end < s.count, s[end] == " " || s[end] == "-" {
            let separator = s[end]
            guard run(s, from: end + 1) == 4, end + 5 < s.count, s[end + 5] == separator, run(s, from: end + 6) == 4 else { return nil }
            end += 10
        } else if first != 11 {
            return nil
        }
        guard endsNumber(s, at: end) else { return nil }
        return Match(end: end, masked: Array(s[start..<begin]) + mask(s[begin..<end], keepFirst: 3, keepLast: 4))
    }

    // MARK: - Pieces

    /// Digits in `s[range]` become `*` except the first and last few; separators stay.
    private static func mask(_ scalars: ArraySlice<Unicode.Scalar>, keepFirst: Int, keepLast: Int) -> [Unicode.Scalar] {
        let total = scalars.filter { isDigit($0) || $0 == "X" || $0 == "x" }.count
        var seen = 0
        return scalars.map { scalar in
            guard isDigit(scalar) || scalar == "X" || scalar == "x" else { return scalar }
            defer { seen += 1 }
            return seen < keepFirst || seen >= total - keepLast ? scalar : "*"
        }
    }

    /// `YYYYMMDDhhmmss` and a fraction of a second, as logs and file names write a time; never
    /// a UnionPay number, whose 62 no year in 1970–2099 starts with.
    private static func isCompactTimestamp(_ digits: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = String(String.UnicodeScalarView(digits))
        func field(_ offset: Int, _ length: Int) -> Int? {
            let start = text.index(text.startIndex, offsetBy: offset)
            return Int(text[start..<text.index(start, offsetBy: length)])
        }
        guard let year = field(0, 4), let month = field(4, 2), let day = field(6, 2),
              let hour = field(8, 2), let minute = field(10, 2), let second = field(12, 2)
        else { return false }
        return (1970...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
            && hour < 24 && minute < 60 && second < 60
    }

    /// The number of ASCII digits from `start`.
    private static func run(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < s.count, isDigit(s[end]) { end += 1 }
        return end - start
    }

    /// A whole number may start here: not inside a longer number, a run of hex or a decimal.
    private static func startsNumber(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        guard isDigit(s[index]) || s[index] == "+" else { return false }
        guard index > 0 else { return true }
        let before = s[index - 1]
        if isHex(before) || before == "+" { return false }
        if before == "." || before == ",", index > 1, isDigit(s[index - 2]) { return false }
        return true
    }

    /// A whole number may end here: not followed by a digit, a run of hex or a decimal part.
    private static func endsNumber(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < s.count else { return true }
        let after = s[index]
        if isHex(after) { return false }
        if after == "." || after == ",", index + 1 < s.count, isDigit(s[index + 1]) { return false }
        return true
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || isLetter(scalar) }
    private static func isHex(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar) }
    /// Letters of any script count: `张三@example.com` is an address too.
    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || "._%+-".unicodeScalars.contains(scalar) || (scalar.value > 0x7F && scalar.properties.isAlphabetic)
    }
    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool { isAlphanumeric(scalar) || scalar == "." || scalar == "-" }
}
