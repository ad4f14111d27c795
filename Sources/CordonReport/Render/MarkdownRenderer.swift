import CordonCore

/// A report as Markdown. Everything from the report is escaped, so a responder's or an
/// attacker's text can neither break a table nor become markup in a Markdown viewer.
public enum MarkdownRenderer {
    public static func render(_ report: Report) -> String {
        var out: [String] = ["# " + escape(report.title), ""]
        out.append("_" + escape(report.madeLine) + "_")
        for section in report.sections {
            out += ["", "## " + escape(section.title)]
            for block in section.blocks {
                out.append("")
                out += lines(block)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func lines(_ block: ReportBlock) -> [String] {
        switch block {
        case .heading(let text):
            return ["### " + escape(text)]
        case .paragraph(let text):
            return [escape(text)]
        case .warning(let text):
            return ["> **⚠ " + escape(text) + "**"]
        case .verbatim(let text):
            // A quoted block, one escaped line each, with hard breaks so the lines stay lines.
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.isEmpty ? ">" : "> " + escape(String(line)) + "  "
            }
        case .list(let items):
            return items.map { "- " + escape($0) }
        case .facts(let facts):
            return facts.map { fact in
                "- **" + escape(fact.label) + "**: " + (fact.code && isPlainCode(fact.value) ? "`\(fact.value)`" : escape(fact.value))
            }
        case .table(let table):
            guard !table.rows.isEmpty else { return ["—"] }
            var rows = ["| " + table.headers.map(escape).joined(separator: " | ") + " |"]
            rows.append("|" + String(repeating: " --- |", count: table.headers.count))
            for row in table.rows {
                rows.append("| " + row.map { $0.isEmpty ? " " : escape($0) }.joined(separator: " | ") + " |")
            }
            return rows
        }
    }

    /// Control characters and line breaks become safe, and every character Markdown could read
    /// as markup is backslash-escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.terminalSafe {
            if "\\`*_[]<>|&#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Hex and the like, safe inside a code span.
    private static func isPlainCode(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
