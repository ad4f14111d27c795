import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A checkpoint only ever saves reading: opening from one gives the state folding every line
/// gives, and one that is torn, edited, stale or for something else is ignored, never trusted.
@Suite("Checkpoints")
struct CheckpointTests {
    let folder = TemporaryFolder()
    let clock = ManualClock(Fixtures.start)

    func store(interval: Int) -> IncidentStore {
        var store = IncidentStore(home: Home(root: folder.path + "/home"))
        store.checkpointInterval = interval
        return store
    }

    var stamp: Stamp { Stamp(actor: "zhangwei", clock: clock) }

    static let playbook: LoadedPlaybook = try! PlaybookLoader.load(path: Fixtures.repository + "/playbooks/pi-leak.yaml")

    /// Declares an incident and works it with a seeded responder until it has `events` lines.
    func incident(in store: IncidentStore, events: Int, seed: UInt64) throws -> IncidentSession {
        let session = try store.declare(Declaration(playbook: Self.playbook, title: "检查点 \(seed)", severity: .serious), stamp: stamp)
        var responder = RandomResponder(seed: seed, playbook: Self.playbook.playbook)
        while session.state.lastSeq < events {
            clock.advance(seconds: responder.draw(1...600))
            _ = try? session.perform(responder.next(session.state))
        }
        return session
    }

    /// The state folding every line from the first gives, read without any checkpoint.
    func foldFromStart(_ session: IncidentSession) throws -> IncidentState {
        try IncidentState.fold(try Journal(path: session.journal.path).readNew())
    }

    func checkpointFile(_ session: IncidentSession) -> String { Checkpoint.path(in: session.folder) }

    // MARK: - Folding from a checkpoint

    @Test("opening from a checkpoint plus the lines after it gives the state folding from the first line gives", arguments: 1...6)
    func foldFromCheckpointEqualsFoldFromStart(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let store = store(interval: random.draw(2...9))
        let session = try incident(in: store, events: 12, seed: seed)
        var responder = RandomResponder(seed: seed &+ 100, playbook: Self.playbook.playbook)
        for _ in 0..<random.draw(30...60) {
            clock.advance(seconds: random.draw(1...300))
            _ = try? session.perform(responder.next(session.state))
            if random.draw(0...3) == 0 {
                let opened = try store.open(session.id, stamp: stamp, keepEvents: false)
                #expect(opened.resumedFrom != nil, "a checkpoint is due every \(store.checkpointInterval) events")
                #expect(opened.state == (try foldFromStart(session)))
                #expect(opened.state == session.state)
            }
        }
        let reopened = try store.open(session.id, stamp: stamp, keepEvents: false)
        #expect(reopened.state == (try foldFromStart(session)))
        #expect(try Verifier.verify(folder: session.folder).checkpoint == .agrees(seq: try #require(reopened.resumedFrom)))
    }

    @Test("a drill opened from a checkpoint has the state and the drill clock a full read gives")
    func drillFromCheckpoint() throws {
        _ = folder.write("playbooks/mini.yaml", PlaybookValidationTests.valid)
        let file = folder.write("playbooks/drills/mini-drill.yaml", ScenarioValidationTests.valid)
        let loaded = try ScenarioLoader.load(path: file, playbooks: PlaybookCatalog(directories: []).playbooks(near: file))
        let store = store(interval: 3)
        let drill = try store.declareDrill(loaded, language: .zh, stamp: stamp)
        let conductor = DrillConductor(journal: drill, scenario: drill.scenario.scenario)
        try conductor.start(speed: 600, seed: 3)
        var resumed = 0
        for round in 0..<12 {
            clock.advance(seconds: 2)
            _ = try conductor.tick()
            if round % 3 == 0 { _ = try? drill.perform(.note("第 \(round) 轮")) }
            let opened = try store.open(drill.id, stamp: Stamp(actor: "responder", clock: clock), keepEvents: false)
            if opened.resumedFrom != nil { resumed += 1 }
            #expect(opened.state == (try foldFromStart(opened)))
            #expect(opened.drillClock?.now() == conductor.now)
        }
        #expect(resumed > 0)
    }

    @Test("in a home shared by a group, the checkpoint is a 0660 file of that group like every other", .enabled(if: getuid() == 0, "needs root to give the home another group"))
    func sharedHomeCheckpoint() throws {
        let home = folder.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let team: gid_t = 100
        #expect(chown(home, 0, team) == 0 && chmod(home, 0o2770) == 0)
        let long = try incident(in: store(interval: 10), events: 25, seed: 3)
        #expect(Checkpoint.read(folder: long.folder) != nil)
        var info = stat()
        #expect(lstat(checkpointFile(long), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o660 && info.st_gid == team)
    }

