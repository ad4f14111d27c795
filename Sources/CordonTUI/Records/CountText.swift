/// Counts as responders type them: `48000`, `48,000`, `4.8万`, `1.2亿`.
enum CountText {
    /// The count, or `nil` when `text` is not one (a negative number, a word, a fraction of one).
    ///
    ///     CountText.parse("3.1万") // 31000
    static func parse(_ text: String) -> Int? {
        var digits = text.filter { !$0.isWhitespace && !",，_".contains($0) }
        var scale = 1
        if digits.hasSuffix("万") {
            scale = 10_000
        } else if digits.hasSuffix("亿") {
            scale = 100_000_000
        }
        if scale > 1 { digits.removeLast() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
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
}
