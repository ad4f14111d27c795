import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// Every kind of bad scenario gets a message naming the file and the line, and references to
/// the playbook's steps and deadlines are checked.
@Suite("Scenario validation")
struct ScenarioValidationTests {
    /// Exercises `PlaybookValidationTests.valid` (playbook `mini`: step `isolate`, deadline `cac`).
    static let valid = """
        id: mini-drill
        playbook: mini
        title: {zh: 小演练, en: Mini drill}
        briefing: {zh: 简报, en: Briefing}
        duration: 2h
        jitter: 1m
        start:
          severity: general
          detected_before: 10m
          affected: 100
          facts:
            - {zh: 事实, en: A fact}
        injects:
          - id: call
            at: 10m
            from: {zh: 记者, en: Reporter}
            message: {zh: 消息, en: Message}
            forces: {severity: serious, affected: 5000}
            variants:
              - message: {zh: 另一条, en: Another}
          - id: opening
            at: 0
            from: {zh: 主持人, en: Facilitator}
            message: {zh: 开始, en: Begin}
        expectations:
          - step: isolate
            by: 30m
            points: 10
          - deadline: cac
            points: 20
          - answer: call
            within: 15m
            points: 5
        """

    /// Writes `text` as `drills/bad.yaml` beside the mini playbook and returns its diagnostics (empty when it loads).
    func diagnostics(_ text: String) -> [DocumentDiagnostic] {
        diagnostics(bytes: Array(text.utf8))
    }

