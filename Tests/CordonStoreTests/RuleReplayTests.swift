import CordonCore
@testable import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// `cordon verify` asks the rules again about every event where it stands. Whatever the rules
/// let in must pass that: a seeded responder works incidents through every command, refused ones
/// included, and verify must find nothing to object to, while a line forged around the rules is
/// named.
@Suite("Rule replay in verify")
struct RuleReplayTests {
    let folder = TemporaryFolder()
    let clock = ManualClock(Fixtures.start)

    static let playbook: LoadedPlaybook = try! PlaybookLoader.load(path: Fixtures.repository + "/playbooks/pi-leak.yaml")

    @Test("every timeline written through the rules passes verify's replay, however the responder worked it", arguments: 1...8)
    func rulesWrittenTimelinesPass(seed: UInt64) throws {
        let store = IncidentStore(home: Home(root: folder.path + "/home"))
        let session = try store.declare(Declaration(playbook: Self.playbook, title: "重放 \(seed)", severity: seed.isMultiple(of: 2) ? .serious : nil), stamp: Stamp(actor: "zhangwei", clock: clock))
        // A second writer on its own session, as a second console or command would be.
        let other = try store.open(session.id, stamp: Stamp(actor: "lina", onBehalfOf: "李娜", clock: clock), keepEvents: false)
        var responder = RandomResponder(seed: seed, playbook: Self.playbook.playbook)
        var random = SeededGenerator(seed: seed &+ 50)
        for _ in 0..<300 {
            clock.advance(seconds: responder.draw(0...900))
            let writer = random.draw(0...2) == 0 ? other : session
            _ = try? writer.perform(responder.next(writer.state))
        }
        let report = try Verifier.verify(folder: session.folder)
        #expect(report.objections == [], "\(report.objections.map(\.message.en))")
        #expect(report.isIntact)
    }

    @Test("a clock set back between two writes never dates a line before the one it follows")
    func clockSetBackIsHeldAtTheLastLine() throws {
        let store = IncidentStore(home: Home(root: folder.path + "/home"))
        let session = try store.declare(Declaration(playbook: Self.playbook, title: "回拨", severity: .serious), stamp: Stamp(actor: "zhangwei", clock: clock))
        let declared = session.state.declaredAt
        clock.advance(seconds: -3 * 3_600)
        let written = try session.perform(.notify(audience: "regulator", channel: "网信办报送系统"))
        #expect(written.allSatisfy { $0.ts.millis == declared.millis })
        #expect(written.allSatisfy { $0.data[Journal.clockKey]?.object?.int("behind_ms") == 3 * 3_600_000 })
        // Another process reads the line it follows from the file, not from its own memory.
        let reopened = try store.open(session.id, stamp: Stamp(actor: "lina", clock: clock), keepEvents: false)
        clock.advance(seconds: 60)
        let later = try reopened.perform(.note("一分钟后，时钟仍慢"))
        #expect(later[0].ts.millis == declared.millis)
        let deadline = try #require(DeadlineBoard.evaluate(playbook: Self.playbook.playbook, state: reopened.state, now: clock.now()).first { $0.deadline.id == "cac-report" })
        #expect(deadline.state == .met)
        #expect(try #require(deadline.metAt) >= deadline.startedAt)
        #expect(try Verifier.verify(folder: session.folder).isIntact)
    }
}
