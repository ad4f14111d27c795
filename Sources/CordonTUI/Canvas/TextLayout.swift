/// Breaking text into lines of a given display width.
public enum TextLayout {
    /// `text` broken into lines of at most `width` columns: at spaces in a run of Latin words,
    /// anywhere in a run of CJK (which has no spaces), never inside a character.
    /// Newlines in `text` start new lines.
    ///
    ///     TextLayout.wrap("先保全证据再变更系统。", width: 10) // ["先保全证据", "再变更系", "统。"]
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Character] = []
            var lineWidth = 0
            var lastSpace: Int?
            for character in paragraph {
                let columns = DisplayWidth.of(character) ?? 1
                if lineWidth + columns > width, !line.isEmpty {
                    if closesText(character), line.count > 1, lastSpace == nil || breaksAnywhere(line[line.count - 1]) {
                        // Chinese punctuation never starts a line: the character before it moves down too.
                        lines.append(String(line.dropLast()))
                        line = [line.last!]
                    } else if let space = lastSpace, character != " ", !breaksAnywhere(character), !line[(space + 1)...].contains(where: breaksAnywhere) {
                        lines.append(String(line[..<space]))
                        line = Array(line[(space + 1)...])
                    } else {
                        lines.append(String(line))
                        line = []
                    }
                    lineWidth = DisplayWidth.of(String(line))
                    lastSpace = nil
                    if character == " " { continue }
                }
                if character == " " { lastSpace = line.count }
                line.append(character)
                lineWidth += columns
            }
            lines.append(String(line))
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// Wide (CJK) text may break before any character, so a line of it is never cut back to an
    /// earlier space, which would leave half the line empty.
    private static func breaksAnywhere(_ character: Character) -> Bool {
        DisplayWidth.of(character) == 2
    }

    private static func closesText(_ character: Character) -> Bool {
        "，。、；：！？）」』》〉】,.;:!?)".contains(character)
    }

    /// `text` cut to `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character) ?? 1
            if used + columns > width - 1 { break }
            out.append(character)
            used += columns
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns (truncated when longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
