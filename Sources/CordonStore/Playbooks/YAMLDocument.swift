import CordonCore
import Foundation
import Yams

/// A YAML file read defensively: size, encoding and anchors are checked before Yams sees it,
/// and every node is reached through typed accessors that record a diagnostic with the node's
/// line instead of throwing, so one pass reports every problem.
final class YAMLDocument {
    /// Playbooks and scenarios are a few kilobytes; anything this large is a mistake or an attack.
    static let maximumBytes = 1 << 20
    /// Far more nodes than any real playbook has.
    static let maximumNodes = 50_000

    let file: String
    let root: Node
    private(set) var diagnostics: [DocumentDiagnostic] = []
    private var marks: [DocumentPath: Mark] = [:]
    private var nodeCount = 0

    private init(file: String, root: Node) {
        self.file = file
        self.root = root
    }

    /// Parses `bytes` into a document, or throws the one problem that prevents reading it at all.
    static func parse(_ bytes: [UInt8], file: String) throws(DocumentError) -> YAMLDocument {
        guard bytes.count <= maximumBytes else {
            throw DocumentError(file: file, message: "file is \(bytes.count) bytes; the limit is \(maximumBytes) bytes (1 MiB)")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw DocumentError(file: file, line: lineOfFirstInvalidUTF8(Array(body)), message: "file is not valid UTF-8; save it as UTF-8")
        }
        if let line = lineWithAnchor(text) {
            throw DocumentError(file: file, line: line, message: "YAML anchors and aliases (&name, *name) are not allowed; write the content out in full")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DocumentError([diagnostic(from: error, file: file)])
        } catch {
            throw DocumentError(file: file, message: "YAML could not be read: \(error)")
        }
        guard let root else { throw DocumentError(file: file, message: "file is empty") }
        let document = YAMLDocument(file: file, root: root)
        guard document.countNodes(root, limit: maximumNodes) else {
            throw DocumentError(file: file, message: "document has more than \(maximumNodes) YAML nodes; that is not a playbook")
        }
        return document
    }

    // MARK: - Diagnostics

