import CordonCore

/// The incidents, drills and playbooks of one home folder, as the home screen sees them.
public final class HomeLibrary: IncidentLibrary {
    public let store: IncidentStore
    public let catalog: PlaybookCatalog
    public let stamp: Stamp

    public init(store: IncidentStore, catalog: PlaybookCatalog, stamp: Stamp) {
        self.store = store
        self.catalog = catalog
        self.stamp = stamp
    }

    public func incidents(kind: IncidentId.Kind) -> [IncidentListing] {
        store.list(kind: kind).map { summary in
            IncidentListing(id: summary.id.description, state: summary.state, phaseTitle: summary.phaseTitle, problem: summary.problem, playbook: summary.playbook)
        }
    }

    /// Valid playbooks, the first found of each id (a team's own before the bundled ones).
    public func playbooks() -> [PlaybookListing] {
        catalog.usablePlaybooks().map { PlaybookListing(id: $0.playbook.id, version: $0.playbook.version, title: $0.playbook.title) }
    }

    public func declare(_ request: DeclareRequest) throws -> any IncidentJournal {
        let loaded: LoadedPlaybook
        do {
            loaded = try catalog.find(request.playbook)
        } catch {
            throw StoreError(
                "bad-playbook",
                zh: "无法读取剧本“\(request.playbook)”，未宣布任何事件：\(error.text(.zh))",
                en: "The playbook '\(request.playbook)' cannot be read, so nothing was declared: \(error.description)")
        }
        let declaration = Declaration(playbook: loaded, title: request.title, severity: request.severity, detectedAt: request.detectedAt, kind: request.kind)
        return try store.declare(declaration, stamp: stamp)
    }

    /// A drill with its frozen scenario opens as a `DrillSession`, so its console can answer injects.
    public func open(_ id: String) throws -> any IncidentJournal {
        try store.openForConsole(id, stamp: stamp)
    }

    /// Valid scenarios, the first found of each id.
    public func scenarios() -> [Scenario] {
        var seen: Set<String> = []
        return catalog.scenarioEntries().compactMap { entry in
            guard case .success(let loaded) = entry.result, seen.insert(loaded.scenario.id).inserted else { return nil }
            return loaded.scenario
        }
    }

    public func declareDrill(scenario: String, language: Language) throws -> DrillOpening {
        let loaded: LoadedScenario
        do {
            loaded = try catalog.findScenario(scenario)
        } catch {
            throw StoreError(
                "bad-scenario",
                zh: "无法读取演练场景“\(scenario)”，未创建任何演练：\(error.text(.zh))",
                en: "The drill scenario '\(scenario)' cannot be read, so no drill was created: \(error.description)")
        }
        let drill = try store.declareDrill(loaded, language: language, stamp: stamp)
        return DrillOpening(journal: drill, scenario: loaded.scenario)
    }

    public func reviewSources() -> ReviewSources {
        store.reviewSources(catalog: catalog)
    }
}
