import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

/// Drills on disk: under drills/ only, their scenario frozen, every event in drill time
/// whichever process writes it.
@Suite("Drills on disk")
struct DrillStoreTests {
    let folder = TemporaryFolder()
    let wall = ManualClock(Fixtures.start)
    var home: Home { Home(root: folder.path + "/home") }
    var store: IncidentStore { IncidentStore(home: home) }
    var stamp: Stamp { Stamp(actor: "facilitator", clock: wall) }

    func scenario() throws -> LoadedScenario {
        _ = folder.write("playbooks/mini.yaml", PlaybookValidationTests.valid)
        let file = folder.write("playbooks/drills/mini-drill.yaml", ScenarioValidationTests.valid)
        return try ScenarioLoader.load(path: file, playbooks: PlaybookCatalog(directories: []).playbooks(near: file))
    }

    @Test("a drill is declared under drills/ with its scenario frozen beside the playbook, never under incidents/")
    func declaredUnderDrills() throws {
        let loaded = try scenario()
        let drill = try store.declareDrill(loaded, language: .zh, stamp: stamp)
        #expect(drill.id.kind == .drill)
        #expect(drill.session.folder == home.drills + "/" + drill.id.description)
        #expect(!FileManager.default.fileExists(atPath: home.incidents))
        let frozen = try Data(contentsOf: URL(fileURLWithPath: drill.session.folder + "/scenario.yaml"))
        #expect([UInt8](frozen) == loaded.bytes)
        let attributes = try FileManager.default.attributesOfItem(atPath: drill.session.folder + "/scenario.yaml")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let declaration = try #require(drill.events.first)
        #expect(declaration.data.string("scenario") == "mini-drill")
        #expect(declaration.data.string("scenario_sha256") == loaded.sha256)
        #expect(drill.state.title == "小演练")
        #expect(drill.state.severity == .general)
        #expect(drill.state.detectedAt == Fixtures.start.adding(seconds: -600))
        #expect(store.list(kind: .drill).map(\.id) == [drill.id])
        #expect(store.list(kind: .incident).isEmpty)
    }

    @Test("every process writes in drill time: the conductor, and a note from another terminal")
    func drillTimeEverywhere() throws {
        let drill = try store.declareDrill(try scenario(), language: .en, stamp: stamp)
        let conductor = DrillConductor(journal: drill, scenario: drill.scenario.scenario)
        try conductor.start(speed: 600, seed: 3)
        let start = try #require(drill.state.drill?.startedAt)
        #expect(try conductor.tick().map { $0.data.string("inject") } == ["opening"], "the inject at 0 arrives with the first tick")
        wall.advance(seconds: 1)
        let delivered = try conductor.tick()
        #expect(delivered.first?.data.string("inject") == "call")
        #expect(delivered.allSatisfy { $0.ts >= start.adding(seconds: 540) && $0.ts <= start.adding(seconds: 660) }, "ten minutes in, give or take the jitter")

        // Another process (cordon note) opens the same drill: its clock is read off the timeline.
        let elsewhere = try store.open(drill.id.description, stamp: Stamp(actor: "responder", clock: wall))
        #expect(elsewhere.drillClock?.now() == conductor.now)
        let note = try elsewhere.perform(.note("已联系记者"))
        #expect(note[0].ts == conductor.now)
        #expect(note[0].ts > wall.now(), "drill time runs ahead of the wall clock")

        try drill.refresh()
        #expect(drill.state.noteCount == 1)
        #expect(try Verifier.verify(folder: drill.session.folder).isIntact)
    }

