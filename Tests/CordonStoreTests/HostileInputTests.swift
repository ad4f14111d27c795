@testable import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// Random and damaged input for everything that reads files a person or an attacker can edit:
/// playbooks, drill scenarios and timelines. Each test has a seed and a fixed budget, so it
/// runs the same inputs every time and ends; a crash fails the run, a hang hits the time
/// limit, and memory is checked against a ceiling no honest input comes near.
@Suite("Hostile input", .timeLimit(.minutes(2)))
struct HostileInputTests {
    static let playbooks = Fixtures.repository + "/playbooks"

    static func bytes(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path) ?? Data())
    }

    static let yamlTokens = [
        "&a ", "*a", "<<: *a", "- ", ": ", "{", "}", "[", "]", "\t", "\u{FEFF}", "!!binary ", "!!python/object ", "? ",
        "|\n", ">-\n", "'", "\"", "\\u0000", "%YAML 1.1\n", "---\n", "...\n", "#", "~", "1e99999", "0x", "\u{00}", "\r",
        String(repeating: "[", count: 200), String(repeating: "- ", count: 100), "zh: ", "en: ", "id: ", "within: ",
    ]

    /// Resident memory high-water mark, in KiB.
    static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)

    static func peakResidentKiB() -> Int {
        var usage = rusage()
        getrusage(Self.RUSAGE_SELF_WHO, &usage)
        return Int(usage.ru_maxrss)
    }

    /// Memory no input of these sizes has any business needing: bounded parsers stay far below.
    static let memoryCeilingKiB = 1_536 * 1024

    // MARK: - Playbooks and scenarios

    @Test("damaged playbooks are refused with diagnostics, never a crash")
    func mutatedPlaybooks() {
        let seeds = ["pi-leak", "vendor-breach", "departing-employee"].map { Self.bytes(Self.playbooks + "/\($0).yaml") }
        var mutator = ByteMutator(seed: 0x5EED_0001, tokens: Self.yamlTokens)
        var refused = 0
        for round in 0..<500 {
            let input = mutator.mutate(seeds[round % seeds.count])
            do {
                _ = try PlaybookLoader.parse(input, file: "fuzz.yaml")
            } catch {
                refused += 1
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.file == "fuzz.yaml" && !$0.message.isEmpty })
            }
        }
        #expect(refused > 150, "most damage is noticed")
        #expect(Self.peakResidentKiB() < Self.memoryCeilingKiB)
    }

    @Test("damaged drill scenarios are refused with diagnostics, never a crash")
    func mutatedScenarios() throws {
        let catalog = PlaybookCatalog(directories: [Self.playbooks])
        let playbooks = Dictionary(catalog.entries().compactMap { try? $0.result.get() }.map { ($0.playbook.id, $0) }, uniquingKeysWith: { first, _ in first })
        let source: ScenarioLoader.PlaybookSource = { (id: String) throws(DocumentError) -> LoadedPlaybook in
            guard let found = playbooks[id] else { throw DocumentError(file: "fuzz.yaml", message: "no playbook \(id)") }
            return found
        }
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: Self.playbooks + "/drills").sorted().map { Self.bytes(Self.playbooks + "/drills/" + $0) }
        #expect(scenarios.count >= 4)
        var mutator = ByteMutator(seed: 0x5EED_0002, tokens: Self.yamlTokens + ["at: ", "inject: ", "points: ", "step: "])
        for round in 0..<500 {
            let input = mutator.mutate(scenarios[round % scenarios.count])
            do {
                _ = try ScenarioLoader.parse(input, file: "fuzz.yaml", playbooks: source)
            } catch {
                #expect(!error.diagnostics.isEmpty)
            }
        }
        #expect(Self.peakResidentKiB() < Self.memoryCeilingKiB)
    }

    @Test("random bytes and hostile shapes are refused as YAML, quickly and within memory")
    func hostileYAML() {
        var mutator = ByteMutator(seed: 0x5EED_0003, tokens: Self.yamlTokens)
        var inputs = (0..<150).map { _ in mutator.garbage(count: mutator.draw(0...4096)) }
        inputs += [
            Array(String(repeating: "[", count: 100_000).utf8),
            Array(String(repeating: "{a: ", count: 50_000).utf8),
            Array(("k: " + String(repeating: "x", count: 900_000)).utf8),
            Array(("items:\n" + String(repeating: "  - a\n", count: 150_000)).utf8),
            Array("a: &a [1]\nb: [*a, *a, *a]\n".utf8),
            Array(repeating: 0xFF, count: 10_000),
            [0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8),
        ]
        for input in inputs {
            #expect(throws: DocumentError.self) { try PlaybookLoader.parse(input, file: "fuzz.yaml") }
        }
        #expect(Self.peakResidentKiB() < Self.memoryCeilingKiB)
    }

    // MARK: - Timelines

    static let jsonTokens = [
        "{", "}", "[", "]", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u0000", ":", ",", "null", "true", "-", "0", "1e999999",
        "-0.0e-0", "\u{00}", "\n", "\u{E4}\u{B8}", "\"seq\":", "\"prev\":", "\"ts\":", "\"data\":", String(repeating: "[", count: 100),
    ]

    /// An incident in `folder` worked until its timeline has `count` lines, written by the journal.
    static func incident(_ count: Int, in folder: TemporaryFolder) throws -> (store: IncidentStore, session: IncidentSession) {
        let playbook = try PlaybookLoader.parse(Array(PlaybookValidationTests.valid.utf8), file: "mini.yaml")
        let clock = ManualClock(Fixtures.start)
        let store = IncidentStore(home: Home(root: folder.path))
        let session = try store.declare(Declaration(playbook: playbook, title: "模糊测试"), stamp: Stamp(actor: "fuzz", clock: clock))
        var responder = RandomResponder(seed: 11, playbook: playbook.playbook)
        while session.state.lastSeq < count {
            clock.advance(seconds: 7)
            _ = try? session.perform(responder.next(session.state))
        }
        return (store, session)
    }

    @Test("a damaged line reads the same by the fast and the general path: the same event or the same error")
    func fastAndGeneralReadingsAgree() throws {
        let folder = TemporaryFolder()
        let lines = Self.bytes(try Self.incident(40, in: folder).session.journal.path).split(separator: 0x0A).map(Array.init)
        var mutator = ByteMutator(seed: 0x5EED_0004, tokens: Self.jsonTokens)
        for round in 0..<3000 {
            let line = round % 5 == 0 ? mutator.garbage(count: mutator.draw(0...300)) : mutator.mutate(lines[round % lines.count])
            let fast = Result { () throws(Event.LineError) in try Event(line: line) }
            let general = line.withUnsafeBufferPointer { buffer in Result { () throws(Event.LineError) in try Event(general: buffer) } }
            switch (fast, general) {
            case (.success(let a), .success(let b)): #expect(a == b && a.line == b.line)
            case (.failure(let a), .failure(let b)): #expect(a == b)
            default: Issue.record("the readings differ for \(String(decoding: line, as: UTF8.self)): \(fast) against \(general)")
            }
        }
    }

    @Test("the UTF-8 check agrees with the standard library on random bytes")
    func utf8CheckAgrees() {
        var mutator = ByteMutator(seed: 0x5EED_0005, tokens: ["é", "中", "😀", "\u{10FFFF}"])
        var inputs = (0..<5000).map { _ in mutator.garbage(count: mutator.draw(0...40)) }
        inputs += [[0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x8F, 0xBF, 0xBF], [0xC2], [0xF5, 0x80, 0x80, 0x80]]
        for input in inputs {
            let ours = input.withUnsafeBufferPointer { UTF8Check.string($0) }
            #expect(ours == String(validating: input, as: UTF8.self), "\(input)")
        }
    }

    @Test("a damaged timeline opens, refuses with the damaged line, or sets a torn tail aside; verify agrees; nothing crashes")
    func damagedTimelines() throws {
        let folder = TemporaryFolder()
        let (store, session) = try Self.incident(60, in: folder)
        let path = session.journal.path
        let original = Self.bytes(path)
        // The declaration stays whole, so each round is this incident's own timeline, damaged.
        let declaration = original.prefix { $0 != 0x0A }.count + 1
        let stamp = Stamp(actor: "fuzz", clock: ManualClock(Fixtures.start))
        var mutator = ByteMutator(seed: 0x5EED_0006, tokens: Self.jsonTokens)
        var opened = 0
        var refused = 0
        for _ in 0..<200 {
            let damaged = Array(original.prefix(declaration)) + mutator.mutate(Array(original.dropFirst(declaration)))
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let report = try Verifier.verify(folder: session.folder)
            do {
                let reopened = try store.open(session.id, stamp: stamp, keepEvents: true)
                opened += 1
                #expect(report.damage == nil, "open read what verify calls damaged at line \(report.damage?.line ?? 0)")
                #expect(reopened.events.count == report.intactLines)
            } catch {
                refused += 1
                #expect(error.code == "timeline-damaged")
                if let damage = report.damage { #expect(error.message.en.contains("line \(damage.line)")) }
            }
        }
        #expect(opened > 0 && refused > 0)
        #expect(Self.peakResidentKiB() < Self.memoryCeilingKiB)
    }
}
