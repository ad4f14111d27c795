/// The one sanitiser for text a person reads: the console, the command line and the reports
/// all show what a responder (or an attacker) typed through it, and the timeline keeps the bytes
/// as they were typed.
///
/// - Control characters (escape sequences included) become `�`, so that text cannot drive the
///   terminal it is shown on.
/// - Characters that reorder or hide text become their code point, visibly: the bidi controls
///   (`Called regulator at \u{202E}00:90\u{202C}` would read "09:00"; `inv\u{202E}gpj.exe`
///   "invexe.jpg") and the zero-width ones (`Vendor\u{200B} leak` would pass for
///   `Vendor leak`) show as `⟨U+202E⟩`, `⟨U+200B⟩`. Plain characters, not an escape or an
///   HTML entity, so that no terminal or browser applies them.
extension String {
    /// The text on one line: newlines and tabs become spaces.
    public var terminalSafe: String { sanitized(keepingLines: false) }

    /// The same for text of several lines (a notice, a report): newlines stay, tabs become spaces.
    public var terminalSafeLines: String { sanitized(keepingLines: true) }

    private func sanitized(keepingLines: Bool) -> String {
        guard unicodeScalars.contains(where: { $0.isControlCharacter || $0.isInvisibleFormatting }) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLines: out.append(scalar)
            case 0x0A, 0x09, 0x0D: out.append(" ")
            case _ where scalar.isControlCharacter: out.append("\u{FFFD}")
            case _ where scalar.isInvisibleFormatting: out.append(contentsOf: scalar.visibleCodePoint.unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters and DEL.
    public var isControlCharacter: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// A character that changes the order of the text around it or takes no room at all, so that
    /// what is shown differs from what is stored: the Unicode bidi controls (U+061C, U+200E,
    /// U+200F, U+202A–U+202E, U+2066–U+2069), the zero-width space, joiners and word joiner
    /// (U+200B–U+200D, U+2060), the invisible operators (U+2061–U+2064), the Mongolian vowel
    /// separator (U+180E), the byte-order mark (U+FEFF), the soft hyphen (U+00AD), and the line
    /// and paragraph separators (U+2028, U+2029) that break a line where none is seen.
    /// Variation selectors stay: Chinese and emoji text uses them, and they reorder nothing.
    public var isInvisibleFormatting: Bool {
        switch value {
        case 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// `⟨U+202E⟩`: the code point, in brackets that are one column wide everywhere.
    var visibleCodePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
    }
}
