import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// What a failing disk does to a write, arranged with `FileFaults`: the responder is told
/// plainly, the timeline keeps exactly its acknowledged lines, and a failed `fsync` is never
/// turned into a success by trying again.
@Suite("Write faults")
struct WriteFaultTests {
    let folder = TemporaryFolder()
    let clock = ManualClock(Fixtures.start)
    var store: IncidentStore { IncidentStore(home: Home(root: folder.path + "/home")) }
    var stamp: Stamp { Stamp(actor: "zhangwei", clock: clock) }

    func declare() throws -> IncidentSession {
        let playbook = try PlaybookLoader.parse(Array(PlaybookValidationTests.valid.utf8), file: "mini.yaml")
        let session = try store.declare(Declaration(playbook: playbook, title: "磁盘故障演练", severity: .serious), stamp: stamp)
        try session.perform(.note("第一条"))
        return session
    }

    func bytes(_ session: IncidentSession) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: session.journal.path))
    }

    @Test("a failed fsync fails the command, cuts the line back, and the next write starts from the last acknowledged line")
    func fsyncFailure() throws {
        let session = try declare()
        defer { FileFaults.disarm(under: folder.path) }
        let before = try bytes(session)
        FileFaults.arm(.fsync, under: folder.path, code: EIO)
        let error = try #require(throws: StoreError.self) { try session.perform(.note("未确认的备注")) }
        #expect(error.code == "sync-failed")
        #expect(error.message.en.contains("NOT recorded"))
        #expect(error.message.zh.contains("未记录"))
        #expect(try bytes(session) == before, "nothing unsynced stays in the file")
        #expect(session.state.lastSeq == 2, "nothing unsynced is in the state")

        let written = try session.perform(.note("磁盘恢复后"))
        #expect(written.map(\.seq) == [3])
        #expect(try Verifier.verify(folder: session.folder).isIntact)
        let notes = try Journal(path: session.journal.path).readNew().compactMap { $0.data.string("text") }
        #expect(notes == ["第一条", "磁盘恢复后"])
    }

    @Test("a write that runs out of space part-way leaves no partial line and says the disk is full")
    func shortWriteThenFull() throws {
        let session = try declare()
        defer { FileFaults.disarm(under: folder.path) }
        let before = try bytes(session)
        FileFaults.arm(.write, under: folder.path, code: ENOSPC, partial: 40)
        let error = try #require(throws: StoreError.self) { try session.perform(.note(String(repeating: "长", count: 500))) }
        #expect(error.code == "disk-full")
        #expect(error.message.en.contains("the disk is full") && error.message.en.contains("Nothing was recorded"))
        #expect(try bytes(session) == before)
        #expect(try session.perform(.note("腾出空间后")).map(\.seq) == [3])
        #expect(try Verifier.verify(folder: session.folder).isIntact)
    }

    @Test("when the failed line cannot be cut back either, the journal says so and writes nothing more")
    func failureThatCannotBeUndone() throws {
        let session = try declare()
        defer { FileFaults.disarm(under: folder.path) }
        FileFaults.arm(.fsync, under: folder.path, code: EIO)
        FileFaults.arm(.truncate, under: folder.path, code: EIO)
        let error = try #require(throws: StoreError.self) { try session.perform(.note("可能残留")) }
        #expect(error.code == "write-unconfirmed")
        #expect(error.message.en.contains("NOT confirmed") && error.message.en.contains("cordon verify"))
        let again = try #require(throws: StoreError.self) { try session.perform(.note("不应写入")) }
        #expect(again.code == "write-unconfirmed", "no retry is made after an fsync the disk refused")
        // Whatever the disk kept, the chain holds and no unconfirmed line is half there.
        let report = try Verifier.verify(folder: session.folder)
        #expect(report.isIntact && report.tornTail == nil)
        let notes = try Journal(path: session.journal.path).readNew().compactMap { $0.data.string("text") }
        #expect(!notes.contains("不应写入"))
    }

    @Test("a declaration that cannot be synced leaves no incident folder behind", arguments: [FileFaults.Operation.write, .fsync])
    func declarationFailureLeavesNothing(operation: FileFaults.Operation) throws {
        let playbook = try PlaybookLoader.parse(Array(PlaybookValidationTests.valid.utf8), file: "mini.yaml")
        let home = folder.path + "/home-\(operation)"
        let store = IncidentStore(home: Home(root: home))
        defer { FileFaults.disarm(under: home) }
        FileFaults.arm(operation, under: home, code: operation == .write ? ENOSPC : EIO, times: 3)
        #expect(throws: StoreError.self) { try store.declare(Declaration(playbook: playbook, title: "声明失败"), stamp: stamp) }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: store.home.incidents)) ?? []).isEmpty)
        #expect(store.list(kind: .incident).isEmpty)
    }

    @Test("a checkpoint that cannot be written costs nothing but the next read, and leaves no stray file")
    func checkpointWriteFailure() throws {
        var store = store
        store.checkpointInterval = 3
        let playbook = try PlaybookLoader.parse(Array(PlaybookValidationTests.valid.utf8), file: "mini.yaml")
        let session = try store.declare(Declaration(playbook: playbook, title: "检查点写入失败"), stamp: stamp)
        defer { FileFaults.disarm(under: folder.path) }
        FileFaults.arm(.write, pathsStarting: Checkpoint.path(in: session.folder), code: ENOSPC, partial: 10)
        try session.perform(.note("一"))
        try session.perform(.note("二"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: session.folder).sorted() == ["playbook.yaml", "timeline.jsonl"])
        let reopened = try store.open(session.id, stamp: stamp, keepEvents: false)
        #expect(reopened.resumedFrom == nil)
        #expect(reopened.state == session.state)
        #expect(Checkpoint.read(folder: session.folder)?.position.seq == 3, "the read that had to fold every line writes it")
    }
}
