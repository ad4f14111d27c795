import CordonCore

/// An after-action report: sections of blocks for people (Markdown, HTML) and the same content
/// as data for machines (JSON). Renderers know blocks, never incidents.
public struct Report: Sendable {
    public var title: String
    public var language: Language
    public var generatedAt: Timestamp
    public var redacted: Bool
    public var sections: [ReportSection]

    public func section(_ id: String) -> ReportSection? { sections.first { $0.id == id } }

    /// The line under the title: when it was made, naming the offset every time in it is shown at
    /// (the incident's), and whether it is redacted.
    var madeLine: String {
        let times = MomentFormat(offsetSeconds: generatedAt.offsetSeconds)
        let made = language == .zh
            ? "生成于 \(times.second(generatedAt)) · 文中时间均为 \(times.label)"
            : "Made \(times.second(generatedAt)) · all times are \(times.label)"
        return made + (redacted ? (language == .zh ? " · 已脱敏" : " · redacted") : "")
    }

    /// The same report with every ID, mobile and card number and e-mail address masked, in the
    /// text and in the data alike.
    public func redactedCopy() -> Report {
        var copy = self
        copy.title = Redactor.redact(title)
        copy.redacted = true
        copy.sections = sections.map { $0.mapStrings(Redactor.redact) }
        return copy
    }
}

/// One part of a report. `id` is also its key in the JSON document.
public struct ReportSection: Sendable {
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]
    public var data: JSONValue
    /// Detail kept out of the main text (internal ids, the full timeline): printed from a new
    /// page, after everything a reader of the main text needs.
    public var isAppendix: Bool

    public init(id: String, title: String, blocks: [ReportBlock], data: JSONValue, isAppendix: Bool = false) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.data = data
        self.isAppendix = isAppendix
    }

    func mapStrings(_ transform: (String) -> String) -> ReportSection {
        ReportSection(
            id: id, title: transform(title), blocks: blocks.map { $0.mapStrings(transform) }, data: data.mapStrings(transform),
            isAppendix: isAppendix)
    }
}

public enum ReportBlock: Sendable, Hashable {
    /// A heading inside a section.
    case heading(String)
    case paragraph(String)
    /// `label: value` lines.
    case facts([ReportFact])
    case table(ReportTable)
    case list([String])
    /// Something a reader must not miss (a broken chain, confidential content).
    case warning(String)
    /// Text kept exactly as it is, line for line: a notice as it went out.
    case verbatim(String)

    func mapStrings(_ transform: (String) -> String) -> ReportBlock {
        switch self {
        case .heading(let text): .heading(transform(text))
        case .paragraph(let text): .paragraph(transform(text))
        case .facts(let facts): .facts(facts.map { ReportFact($0.label, transform($0.value), code: $0.code) })
        case .table(let table): .table(ReportTable(headers: table.headers, rows: table.rows.map { $0.map(transform) }))
        case .list(let items): .list(items.map(transform))
        case .warning(let text): .warning(transform(text))
        case .verbatim(let text): .verbatim(transform(text))
        }
    }
}

public struct ReportFact: Sendable, Hashable {
    public var label: String
    public var value: String
    /// Shown in a fixed-width font (hashes).
    public var code: Bool

    public init(_ label: String, _ value: String, code: Bool = false) {
        self.label = label
        self.value = value
        self.code = code
    }
}

public struct ReportTable: Sendable, Hashable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }
}

extension JSONValue {
    /// Every string value transformed; keys, numbers and structure untouched.
    func mapStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .array(let items): .array(items.map { $0.mapStrings(transform) })
        case .object(let object): .object(JSONObject(object.entries.map { (key: $0.key, value: $0.value.mapStrings(transform)) }))
        default: self
        }
    }
}
