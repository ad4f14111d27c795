import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing
@testable import CordonTUI

/// A drill whose facilitator's console went quiet, taken over from `cordon open DRL-…` in
/// another process: two consoles on the same timeline file, real time moved by hand.
@Suite struct DrillTakeOverConsoleTests {
    let folder = TemporaryFolder()
    let wall = ManualClock(Fixtures.start)
    var store: IncidentStore { IncidentStore(home: Home(root: folder.path + "/home")) }
    let size = Size(width: 100, height: 30)

    /// The facilitator's console on the bundled data-room drill at 60×, its first inject
    /// delivered and read: then it goes quiet for an hour while the drill waits at the next inject.
    func abandonedDrill() throws -> (id: String, facilitator: ConsoleProgram) {
        let playbooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../playbooks").standardized.path
        let loaded = try PlaybookCatalog(directories: [playbooks]).findScenario("data-room-overshare")
        let drill = try store.declareDrill(loaded, language: .zh, stamp: Stamp(actor: "zhangwei", clock: wall))
        let facilitator = try ConsoleProgram(
            conducting: DrillConductor(journal: drill, scenario: loaded.scenario), speed: 60, seed: 7, language: .zh, size: size, clock: wall)
        facilitator.press(.enter)
        wall.advance(seconds: 10)
        facilitator.tick()
        #expect(facilitator.render().contains("来自 数据室服务商客户经理"))
        facilitator.press(.escape)
        wall.advance(seconds: 3600)
        return (drill.id.description, facilitator)
    }

    func console(_ id: String, as actor: String) throws -> ConsoleProgram {
        ConsoleProgram(journal: try store.openForConsole(id, stamp: Stamp(actor: actor, clock: wall)), language: .zh, size: size, clock: wall)
    }

    func deliveries(_ id: String) throws -> [String] {
        try store.open(id, stamp: Stamp(actor: "auditor", clock: wall)).state.drill?.delivered.map(\.inject) ?? []
    }

    @Test func aDrillNobodyConductsIsTakenOverFromAnotherConsoleAfterSayingWhoConductedItLast() throws {
        let (id, _) = try abandonedDrill()
        let lina = try console(id, as: "lina")
        lina.tick()
        #expect(try deliveries(id) == ["vdr-confirms"], "the drill stands at its next inject: nobody delivers it")
        #expect(lina.render().contains("下一注入 0:00:00"), "its clock waits there")
        let hints = lina.render().lines.last ?? ""
        #expect(hints.contains("T 接管") && !hints.contains("p 暂停"), "\(hints)")
        lina.press(.character("p"))
        #expect(lina.render().contains("演练时钟由主持人的控制台掌控；若它已断开，按 T 接管。"))

        lina.press(.character("T"))
        #expect(lina.render().contains("上一位主持人：zhangwei"))
        #expect(lina.render().contains("11-29 09:00:10"), "when the facilitator's console last moved the clock")
        lina.press(.character("y"))
        #expect(lina.render().contains("接管演练时钟（原主持人 zhangwei），时钟暂停"))
        #expect(lina.render().lines.last?.contains("p 继续") == true, "the clock is held for the new facilitator")
        lina.press(.character("p"))
        #expect(try deliveries(id) == ["vdr-confirms", "grading-call"], "resuming delivers what was due, once")
        #expect(lina.render().contains("来自 数据安全委员会主任"))

        let timeline = try store.open(id, stamp: Stamp(actor: "auditor", clock: wall))
        let takeover = try #require(timeline.state.drill)
        #expect(takeover.facilitator == "lina")
        let replayed = try IncidentState.fold(try store.open(id, stamp: Stamp(actor: "auditor", clock: wall), keepEvents: true).events)
        #expect(replayed.drill?.facilitator == "lina", "a replay sees the take-over")
    }

    @Test func theOldFacilitatorsConsoleStillRunningStopsConductingAndDeliversNothingTwice() throws {
        let (id, zhangwei) = try abandonedDrill()
        let lina = try console(id, as: "lina")
        lina.press(.character("T"), .character("y"), .character("p"), .escape)
        #expect(try deliveries(id) == ["vdr-confirms", "grading-call"])

        zhangwei.refresh()
        #expect(zhangwei.render().contains("lina 在另一控制台接管了演练时钟"))
        #expect(zhangwei.conductor == nil)
        #expect(zhangwei.render().lines.last?.contains("T 接管") == true)
        zhangwei.press(.escape, .character("p"))
        #expect(zhangwei.render().contains("按 T 接管"))
        wall.advance(seconds: 7200)
        zhangwei.tick()
        lina.tick()
        let delivered = try deliveries(id)
        #expect(Set(delivered).count == delivered.count, "no inject twice: \(delivered)")
        zhangwei.press(.character("q"))
        #expect(!zhangwei.render().contains("演练仍在进行"), "quitting there no longer ends the drill")
        zhangwei.press(.character("y"))
        #expect(try store.open(id, stamp: Stamp(actor: "auditor", clock: wall)).state.drill?.hasEnded == false)

        let terminal = MemoryTerminal(size: size, inputs: [.signal(1)])
        #expect(ConsoleLoop.run(lina, on: terminal) == .signal(1))
        #expect(try store.open(id, stamp: Stamp(actor: "auditor", clock: wall)).state.drill?.endReason == "hangup", "the new facilitator's hang-up ends it")
    }
}
