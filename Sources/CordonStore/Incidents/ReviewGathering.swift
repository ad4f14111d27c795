import CordonCore

extension IncidentStore {
    /// Reads every incident and drill of the home with its frozen playbook (and a drill's frozen
    /// scenario), the catalog's playbooks and its drill plan, for a review.
    public func reviewSources(catalog: PlaybookCatalog) -> ReviewSources {
        var sources = ReviewSources()
        let stamp = Stamp(actor: Identity.login(), clock: SystemClock())
        for kind in [IncidentId.Kind.incident, .drill] {
            for id in ids(kind: kind) {
                do throws(StoreError) {
                    let session = try open(id, stamp: stamp, keepEvents: false)
                    let scenario = kind == .drill ? try frozenScenario(of: session)?.scenario : nil
                    sources.subjects.append(ReviewSubject(state: session.state, playbook: session.playbook, scenario: scenario))
                } catch {
                    sources.problems.append(LocalizedText(zh: "无法读取 \(id)：\(error.message.zh)", en: "cannot read \(id): \(error.message.en)"))
                }
            }
        }
        sources.playbooks = catalog.usablePlaybooks().map(\.playbook)
        switch catalog.drillProgramme() {
        case .success(let programme): sources.programme = programme
        case .failure(let error):
            sources.problems.append(LocalizedText(zh: "无法读取演练计划：\(error.description)", en: "cannot read the drill plan: \(error.description)"))
        case nil: break
        }
        return sources
    }
}
