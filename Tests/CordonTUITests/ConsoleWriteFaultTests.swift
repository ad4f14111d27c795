import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing
@testable import CordonTUI

/// The console on a real journal whose disk fails a write: the responder reads that nothing was
/// recorded, the screen does not show the action as done, and the next try works.
@Suite("Console on a failing disk")
struct ConsoleWriteFaultTests {
    @Test("a failed fsync or write shows as not recorded, and the step stays as it was", arguments: [FileFaults.Operation.fsync, .write])
    func failedWriteIsShownAsNotRecorded(operation: FileFaults.Operation) throws {
        let folder = TemporaryFolder()
        defer { FileFaults.disarm(under: folder.path) }
        let clock = ManualClock(Fixtures.start)
        let playbook = try PlaybookLoader.load(path: Fixtures.repository + "/playbooks/pi-leak.yaml")
        let session = try IncidentStore(home: Home(root: folder.path)).declare(
            Declaration(playbook: playbook, title: "磁盘故障", severity: .serious), stamp: Stamp(actor: "zhangwei", clock: clock))
        let program = ConsoleProgram(journal: session, language: .zh, size: Size(width: 100, height: 30), clock: clock)
        let before = try Data(contentsOf: URL(fileURLWithPath: session.journal.path))

        FileFaults.arm(operation, under: folder.path, code: operation == .fsync ? EIO : ENOSPC, partial: 30)
        program.press(.space)
        let screen = program.render()
        #expect(screen.contains(operation == .fsync ? "磁盘未能确认写入" : "磁盘已满"), "\(screen)")
        #expect(session.state.stepState("confirm-leak") == .pending)
        #expect(try Data(contentsOf: URL(fileURLWithPath: session.journal.path)) == before)

        program.press(.space)
        #expect(session.state.stepState("confirm-leak") == .done)
        #expect(program.render().contains("完成 核实泄露线索"))
        #expect(try Verifier.verify(folder: session.folder).isIntact)
    }
}