    func diagnostics(bytes: [UInt8]) -> [DocumentDiagnostic] {
        let folder = TemporaryFolder()
        _ = folder.write("mini.yaml", PlaybookValidationTests.valid)
        let file = folder.write("drills/bad.yaml", "")
        _ = folder.write("drills/bad.yaml", bytes: bytes)
        do {
            _ = try ScenarioLoader.load(path: file, playbooks: PlaybookCatalog(directories: []).playbooks(near: file))
            return []
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.file == file })
            return error.diagnostics
        }
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.valid.contains(old), old)
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test("the valid sample loads, with the variant inheriting who it is from")
    func validLoads() throws {
        #expect(diagnostics(Self.valid).isEmpty)
        let folder = TemporaryFolder()
        _ = folder.write("mini.yaml", PlaybookValidationTests.valid)
        let file = folder.write("drills/mini-drill.yaml", Self.valid)
        let loaded = try ScenarioLoader.load(path: file, playbooks: PlaybookCatalog(directories: []).playbooks(near: file))
        let call = try #require(loaded.scenario.inject("call"))
        #expect(call.versions.map(\.from.en) == ["Reporter", "Reporter"])
        #expect(call.versions[1].forces == ForcedFacts(severity: .serious, affected: 5000))
        #expect(loaded.scenario.inject("opening")?.at == 0)
        #expect(loaded.scenario.start.detectedBefore == 600)
        #expect(loaded.playbook.playbook.id == "mini")
        #expect(call.to.isEmpty, "addressed to everyone unless it says")

        let addressed = try ScenarioLoader.parse(Array(Self.valid.replacingOccurrences(of: "    at: 10m\n", with: "    at: 10m\n    to: commander\n").utf8), file: file, playbooks: PlaybookCatalog(directories: []).playbooks(near: file))
        #expect(addressed.scenario.inject("call")?.to == ["commander"], "one role may be written without brackets")
    }

    @Test("the bundled scenarios load against the bundled playbooks")
    func bundledScenariosLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../playbooks").standardized.path
        let catalog = PlaybookCatalog(directories: [folder])
        let entries = catalog.scenarioEntries()
        #expect(entries.count >= 4)
        for entry in entries {
            let loaded = try entry.result.get()
            #expect(loaded.scenario.maximumScore == 100, "\(entry.path)")
            #expect(loaded.scenario.injects.count >= 5, "\(entry.path)")
            #expect(loaded.scenario.expectations.contains { $0.kind == .deadline("cac-report") }, "\(entry.path)")
        }
        let playbooks = catalog.entries()
        #expect(playbooks.contains { $0.path.hasSuffix("/pi-leak.yaml") })
        #expect(!playbooks.contains { $0.path.contains("/drills/") }, "scenarios are not playbooks")
        #expect(Set(entries.compactMap { try? $0.result.get().playbook.playbook.id }) == ["pi-leak", "data-room-overshare", "departing-employee", "vendor-breach"])
        #expect(try catalog.findScenario("credential-stuffing").scenario.playbook == "pi-leak")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var line: Int?
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Offsets
        Case(name: "offset that is not a duration", text: valid.replacingOccurrences(of: "at: 10m", with: "at: 10x"), line: 15, message: "'10x' is not an offset on the drill clock"),
        Case(name: "negative offset", text: valid.replacingOccurrences(of: "at: 10m", with: "at: -5m"), line: 15, message: "is not an offset"),
        Case(name: "inject after the end", text: valid.replacingOccurrences(of: "at: 10m", with: "at: 2h"), line: 15, message: "falls at or after the end of the drill"),
        Case(name: "expectation due after the end", text: valid.replacingOccurrences(of: "by: 30m", with: "by: 3h"), line: 27, message: "after the end of the drill"),
        Case(name: "jitter as long as the drill", text: valid.replacingOccurrences(of: "jitter: 1m", with: "jitter: 2h"), line: 6, message: "jitter 2h must be shorter"),
        Case(name: "missing duration", text: valid.replacingOccurrences(of: "duration: 2h\n", with: ""), line: nil, message: "duration is missing"),
        Case(name: "bad within", text: valid.replacingOccurrences(of: "within: 15m", with: "within: soon"), line: 32, message: "'soon' is not a duration"),
        // References
        Case(name: "unknown step", text: valid.replacingOccurrences(of: "step: isolate", with: "step: isolat"), line: 26, message: "playbook 'mini' has no step 'isolat' (its steps: isolate)"),
        Case(name: "unknown deadline", text: valid.replacingOccurrences(of: "deadline: cac", with: "deadline: cac-report"), line: 29, message: "has no deadline 'cac-report' (its deadlines: cac)"),
        Case(name: "unknown playbook", text: valid.replacingOccurrences(of: "playbook: mini", with: "playbook: maxi"), line: 2, message: "exercises playbook 'maxi', which cannot be loaded"),
        Case(name: "playbook named by path", text: valid.replacingOccurrences(of: "playbook: mini", with: "playbook: ../../etc/passwd"), line: 2, message: "is not a playbook id"),
        Case(name: "answer to an unknown inject", text: valid.replacingOccurrences(of: "answer: call", with: "answer: cal"), line: 31, message: "there is no inject 'cal' to answer"),
        Case(name: "inject to an unknown role", text: valid.replacingOccurrences(of: "    at: 10m\n", with: "    at: 10m\n    to: [commander, press]\n"), line: 16, message: "inject 'call' is addressed to 'press', which is not a role of playbook 'mini' (its roles: commander)"),
        Case(name: "duplicate inject id", text: valid.replacingOccurrences(of: "id: opening", with: "id: call"), line: 21, message: "duplicate inject id 'call'"),
        // Types and shapes
        Case(name: "points as words", text: valid.replacingOccurrences(of: "points: 10", with: "points: ten"), line: 28, message: "must be a whole number"),
        Case(name: "points out of range", text: valid.replacingOccurrences(of: "points: 10", with: "points: 0"), line: 28, message: "points must be between 1 and 1000"),
        Case(name: "injects as a mapping", text: valid.replacingOccurrences(of: "injects:\n", with: "injects: {}\nunused:\n"), line: 13, message: "injects must be a list"),
        Case(name: "title in one language", text: valid.replacingOccurrences(of: "title: {zh: 小演练, en: Mini drill}", with: "title: 小演练"), line: 3, message: "both languages"),
        Case(name: "bad forced severity", text: valid.replacingOccurrences(of: "severity: serious", with: "severity: huge"), line: 18, message: "'huge' is not a severity"),
        Case(name: "negative affected", text: valid.replacingOccurrences(of: "affected: 5000", with: "affected: -5"), line: 18, message: "cannot be negative"),
        Case(name: "unknown top-level key", text: valid + "\ncolour: red\n", line: 34, message: "unknown key 'colour' in a drill scenario"),
        Case(name: "unknown inject key", text: valid.replacingOccurrences(of: "    from: {zh: 记者", with: "    form: {zh: 记者"), line: 16, message: "unknown key 'form' in an inject"),
        Case(name: "two kinds in one expectation", text: valid.replacingOccurrences(of: "  - deadline: cac\n", with: "  - deadline: cac\n    step: isolate\n"), line: 29, message: "exactly one of step (with by), deadline or answer"),
        Case(name: "within on a step", text: valid.replacingOccurrences(of: "by: 30m\n", with: "by: 30m\n    within: 5m\n"), line: 28, message: "belongs to an answer expectation"),
        Case(name: "step without by", text: valid.replacingOccurrences(of: "    by: 30m\n", with: ""), line: 26, message: "by is missing"),
        // Guards shared with playbooks
        Case(name: "anchors", text: valid.replacingOccurrences(of: "title: {zh: 小演练", with: "title: &t {zh: 小演练"), line: 3, message: "anchors and aliases"),
        Case(name: "YAML syntax", text: valid.replacingOccurrences(of: "points: 5", with: "points: [5"), line: nil, message: "YAML syntax"),
        Case(name: "empty file", text: "", line: nil, message: "file is empty"),
    ]

    @Test(arguments: cases)
    func badInput(_ item: Case) throws {
        let found = diagnostics(item.text)
        let match = found.first { $0.message.contains(item.message) }
        #expect(match != nil, "expected a message containing “\(item.message)”, got: \(found.map(\.description))")
        if let line = item.line {
            #expect(match?.line == line, "\(found.map(\.description))")
            #expect(match?.description.contains("drills/bad.yaml:\(line):") == true)
        }
    }

    @Test("invalid UTF-8 names its line; an oversized file is refused before it is parsed")
    func byteGuards() {
        var bytes = Array(Self.valid.utf8)
        bytes.insert(contentsOf: [0xE4, 0xB8], at: bytes.firstIndex(of: UInt8(ascii: "B"))!)
        let found = diagnostics(bytes: bytes)
        #expect(found.first?.message.contains("not valid UTF-8") == true)
        #expect(found.first?.line == 4)
        #expect(diagnostics(Self.valid + "\n# " + String(repeating: "x", count: 1 << 20)).first?.message.contains("limit") == true)
    }

    @Test("a file with a top-level playbook key is a scenario wherever it lives; others only in drills/")
    func recognisesScenarios() {
        let folder = TemporaryFolder()
        #expect(ScenarioLoader.isScenario(path: folder.write("loose.yaml", Self.valid)))
        #expect(!ScenarioLoader.isScenario(path: folder.write("mini.yaml", PlaybookValidationTests.valid)))
        #expect(ScenarioLoader.isScenario(path: folder.write("drills/anything.yaml", "id: x\n")))
    }
}