    func report(_ message: String, at path: DocumentPath) {
        let mark = self.mark(for: path)
        diagnostics.append(DocumentDiagnostic(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    func report(_ issue: DocumentIssue) {
        report("\(issue.path): \(issue.message)", at: issue.path)
    }

    /// The mark of the node at `path`, or of its nearest recorded ancestor.
    func mark(for path: DocumentPath) -> Mark? {
        var components = path.components
        while true {
            if let mark = marks[DocumentPath(components)] { return mark }
            if components.isEmpty { return nil }
            components.removeLast()
        }
    }

    func note(_ node: Node, at path: DocumentPath) {
        if let mark = node.mark { marks[path] = mark }
    }

    // MARK: - Typed access

    /// The keys of a mapping, checked against the keys the caller knows.
    func mapping(_ node: Node, at path: DocumentPath, allowed: [String], what: String) -> Fields? {
        note(node, at: path)
        guard case .mapping(let mapping) = node else {
            report("\(path) must be a mapping (key: value lines) describing \(what), not \(kind(of: node))", at: path)
            return nil
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                report("\(path) has a key that is not plain text", at: path)
                continue
            }
            let childPath = path.key(key.string)
            note(keyNode, at: childPath)
            if let valueMark = value.mark, case .scalar = value { marks[childPath] = valueMark }
            guard allowed.contains(key.string) else {
                report("unknown key '\(key.string)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))", at: childPath)
                continue
            }
            values[key.string] = value
        }
        return Fields(document: self, path: path, values: values)
    }

    func sequence(_ node: Node, at path: DocumentPath) -> [(node: Node, path: DocumentPath)]? {
        note(node, at: path)
        guard case .sequence(let sequence) = node else {
            report("\(path) must be a list (lines starting with '- '), not \(kind(of: node))", at: path)
            return nil
        }
        return sequence.enumerated().map { index, item in
            let itemPath = path.index(index)
            note(item, at: itemPath)
            return (item, itemPath)
        }
    }

    func text(_ node: Node, at path: DocumentPath) -> String? {
        note(node, at: path)
        guard case .scalar(let scalar) = node else {
            report("\(path) must be text, not \(kind(of: node))", at: path)
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        let isNull = scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(value)
        guard !value.isEmpty, !isNull else {
            report("\(path) is empty", at: path)
            return nil
        }
        return value
    }

    /// `{zh: …, en: …}`; both languages are required because both kinds of reader exist.
    func localized(_ node: Node, at path: DocumentPath) -> LocalizedText? {
        guard case .mapping = node else {
            note(node, at: path)
            report("\(path) must give the text in both languages, as {zh: …, en: …}", at: path)
            return nil
        }
        guard let fields = mapping(node, at: path, allowed: ["zh", "en"], what: "a bilingual text") else { return nil }
        let zh = fields.text("zh")
        let en = fields.text("en")
        guard let zh, let en else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    func int(_ node: Node, at path: DocumentPath) -> Int? {
        note(node, at: path)
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            report("\(path) must be a whole number", at: path)
            return nil
        }
        return value
    }

    func bool(_ node: Node, at path: DocumentPath) -> Bool? {
        note(node, at: path)
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            report("\(path) must be true or false", at: path)
            return nil
        }
        switch scalar.string {
        case "true": return true
        case "false": return false
        default:
            report("\(path) must be true or false, not '\(scalar.string)'", at: path)
            return nil
        }
    }

    /// `30m`, `4h`, `72h`, `1h30m`.
    func duration(_ node: Node, at path: DocumentPath) -> Int? {
        guard let value = text(node, at: path) else { return nil }
        guard let seconds = DurationText.seconds(value) else {
            report("\(path) '\(value)' is not a duration; write it like 90s, 30m, 4h, 72h or 1h30m", at: path)
            return nil
        }
        return seconds
    }

    func severity(_ node: Node, at path: DocumentPath) -> Severity? {
        guard let value = text(node, at: path) else { return nil }
        guard let severity = Severity(rawValue: value) else {
            let known = Severity.allCases.map { "\($0.rawValue) (\($0.title.zh))" }.joined(separator: ", ")
            report("\(path) '\(value)' is not a severity; use one of \(known)", at: path)
            return nil
        }
        return severity
    }

    // MARK: - Internals

    private func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): "the text '\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Counts nodes up to `limit`; `false` when there are more.
    private func countNodes(_ node: Node, limit: Int) -> Bool {
        nodeCount += 1
        guard nodeCount <= limit else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence): return sequence.allSatisfy { countNodes($0, limit: limit) }
        case .mapping(let mapping): return mapping.allSatisfy { countNodes($0.key, limit: limit) && countNodes($0.value, limit: limit) }
        }
    }

    private static func diagnostic(from error: YamlError, file: String) -> DocumentDiagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return DocumentDiagnostic(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(message)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return DocumentDiagnostic(file: file, line: context.mark.line, column: context.mark.column, message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { off in yaml.utf8.prefix(off).filter { $0 == 0x0A }.count + 1 }
            return DocumentDiagnostic(file: file, line: line, message: "YAML could not be read: \(problem)")
        default:
            return DocumentDiagnostic(file: file, message: "YAML could not be read: \(error)")
        }
    }

    static func lineOfFirstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }

    /// The first line with an anchor (`&name` where a YAML token starts), ignoring quoted text
    /// and comments. Refusing anchors outright is what keeps alias bombs out: Yams hashes
    /// mapping keys while composing, so an expanded alias key could take hours.
    static func lineWithAnchor(_ text: String) -> Int? {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var quote: Character?
            var previous: Character = " "
            for character in line {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'", " [{,:-?".contains(previous) {
                    quote = character
                } else if character == "#", previous == " " {
                    break
                } else if character == "&", " [{,".contains(previous) {
                    return number + 1
                }
                previous = character
            }
        }
        return nil
    }
}

/// The values of one mapping, read by key with the mapping's path for diagnostics.
struct Fields {
    let document: YAMLDocument
    let path: DocumentPath
    let values: [String: Node]

    func has(_ key: String) -> Bool { values[key] != nil }

    private func value(_ key: String, required: Bool) -> Node? {
        guard let node = values[key] else {
            if required { document.report("\(path.key(key)) is missing", at: path) }
            return nil
        }
        return node
    }

    func text(_ key: String, required: Bool = true) -> String? {
        value(key, required: required).flatMap { document.text($0, at: path.key(key)) }
    }

    func localized(_ key: String, required: Bool = true) -> LocalizedText? {
        value(key, required: required).flatMap { document.localized($0, at: path.key(key)) }
    }

    func int(_ key: String, required: Bool = true) -> Int? {
        value(key, required: required).flatMap { document.int($0, at: path.key(key)) }
    }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        value(key, required: false).flatMap { document.bool($0, at: path.key(key)) } ?? fallback
    }

    func duration(_ key: String, required: Bool = true) -> Int? {
        value(key, required: required).flatMap { document.duration($0, at: path.key(key)) }
    }

    func severity(_ key: String, required: Bool = true) -> Severity? {
        value(key, required: required).flatMap { document.severity($0, at: path.key(key)) }
    }

    func list(_ key: String, required: Bool = true) -> [(node: Node, path: DocumentPath)]? {
        value(key, required: required).flatMap { document.sequence($0, at: path.key(key)) }
    }

    func mapping(_ key: String, allowed: [String], what: String, required: Bool = true) -> Fields? {
        value(key, required: required).flatMap { document.mapping($0, at: path.key(key), allowed: allowed, what: what) }
    }
}
