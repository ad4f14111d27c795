extension String {
    /// The text with control characters (escape sequences included) replaced by `�`, so that
    /// anything a responder or an attacker typed into a note cannot drive the terminal it is shown on.
    /// Newlines and tabs become spaces.
    public var terminalSafe: String { sanitized(keepingLines: false) }

    /// The same for text of several lines (a notice, a report): newlines stay, tabs become spaces,
    /// every other control character becomes `�`.
    public var terminalSafeLines: String { sanitized(keepingLines: true) }

    private func sanitized(keepingLines: Bool) -> String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLines: out.append(scalar)
            case 0x0A, 0x09, 0x0D: out.append(" ")
            case 0..<0x20, 0x7F...0x9F: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