    @Test("a checkpoint is written once enough events lie beyond the last, as a 0600 file; a short incident has none")
    func writtenEveryInterval() throws {
        let store = store(interval: 10)
        let short = try incident(in: store, events: 9, seed: 1)
        #expect(!FileManager.default.fileExists(atPath: checkpointFile(short)))
        let long = try incident(in: store, events: 25, seed: 2)
        let checkpoint = try #require(Checkpoint.read(folder: long.folder))
        #expect(checkpoint.position.seq >= 20)
        #expect(checkpoint.state == (try IncidentState.fold(try Journal(path: long.journal.path).readNew().prefix(checkpoint.position.seq))))
        let mode = (try FileManager.default.attributesOfItem(atPath: checkpointFile(long))[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
        // A command that shows every event still reads every line.
        #expect(try store.open(long.id, stamp: stamp, keepEvents: true).resumedFrom == nil)
    }

    // MARK: - Never trusted

    @Test("a checkpoint with any byte changed is ignored and the timeline folded from its first line")
    func flippedBytesAreIgnored() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 30, seed: 3)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: checkpointFile(session))))
        let truth = try foldFromStart(session)
        var random = SeededGenerator(seed: 33)
        for _ in 0..<60 {
            var bytes = original
            for _ in 0..<random.draw(1...4) {
                bytes[random.draw(0...bytes.count - 1)] ^= UInt8(random.draw(1...255))
            }
            if random.draw(0...4) == 0 { bytes.removeLast(random.draw(1...bytes.count - 1)) }
            try Data(bytes).write(to: URL(fileURLWithPath: checkpointFile(session)))
            let opened = try store.open(session.id, stamp: stamp, keepEvents: false)
            #expect(opened.resumedFrom == nil)
            #expect(opened.state == truth)
        }
    }

    /// Rewrites the checkpoint with `change` applied and its seal made good again.
    func reseal(_ session: IncidentSession, _ change: (inout Checkpoint) -> Void) throws {
        var checkpoint = try #require(Checkpoint.read(folder: session.folder))
        change(&checkpoint)
        try FileManager.default.removeItem(atPath: checkpointFile(session))
        checkpoint.write(folder: session.folder)
    }

    @Test("a checkpoint file that does not read as one (garbled, or from a fold whose state no longer decodes) is reported ignored, not absent")
    func unreadableCheckpointsAreIgnored() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 12, seed: 6)
        guard case .agrees = try Verifier.verify(folder: session.folder).checkpoint else {
            Issue.record("the incident should start with a checkpoint that agrees")
            return
        }
        try Data("0123456789abcdef\n{\"format\":1}".utf8).write(to: URL(fileURLWithPath: checkpointFile(session)))
        #expect(try Verifier.verify(folder: session.folder).checkpoint == .ignored)
        try FileManager.default.removeItem(atPath: checkpointFile(session))
        #expect(try Verifier.verify(folder: session.folder).checkpoint == .absent)
    }

    @Test("a sealed checkpoint that names another line, incident, playbook, fold or prefix is ignored")
    func mismatchesAreIgnored() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 30, seed: 4)
        let other = try incident(in: store, events: 12, seed: 5)
        // A line after the one the checkpoint covers, so that an offset past that line lands in
        // it (one past the end of the file is truncation, tested on its own).
        repeat {
            try session.perform(.note("检查点之后"))
        } while try #require(Checkpoint.read(folder: session.folder)).position.seq >= session.state.lastSeq
        let truth = try foldFromStart(session)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: checkpointFile(session)))
        let otherCheckpoint = try #require(Checkpoint.read(folder: other.folder))
        let changes: [(String, (inout Checkpoint) -> Void)] = [
            ("seq one more", { $0.position.seq += 1; $0.state.lastSeq += 1 }),
            ("seq one less", { $0.position.seq -= 1; $0.state.lastSeq -= 1 }),
            ("offset into the line", { $0.position.offset -= 3 }),
            ("offset past the line", { $0.position.offset += 1 }),
            ("line start moved", { $0.lineOffset += 1 }),
            ("another line's hash", { $0.position.headHash = otherCheckpoint.position.headHash }),
            ("another incident", { $0.incident = other.id.description; $0.state.id = other.id.description }),
            ("another playbook", { $0.playbookSha256 = String(repeating: "ab", count: 32) }),
            ("another fold", { $0.foldRevision += 1 }),
            ("another format", { $0.format += 1 }),
            ("another prefix", { $0.prefix = String(repeating: "0", count: 16) }),
            ("the other incident's checkpoint", { $0 = otherCheckpoint }),
        ]
        for (name, change) in changes {
            try pristine.write(to: URL(fileURLWithPath: checkpointFile(session)))
            try reseal(session, change)
            #expect(try Verifier.verify(folder: session.folder).checkpoint == .ignored, "\(name)")
            let opened = try store.open(session.id, stamp: stamp, keepEvents: false)
            #expect(opened.resumedFrom == nil, "\(name)")
            #expect(opened.state == truth, "\(name)")
            // Ignored, then rebuilt by the command that read every line.
            #expect(try Verifier.verify(folder: session.folder).checkpoint == .agrees(seq: truth.lastSeq), "\(name)")
        }
    }

    @Test("a sealed checkpoint beyond the end of the timeline is truncation: opening refuses and leaves it as it is")
    func beyondTheEndIsTruncation() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 30, seed: 4)
        try reseal(session) { $0.position.offset += 1 << 20; $0.lineOffset += 1 << 20 }
        let sealed = try Data(contentsOf: URL(fileURLWithPath: checkpointFile(session)))
        let seq = try #require(Checkpoint.read(folder: session.folder)).position.seq
        #expect(try Verifier.verify(folder: session.folder).checkpoint == .truncated(seq: seq))
        for keepEvents in [false, true] {
            let error = try #require(throws: StoreError.self) { try store.open(session.id, stamp: stamp, keepEvents: keepEvents) }
            #expect(error.code == "timeline-truncated")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: checkpointFile(session))) == sealed)
    }

    @Test("a checkpoint sealed under another home's key, or with the unkeyed XXH64 seal, is ignored")
    func sealNeedsTheHomesKey() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 30, seed: 11)
        var checkpoint = try #require(Checkpoint.read(folder: session.folder))
        checkpoint.state.noteCount += 1
        let body = JSONWriter.encode(try ValueCoding.encode(checkpoint))
        let elsewhere = folder.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let stranger = try #require(CheckpointKey.make(forIncidentFolder: elsewhere + "/incidents/x"))
        var xxh = PrefixFingerprint()
        xxh.update(body)
        for bytes in [Checkpoint.sealed(body, key: stranger), Array(xxh.hex.utf8) + [0x0A] + body] {
            try Data(bytes).write(to: URL(fileURLWithPath: checkpointFile(session)))
            #expect(Checkpoint.read(folder: session.folder) == nil)
            #expect(try store.open(session.id, stamp: stamp, keepEvents: false).resumedFrom == nil)
        }
        let mode = (try FileManager.default.attributesOfItem(atPath: folder.path + "/home/" + CheckpointKey.fileName)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
    }

    @Test("an edit before the checkpoint refuses to open with the damaged line, as it does without one")
    func damageBeforeTheCheckpointStillRefuses() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 30, seed: 6)
        let path = session.journal.path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // Same length, so only the content of line 3 differs.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let edited = lines[2].replacingOccurrences(of: "\"zhangwei\"", with: "\"zhangwe1\"")
        #expect(edited != lines[2])
        text = (lines[..<2] + [Substring(edited)] + lines[3...]).joined(separator: "\n")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(Checkpoint.read(folder: session.folder) != nil)
        let error = try #require(throws: StoreError.self) { try store.open(session.id, stamp: stamp, keepEvents: false) }
        #expect(error.code == "timeline-damaged")
        #expect(error.message.en.contains("damaged at line 4"))
        try FileManager.default.removeItem(atPath: checkpointFile(session))
        let without = try #require(throws: StoreError.self) { try store.open(session.id, stamp: stamp, keepEvents: false) }
        #expect(without.message == error.message)
    }

    @Test("a console that was open while a line was edited never seals the edit into a new checkpoint")
    func runningConsoleDoesNotLaunderAnEdit() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 12, seed: 9)
        let console = try store.open(session.id, stamp: stamp, keepEvents: true)
        let path = session.journal.path
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edited = lines[2].replacingOccurrences(of: "\"zhangwei\"", with: "\"zhangwe1\"")
        #expect(edited != lines[2])
        lines[2] = edited
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        // The console writes on past a checkpoint boundary: its checkpoint vouches only for the
        // bytes it checked, so the edited file does not match it.
        for index in 0..<6 { try console.perform(.note("之后 \(index)")) }
        #expect(Checkpoint.read(folder: session.folder)?.position.seq ?? 0 > 12)
        let error = try #require(throws: StoreError.self) { try store.open(session.id, stamp: stamp, keepEvents: false) }
        #expect(error.code == "timeline-damaged")
        #expect(error.message.en.contains("damaged at line 4"))
        #expect(try Verifier.verify(folder: session.folder).checkpoint == .unverifiable(seq: Checkpoint.read(folder: session.folder)!.position.seq))
    }

    @Test("a sealed checkpoint whose state could not be the fold of its lines is ignored, never folded on")
    func implausibleStatesAreIgnored() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 12, seed: 10)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: checkpointFile(session)))
        let changes: [(String, (inout Checkpoint) -> Void)] = [
            ("a note count that would overflow", { $0.state.noteCount = .max }),
            ("more notes than lines", { $0.state.noteCount = $0.position.seq + 1 }),
            ("a negative count", { $0.state.unknownEventCount = -1 }),
        ]
        for (name, change) in changes {
            try pristine.write(to: URL(fileURLWithPath: checkpointFile(session)))
            try reseal(session, change)
            let truth = try foldFromStart(session)
            let opened = try store.open(session.id, stamp: stamp, keepEvents: false)
            #expect(opened.resumedFrom == nil, "\(name)")
            #expect(opened.state == truth, "\(name)")
            try opened.perform(.note("照常记录"))
        }
        // A moment no timeline line can hold does not even decode.
        try pristine.write(to: URL(fileURLWithPath: checkpointFile(session)))
        let text = try String(contentsOfFile: checkpointFile(session), encoding: .utf8)
        let body = String(text.drop(while: { $0 != "\n" }).dropFirst())
        let hostile = body.replacingOccurrences(of: #""declaredAt":""#, with: #""declaredAt":"9223372036854775807@3600","was":""#)
        let key = try #require(CheckpointKey.existing(forIncidentFolder: session.folder))
        try Data(Checkpoint.sealed(Array(hostile.utf8), key: key)).write(to: URL(fileURLWithPath: checkpointFile(session)))
        #expect(try store.open(session.id, stamp: stamp, keepEvents: false).resumedFrom == nil)
    }

    @Test("a checkpoint sealed again with a forged state is what verify reports as broken")
    func forgedStateIsCaughtByVerify() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 30, seed: 7)
        #expect(try Verifier.verify(folder: session.folder).isIntact)
        try reseal(session) { $0.state.severity = .critical; $0.state.noteCount += 7 }
        let report = try Verifier.verify(folder: session.folder)
        guard case .contradicts = report.checkpoint else {
            Issue.record("verify trusted a forged checkpoint: \(report.checkpoint)")
            return
        }
        #expect(!report.isIntact)
    }

    @Test("an older checkpoint of the same timeline is trusted and folded forward")
    func olderCheckpointIsFoldedForward() throws {
        let store = store(interval: 5)
        let session = try incident(in: store, events: 12, seed: 8)
        let older = try Data(contentsOf: URL(fileURLWithPath: checkpointFile(session)))
        var responder = RandomResponder(seed: 88, playbook: Self.playbook.playbook)
        var more = store
        more.checkpointInterval = 1_000
        let writer = try more.open(session.id, stamp: stamp, keepEvents: false)
        while writer.state.lastSeq < 40 { _ = try? writer.perform(responder.next(writer.state)) }
        try older.write(to: URL(fileURLWithPath: checkpointFile(session)))
        let opened = try more.open(session.id, stamp: stamp, keepEvents: false)
        #expect(opened.resumedFrom == (try #require(Checkpoint.read(folder: session.folder))).position.seq)
        #expect(opened.state == (try foldFromStart(session)))
        #expect(opened.state.lastSeq == 40)
    }
}

@Suite("Prefix fingerprint")
struct PrefixFingerprintTests {
    @Test("it is XXH64: the reference values", arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
    ])
    func referenceValues(text: String, expected: UInt64) {
        var fingerprint = PrefixFingerprint()
        fingerprint.update(Array(text.utf8))
        #expect(fingerprint.value == expected)
    }

    @Test("fed in any pieces, it is the same as fed at once")
    func piecesMatchWhole() {
        var random = SeededGenerator(seed: 9)
        for _ in 0..<50 {
            let bytes = (0..<random.draw(0...300)).map { _ in UInt8(random.draw(0...255)) }
            var whole = PrefixFingerprint()
            whole.update(bytes)
            var pieces = PrefixFingerprint()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + random.draw(1...70))
                pieces.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(pieces.value == whole.value)
        }
    }
}
