import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing

@Suite("The journal on disk")
struct JournalTests {
    let folder = TemporaryFolder()
    let clock = ManualClock(Fixtures.start)
    var store: IncidentStore { IncidentStore(home: Home(root: folder.path + "/home")) }
    var stamp: Stamp { Stamp(actor: "zhangwei", clock: clock) }

    func playbook() throws -> LoadedPlaybook {
        try PlaybookLoader.parse(Array(PlaybookValidationTests.valid.utf8), file: "mini.yaml")
    }

    func declare() throws -> IncidentSession {
        try store.declare(Declaration(playbook: try playbook(), title: "数据室超范围共享", severity: .serious), stamp: stamp)
    }

    func lines(_ session: IncidentSession) throws -> [[UInt8]] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: session.journal.path)))
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    // MARK: - Writing

    @Test("every line chains to the one before, with contiguous seq, the login as actor and --actor beside it")
    func chain() throws {
        let session = try declare()
        try session.perform(.note("第一条"))
        session.stamp.onBehalfOf = "李娜"
        clock.advance(seconds: 5)
        try session.perform(.step("isolate", .done))
        let lines = try lines(session)
        #expect(lines.count == 3)
        var prev = Event.genesisHash
        for (index, line) in lines.enumerated() {
            let event = try Event(line: line)
            #expect(event.seq == index + 1)
            #expect(event.prev == prev)
            #expect(event.actor == "zhangwei")
            prev = LineHash.hex(line)
        }
        #expect(try Event(line: lines[2]).data.string("as") == "李娜")
        #expect(try Event(line: lines[2]).ts == Fixtures.start.adding(seconds: 5))
        #expect(session.journal.position.headHash == prev)
    }

    @Test("folders are 0700 and files 0600; the playbook is frozen with its hash in the declaration")
    func permissionsAndFreezing() throws {
        let session = try declare()
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        }
        #expect(try mode(store.home.root) == 0o700)
        #expect(try mode(store.home.incidents) == 0o700)
        #expect(try mode(session.folder) == 0o700)
        #expect(try mode(session.folder + "/timeline.jsonl") == 0o600)
        #expect(try mode(session.folder + "/playbook.yaml") == 0o600)
        let frozen = try [UInt8](Data(contentsOf: URL(fileURLWithPath: session.folder + "/playbook.yaml")))
        #expect(frozen == Array(PlaybookValidationTests.valid.utf8))
        #expect(session.events[0].data.string("playbook_sha256") == LineHash.hex(frozen))
    }

    @Test("a refused command leaves the timeline byte for byte unchanged")
    func refusalWritesNothing() throws {
        let session = try declare()
        try session.perform(.step("isolate", .done))
        let before = try Data(contentsOf: URL(fileURLWithPath: session.journal.path))
        #expect(throws: Refusal.self) { try session.perform(.step("isolate", .done)) }
        #expect(throws: Refusal.self) { try session.perform(.note("  ")) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: session.journal.path)) == before)
    }

    @Test("ids are allocated per day and never reused")
    func idAllocation() throws {
        let first = try declare()
        let second = try declare()
        #expect(first.id.description == "INC-20261129-001")
        #expect(second.id.description == "INC-20261129-002")
        let drill = try store.declare(Declaration(playbook: try playbook(), title: "演练", kind: .drill), stamp: stamp)
        #expect(drill.id.description == "DRL-20261129-001")
        #expect(drill.folder.hasSuffix("/drills/DRL-20261129-001"))
        #expect(store.list(kind: .incident).map(\.id.description) == ["INC-20261129-002", "INC-20261129-001"])
        #expect(store.list(kind: .drill).map(\.id.description) == ["DRL-20261129-001"])
    }

    @Test("anything that is not an incident id is refused before a path is built")
    func badIds() {
        for text in ["../../etc/passwd", "INC-20261129-001/../../x", "", "INC-20261129-1"] {
            #expect(throws: StoreError.self) { try store.open(text, stamp: stamp) }
            do { _ = try store.open(text, stamp: stamp) } catch { #expect(error.code == "bad-id") }
        }
        do { _ = try store.open("INC-20261129-042", stamp: stamp) } catch { #expect(error.code == "unknown-incident") }
    }

    // MARK: - Other writers

    @Test("a second session sees the first one's events with refresh, reading only what is new")
    func twoSessions() throws {
        let first = try declare()
        let second = try store.open(first.id, stamp: stamp)
        try first.perform(.note("来自第一个终端"))
        let offset = second.journal.position.offset
        let new = try second.refresh()
        #expect(new.map { $0.data.string("text") } == ["来自第一个终端"])
        #expect(second.journal.position.offset > offset)
        #expect(try second.refresh().isEmpty)
        try second.perform(.step("isolate", .done))
        #expect(try first.refresh().map(\.type) == [EventType.stepCompleted])
        #expect(first.state == second.state)
    }

    @Test("a command decides against what other writers already recorded")
    func decideAgainstLatest() throws {
        let first = try declare()
        let second = try store.open(first.id, stamp: stamp)
        try first.perform(.step("isolate", .done))
        #expect(throws: Refusal.self) { try second.perform(.step("isolate", .done)) }
    }

    // MARK: - Damage and recovery

    @Test("a torn last line is moved to a side file by the next write, and nothing acknowledged is lost")
    func tornTail() throws {
        let session = try declare()
        try session.perform(.note("已确认的记录"))
        let torn = Array(#"{"v":1,"seq":3,"ts":"2026-11-29T09:00:00.000+08:00","actor":"zh"#.utf8)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: session.journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: torn)
        try handle.close()

        let reopened = try store.open(session.id, stamp: stamp)
        #expect(reopened.tornTail?.length == torn.count)
        #expect(reopened.state.noteCount == 1)

        try reopened.perform(.note("恢复之后"))
        let recovery = try #require(reopened.journal.recoveries.first)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: recovery.sideFile))) == torn)
        #expect(recovery.sideFile.hasPrefix(session.folder + "/timeline.torn-line3-"))
        let report = try Verifier.verify(folder: session.folder)
        #expect(report.isIntact)
        #expect(report.tornTail == nil)
        #expect(report.intactLines == 3)
        #expect(try store.open(session.id, stamp: stamp).events.compactMap { $0.data.string("text") } == ["已确认的记录", "恢复之后"])
    }

    @Test("a complete last line that does not read is damage, never moved aside: it may be an altered acknowledged event")
    func alteredLastLine() throws {
        let session = try declare()
        try session.perform(.step("isolate", .done))
        let path = session.journal.path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try String(original.dropLast(2) + "]\n").write(toFile: path, atomically: false, encoding: .utf8)
        do {
            _ = try store.open(session.id, stamp: stamp)
            Issue.record("an altered last line was opened")
        } catch {
            #expect(error.code == "timeline-damaged")
            #expect(error.message.en.contains("line 2"))
        }
        let report = try Verifier.verify(folder: session.folder)
        #expect(!report.isIntact)
        #expect(report.damage?.line == 2)
        #expect(report.tornTail == nil)
        let sideFiles = try FileManager.default.contentsOfDirectory(atPath: session.folder).filter { $0.contains("torn") }
        #expect(sideFiles.isEmpty)
    }

    @Test("a whole, chained last event whose newline was cut is refused, never moved aside as torn")
    func unterminatedLastEvent() throws {
        let session = try declare()
        try session.perform(.note("已确认"))
        let path = session.journal.path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast().write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try store.open(session.id, stamp: stamp) }
        #expect(error.code == "timeline-damaged")
        #expect(error.message.en.contains("line 2"))
        #expect(error.message.en.contains("lacks its newline"))
        let report = try Verifier.verify(folder: session.folder)
        #expect(report.damage?.kind == .unterminated)
        #expect(report.tornTail == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: session.folder).filter { $0.contains("torn") }.isEmpty)
    }

    @Test("a console whose timeline was replaced under it refuses to write into the old file")
    func replacedTimeline() throws {
        let session = try declare()
        let path = session.journal.path
        try FileManager.default.copyItem(atPath: path, toPath: path + ".restored")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".restored", toPath: path)
        let error = try #require(throws: StoreError.self) { try session.perform(.note("写到哪里去了？")) }
        #expect(error.code == "timeline-replaced")
        #expect(throws: StoreError.self) { try session.refresh() }
        let reopened = try store.open(session.id, stamp: stamp)
        #expect(reopened.state.noteCount == 0)
        try reopened.perform(.note("重新打开后照常记录"))
        #expect(reopened.state.noteCount == 1)
    }

    @Test("damage before the last line refuses to open and names the line")
    func damageRefuses() throws {
        let session = try declare()
        for text in ["一", "二", "三"] { try session.perform(.note(text)) }
        var lines = try lines(session)
        lines[1] = Array(String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "一", with: "壹").utf8)
        try Data((lines.map { Data($0) }.joined(separator: Data([0x0A])) + Data([0x0A]))).write(to: URL(fileURLWithPath: session.journal.path))

        do {
            _ = try store.open(session.id, stamp: stamp)
            Issue.record("a damaged timeline opened")
        } catch {
            #expect(error.code == "timeline-damaged")
            #expect(error.message.en.contains("line 3"))
        }
        let report = try Verifier.verify(folder: session.folder)
        #expect(!report.isIntact)
        #expect(report.damage?.line == 3)
        #expect(report.damage?.kind == .chainBroken)
        #expect(report.intactLines == 2)
    }

    @Test("a removed line is caught as out of sequence")
    func removedLine() throws {
        let session = try declare()
        for text in ["一", "二"] { try session.perform(.note(text)) }
        var lines = try lines(session)
        lines.remove(at: 1)
        try Data((lines.map { Data($0) }.joined(separator: Data([0x0A])) + Data([0x0A]))).write(to: URL(fileURLWithPath: session.journal.path))
        let report = try Verifier.verify(folder: session.folder)
        #expect(report.damage?.line == 2)
        #expect(report.damage?.kind == .outOfSequence)
    }

    @Test("an edited frozen playbook is caught")
    func alteredPlaybook() throws {
        let session = try declare()
        try Data(PlaybookValidationTests.valid.replacingOccurrences(of: "4h", with: "40h").utf8)
            .write(to: URL(fileURLWithPath: session.folder + "/playbook.yaml"))
        do {
            _ = try store.open(session.id, stamp: stamp)
            Issue.record("opened with an altered playbook")
        } catch {
            #expect(error.code == "playbook-altered")
        }
        #expect(try Verifier.verify(folder: session.folder).playbookAltered)
    }

    @Test("a timeline copied into another incident's folder is refused and fails verify")
    func copiedTimeline() throws {
        let session = try declare()
        let copy = store.home.incidents + "/INC-20261129-009"
        try FileManager.default.copyItem(atPath: session.folder, toPath: copy)
        do {
            _ = try store.open("INC-20261129-009", stamp: stamp)
            Issue.record("a copied timeline opened")
        } catch {
            #expect(error.code == "timeline-misplaced")
        }
        #expect(try Verifier.verify(folder: copy).misplacedAs == session.id.description)
        #expect(try Verifier.verify(folder: session.folder).misplacedAs == nil)
    }

    @Test("event types from a newer version are kept, counted and written around")
    func newerEventTypes() throws {
        let session = try declare()
        let previous = try lines(session).last!
        let foreign = Event(seq: 2, ts: clock.now(), actor: "newer", type: "evidence.sealed", data: ["id": "E1", "seal": .object(["no": 7])], prev: LineHash.hex(previous))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: session.journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(foreign.line + [0x0A]))
        try handle.close()

        let reopened = try store.open(session.id, stamp: stamp)
        #expect(reopened.events.last == foreign)
        #expect(reopened.state.unknownEventCount == 1)
        #expect(EventText.summary(foreign, playbook: reopened.playbook, language: .en).hasPrefix("evidence.sealed {\"id\":\"E1\""))
        try reopened.perform(.note("之后的记录"))
        #expect(try Verifier.verify(folder: session.folder).intactLines == 3)
        #expect(try lines(reopened)[1] == foreign.line, "the unknown line is left byte for byte")
    }
}
