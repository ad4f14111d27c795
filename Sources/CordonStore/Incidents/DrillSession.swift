import CordonCore
import Foundation

/// A drill on disk with the scenario it was declared from: what `cordon drill` and the drill
/// screens run on. Every event it writes is stamped by the drill clock.
public final class DrillSession: DrillJournal {
    public let session: IncidentSession
    public let scenario: LoadedScenario
    public let drillClock: DrillClock

    init(session: IncidentSession, scenario: LoadedScenario, clock: DrillClock) {
        self.session = session
        self.scenario = scenario
        drillClock = clock
    }

    public var id: IncidentId { session.id }
    public var playbook: Playbook { session.playbook }
    public var state: IncidentState { session.state }
    public var events: [Event] { session.events }
    public var drillScenario: Scenario? { scenario.scenario }

    @discardableResult
    public func refresh() throws -> [Event] { try session.refresh() }

    @discardableResult
    public func perform(_ command: Command) throws -> [Event] { try session.perform(command) }

    @discardableResult
    public func record(_ decide: (IncidentState) -> Decision) throws -> [Event] { try session.record(decide) }
}

extension IncidentStore {
    /// The scenario a drill was declared from, frozen beside its playbook.
    public static let scenarioFile = "scenario.yaml"

    /// Declares a drill from `scenario`: a `DRL-` id under `drills/`, the scenario's starting
    /// severity and detection time, and the playbook and the scenario frozen into its folder.
    /// The drill clock starts later, with `DrillConductor.start`.
    public func declareDrill(_ scenario: LoadedScenario, language: Language, stamp: Stamp) throws(StoreError) -> DrillSession {
        let start = scenario.scenario.start
        let declaration = Declaration(
            playbook: scenario.playbook, title: scenario.scenario.title[language], severity: start.severity,
            detectedAt: stamp.clock.now().adding(seconds: -start.detectedBefore), kind: .drill,
            extra: ["scenario": .string(scenario.scenario.id), "scenario_sha256": .string(scenario.sha256)],
            frozenFiles: [FrozenFile(name: Self.scenarioFile, bytes: scenario.bytes)])
        let session = try declare(declaration, stamp: stamp)
        return DrillSession(session: session, scenario: scenario, clock: session.drillClock!)
    }

    /// Opens a drill with its frozen scenario.
    public func openDrill(_ text: String, stamp: Stamp) throws(StoreError) -> DrillSession {
        let session = try open(text, stamp: stamp)
        guard let clock = session.drillClock else {
            throw StoreError("not-a-drill", zh: "\(session.id) 是真实事件，不是演练。", en: "\(session.id) is a real incident, not a drill.")
        }
        guard let scenario = try frozenScenario(of: session) else {
            throw StoreError("no-scenario", zh: "演练 \(session.id) 是手动宣布的，没有场景（剧情注入与评分）；用 cordon drill 场景 开始有场景的演练。", en: "Drill \(session.id) was declared by hand and has no scenario (injects and scoring); start one with: cordon drill SCENARIO")
        }
        return DrillSession(session: session, scenario: scenario, clock: clock)
    }

    /// Opens an incident for a console: a drill with its frozen scenario as a `DrillSession`
    /// (its injects can be answered from the console), anything else as it is.
    public func openForConsole(_ text: String, stamp: Stamp) throws(StoreError) -> any IncidentJournal {
        let session = try open(text, stamp: stamp)
        guard let clock = session.drillClock, let scenario = try frozenScenario(of: session) else { return session }
        return DrillSession(session: session, scenario: scenario, clock: clock)
    }

    /// The scenario a drill was declared from, checked against the hash recorded at declaration;
    /// `nil` for a drill declared by hand (`cordon declare --drill`).
    public func frozenScenario(of session: IncidentSession) throws(StoreError) -> LoadedScenario? {
        let path = session.folder + "/" + Self.scenarioFile
        guard FileSystem.exists(path) else { return nil }
        let playbook = try frozenPlaybook(folder: session.folder, id: session.id)
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(path: path) { (_: String) throws(DocumentError) -> LoadedPlaybook in playbook }
        } catch {
            throw StoreError("scenario-unreadable", zh: "无法读取 \(session.id) 冻结的场景：\(error.description)", en: "\(session.id)'s frozen scenario cannot be read: \(error.description)")
        }
        if let sha = session.state.scenarioSha256, sha != loaded.sha256 {
            throw StoreError("scenario-altered", zh: "\(session.id) 冻结的场景副本在宣布后被修改过（哈希不符）。未做任何更改；请保留该目录作为证据。", en: "\(session.id)'s frozen scenario was changed after the declaration (its hash differs). Nothing was changed; keep the folder as evidence.")
        }
        return loaded
    }
}