    @Test("two processes that both think they conduct a drill never deliver an inject twice: the lock and the latest state decide")
    func oneConductorAtATime() throws {
        let drill = try store.declareDrill(try scenario(), language: .en, stamp: stamp)
        let old = DrillConductor(journal: drill, scenario: drill.scenario.scenario, console: "old")
        try old.start(speed: 600, seed: 3)
        try old.tick()
        #expect(drill.state.drill?.delivered.map(\.inject) == ["opening"])

        // The facilitator's console looks dead; a colleague takes over from another process.
        let colleague = try store.openDrill(drill.id.description, stamp: Stamp(actor: "lina", clock: wall))
        let successor = DrillConductor(journal: colleague, scenario: colleague.scenario.scenario, console: "new")
        try successor.takeOver()
        try successor.perform(.resume)
        wall.advance(seconds: 2)

        // The old console was alive after all, and has not read the take-over: its view says the call is due.
        #expect(old.isConducting, "its state is stale")
        #expect(try old.tick().isEmpty, "under the lock it catches up, sees the take-over and delivers nothing")
        #expect(!old.isConducting)
        #expect(try successor.tick().first?.data.string("inject") == "call")
        #expect(try old.tick().isEmpty)
        #expect(throws: Refusal.self) { try old.end(.hangup) }

        let lines = try String(contentsOfFile: drill.session.folder + "/timeline.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"type\":\"inject.delivered\"") }.count == 2, "opening and call, once each")
        #expect(lines.contains { $0.contains("\"action\":\"takeover\"") && $0.contains("\"actor\":\"lina\"") })
        #expect(try Verifier.verify(folder: drill.session.folder).isIntact)
    }

    @Test("in a drill started before consoles were told apart, two conductors racing for an inject deliver it once")
    func racingOlderConductors() throws {
        let drill = try store.declareDrill(try scenario(), language: .en, stamp: stamp)
        try drill.record { DrillRules.start(scenario: drill.scenario.scenario, seed: 3, speed: 600, state: $0, playbook: drill.playbook, wall: wall.now()) }
        let other = try store.openDrill(drill.id.description, stamp: Stamp(actor: "lina", clock: wall))
        let one = DrillConductor(journal: drill, scenario: drill.scenario.scenario)
        let two = DrillConductor(journal: other, scenario: other.scenario.scenario)
        wall.advance(seconds: 2)
        #expect(try one.tick().contains { $0.type == EventType.injectDelivered })
        #expect(try two.tick().isEmpty, "its stale view thought the injects due; the latest state says they are delivered")
        let lines = try String(contentsOfFile: drill.session.folder + "/timeline.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"inject\":\"opening\"") && $0.contains("inject.delivered") }.count == 1)
    }

    @Test("opening a drill as a drill needs its scenario; a hand-declared drill or an incident says why not")
    func openDrill() throws {
        let loaded = try scenario()
        let drill = try store.declareDrill(loaded, language: .en, stamp: stamp)
        #expect(try store.openDrill(drill.id.description, stamp: stamp).scenario.sha256 == loaded.sha256)

        let byHand = try store.declare(Declaration(playbook: loaded.playbook, title: "桌面推演", kind: .drill), stamp: stamp)
        #expect(byHand.drillClock != nil)
        #expect(throws: StoreError.self) { try store.openDrill(byHand.id.description, stamp: stamp) }
        let incident = try store.declare(Declaration(playbook: loaded.playbook, title: "真实事件"), stamp: stamp)
        #expect(incident.drillClock == nil)
        do {
            _ = try store.openDrill(incident.id.description, stamp: stamp)
            Issue.record("an incident opened as a drill")
        } catch {
            #expect(error.code == "not-a-drill")
        }
    }

    @Test("a frozen scenario changed after the declaration is refused and caught by verify")
    func alteredScenario() throws {
        let drill = try store.declareDrill(try scenario(), language: .en, stamp: stamp)
        let path = drill.session.folder + "/scenario.yaml"
        try (ScenarioValidationTests.valid.replacingOccurrences(of: "points: 20", with: "points: 200") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        do {
            _ = try store.openDrill(drill.id.description, stamp: stamp)
            Issue.record("an altered scenario was accepted")
        } catch {
            #expect(error.code == "scenario-altered")
        }
        let report = try Verifier.verify(folder: drill.session.folder)
        #expect(report.scenarioAltered)
        #expect(!report.playbookAltered)
        #expect(!report.isIntact)
    }
}
