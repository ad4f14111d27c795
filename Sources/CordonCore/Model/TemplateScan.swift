import Foundation

/// A light reading of Mustache source, enough to check a notice template while its playbook is
/// validated: which variables it uses, and whether its tags and sections are well formed.
/// The renderer in `CordonReport` is the real Mustache; this only catches mistakes early.
public struct TemplateScan: Sendable, Hashable {
    public struct Problem: Sendable, Hashable {
        /// 1-based, counted inside the template.
        public var line: Int
        public var message: String
    }

    /// Every variable and section name, in order of first use.
    public var names: [String] = []
    public var problems: [Problem] = []

    public init(_ source: String) {
        var open: [(name: String, line: Int)] = []
        var rest = Substring(source)
        var line = 1
        while let start = rest.range(of: "{{") {
            line += rest[..<start.lowerBound].filter { $0 == "\n" }.count
            let triple = rest[start.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            guard let end = rest[start.upperBound...].range(of: closer) else {
                problems.append(Problem(line: line, message: "a tag opened with {{ is never closed"))
                return
            }
            var tag = rest[start.upperBound..<end.lowerBound]
            if triple { tag = tag.dropFirst() }
            line += tag.filter { $0 == "\n" }.count
            rest = rest[end.upperBound...]
            let sigil = triple ? nil : tag.first.flatMap { "#^/&!>=%".contains($0) ? $0 : nil }
            let name = (sigil == nil ? tag : tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%": continue
            case ">", "=":
                problems.append(Problem(line: line, message: sigil == ">" ? "partials ({{> …}}) are not supported in notices; write the text out" : "changing delimiters ({{= … =}}) is not supported in notices"))
                continue
            default: break
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                problems.append(Problem(line: line, message: "'{{\(tag)}}' is not a variable name"))
                continue
            }
            switch sigil {
            case "#", "^": open.append((name, line))
            case "/":
                if let last = open.last, last.name == name {
                    open.removeLast()
                } else {
                    problems.append(Problem(line: line, message: "{{/\(name)}} closes a section that is not open" + (open.last.map { " (the open one is {{#\($0.name)}})" } ?? "")))
                }
            default: break
            }
            if !names.contains(name) { names.append(name) }
        }
        for section in open {
            problems.append(Problem(line: section.line, message: "section {{#\(section.name)}} is never closed with {{/\(section.name)}}"))
        }
    }
}
