import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// Every kind of bad playbook gets a clear message naming the file and, where it has one, the line.
@Suite("Playbook validation")
struct PlaybookValidationTests {
    static let valid = """
        id: mini
        version: 1
        title: {zh: 小剧本, en: Mini}
        roles:
          - id: commander
            title: {zh: 应急指挥, en: Commander}
        phases:
          - id: containment
            title: {zh: 遏制, en: Containment}
            steps:
              - id: isolate
                title: {zh: 隔离, en: Isolate}
                role: commander
                required: true
        deadlines:
          - id: cac
            title: {zh: 报告, en: Report}
            from: classified
            within: 4h
            when: {severity_at_least: serious}
            met_by: isolate
            cite: 办法 第四条
        """

    /// Loads `text` as a file and returns its diagnostics (empty when it loads).
    func diagnostics(_ text: String, name: String = "bad.yaml") -> [DocumentDiagnostic] {
        diagnostics(bytes: Array(text.utf8), name: name)
    }

    func diagnostics(bytes: [UInt8], name: String = "bad.yaml") -> [DocumentDiagnostic] {
        let folder = TemporaryFolder()
        let file = folder.write(name, bytes: bytes)
        do {
            _ = try PlaybookLoader.load(path: file)
            return []
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.file == file })
            return error.diagnostics
        }
    }

    /// `valid` with one line replaced.
    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.valid.contains(old))
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test("the valid sample loads")
    func validLoads() {
        #expect(diagnostics(Self.valid).isEmpty)
    }

    @Test("the bundled playbooks all load")
    func bundledPlaybooksLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../playbooks").standardized.path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(files.contains("pi-leak.yaml"))
        for file in files {
            let loaded = try PlaybookLoader.load(path: folder + "/" + file)
            #expect(loaded.playbook.phases.map(\.id) == ["containment", "notification", "investigation", "accountability", "improvement"], "\(file)")
            #expect(loaded.playbook.deadlines.allSatisfy { !$0.cite.isEmpty })
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var line: Int?
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "YAML syntax", text: valid.replacingOccurrences(of: "role: commander\n", with: "role: [commander\n"), line: 14, message: "YAML syntax"),
        Case(name: "tab indentation", text: valid.replacingOccurrences(of: "    required: true", with: "\trequired: true"), line: nil, message: "YAML syntax"),
        Case(name: "missing phases", text: valid.components(separatedBy: "phases:")[0], line: nil, message: "phases is missing"),
        Case(name: "empty phases", text: valid.replacingOccurrences(of: "phases:\n", with: "phases: []\nunused:\n"), line: nil, message: "unknown key 'unused'"),
        Case(name: "phase without steps", text: valid.replacingOccurrences(of: "    steps:\n      - id: isolate\n        title: {zh: 隔离, en: Isolate}\n        role: commander\n        required: true\n", with: "    steps: []\n"), line: 10, message: "phase 'containment' has no steps"),
        Case(name: "duplicate role id", text: valid.replacingOccurrences(of: "phases:", with: "  - id: commander\n    title: {zh: 二, en: Two}\nphases:"), line: 7, message: "duplicate role id 'commander'"),
        Case(name: "step owned by unknown role", text: valid.replacingOccurrences(of: "role: commander", with: "role: cmdr"), line: 13, message: "unknown role 'cmdr'"),
        Case(name: "deadline met by unknown step", text: valid.replacingOccurrences(of: "met_by: isolate", with: "met_by: isolat"), line: 21, message: "unknown step 'isolat'"),
        Case(name: "bad duration", text: valid.replacingOccurrences(of: "within: 4h", with: "within: four hours"), line: 19, message: "is not a duration"),
        Case(name: "bad severity", text: valid.replacingOccurrences(of: "severity_at_least: serious", with: "severity_at_least: high"), line: 20, message: "'high' is not a severity"),
        Case(name: "bad anchor", text: valid.replacingOccurrences(of: "from: classified", with: "from: reported"), line: 18, message: "is not an anchor"),
        Case(name: "wrong type for required", text: valid.replacingOccurrences(of: "required: true", with: "required: maybe"), line: 14, message: "must be true or false"),
        Case(name: "wrong type for version", text: valid.replacingOccurrences(of: "version: 1", with: "version: [1]"), line: 2, message: "must be a whole number"),
        Case(name: "title in one language only", text: valid.replacingOccurrences(of: "title: {zh: 隔离, en: Isolate}", with: "title: 隔离"), line: 12, message: "both languages"),
        Case(name: "phases as a mapping", text: valid.replacingOccurrences(of: "phases:\n  - id: containment", with: "phases:\n  containment:\n    id: containment").replacingOccurrences(of: "    title: {zh: 遏制", with: "    xtitle: {zh: 遏制"), line: 8, message: "must be a list"),
        Case(name: "unknown key", text: valid.replacingOccurrences(of: "required: true", with: "requried: true"), line: 14, message: "unknown key 'requried'"),
        Case(name: "bad id", text: valid.replacingOccurrences(of: "id: isolate", with: "id: Isolate Source"), line: 11, message: "must be lowercase letters"),
        Case(name: "duplicate key", text: valid.replacingOccurrences(of: "version: 1", with: "version: 1\nversion: 2"), line: nil, message: "duplicate key 'version'"),
        Case(name: "missing cite", text: valid.replacingOccurrences(of: "    cite: 办法 第四条", with: ""), line: 16, message: "cite is missing"),
        Case(name: "alias bomb", text: "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n" + valid, line: 1, message: "anchors and aliases"),
        Case(name: "undefined alias", text: valid.replacingOccurrences(of: "role: commander", with: "role: *commander"), line: 13, message: "YAML syntax"),
        Case(name: "empty file", text: "", line: nil, message: "file is empty"),
        Case(name: "not a mapping", text: "- just\n- a list\n", line: 1, message: "must be a mapping"),
        Case(
            name: "a step names an audience with no template",
            text: valid.replacingOccurrences(of: "        required: true\n", with: "        required: true\n        notice: nfra\n"), line: 15,
            message: "step 'isolate' sends a notice to 'nfra', but no template drafts it; add one under templates: with audience: nfra"),
        Case(
            name: "a clock from the last report met by a step that sends none",
            text: valid.replacingOccurrences(of: "from: classified", with: "from: last_report"), line: 21,
            message: "deadline 'cac' runs from the last report, so it must be met by a step that sends one (with notice:); 'isolate' sends none"),
        Case(
            name: "an unknown report stage",
            text: valid.replacingOccurrences(of: "        required: true\n", with: "        required: true\n        stage: later\n"), line: 15,
            message: "'later' is not a report stage; use initial, followup or final"),
    ]

    @Test(arguments: cases)
    func badInput(_ item: Case) throws {
        let found = diagnostics(item.text)
        let match = found.first { $0.message.contains(item.message) }
        #expect(match != nil, "expected a message containing “\(item.message)”, got: \(found.map(\.description))")
        if let line = item.line {
            #expect(match?.line == line, "\(found.map(\.description))")
            #expect(match?.description.contains("bad.yaml:\(line):") == true)
        }
    }

    @Test("invalid UTF-8 names the line it is on")
    func invalidUTF8() {
        var bytes = Array(Self.valid.utf8)
        let index = bytes.firstIndex(of: UInt8(ascii: "I"))!
        bytes.insert(contentsOf: [0xE4, 0xB8], at: index)
        let found = diagnostics(bytes: bytes)
        #expect(found.first?.message.contains("not valid UTF-8") == true)
        #expect(found.first?.line == 12)
    }

    @Test("an oversized file is refused before it is parsed")
    func oversized() {
        let huge = Self.valid + "\n# " + String(repeating: "x", count: 1 << 20)
        #expect(diagnostics(huge).first?.message.contains("limit") == true)
    }

    @Test("a deep or wide document is refused without hanging")
    func nodeLimit() {
        let wide = "items:\n" + String(repeating: "  - [a, b, c, d, e, f, g, h, i, j]\n", count: 6000)
        #expect(diagnostics(wide).first?.message.contains("more than") == true)
    }

    @Test("several problems are reported together")
    func severalProblems() {
        let text = Self.valid.replacingOccurrences(of: "role: commander", with: "role: cmdr").replacingOccurrences(of: "within: 4h", with: "within: soon")
        let found = diagnostics(text)
        #expect(found.count >= 1)
        #expect(found.contains { $0.message.contains("not a duration") })
    }
}
