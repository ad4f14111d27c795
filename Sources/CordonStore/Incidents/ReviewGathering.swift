import CordonCore
import Foundation

extension IncidentStore {
    /// Reads every incident and drill of the home with its frozen playbook (and a drill's frozen
    /// scenario), the catalog's playbooks and its drill plan, for a review.
    public func reviewSources(catalog: PlaybookCatalog) -> ReviewSources {
        var sources = ReviewSources()
        let stamp = Stamp(actor: Identity.login(), clock: SystemClock())
        for kind in [IncidentId.Kind.incident, .drill] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: home.folder(for: kind))) ?? []
            for id in names.compactMap(IncidentId.init).filter({ $0.kind == kind }).sorted() {
                do throws(StoreError) {
                    let session = try open(id, stamp: stamp, keepEvents: false)
                    let scenario = kind == .drill ? try frozenScenario(of: session)?.scenario : nil
                    sources.subjects.append(ReviewSubject(state: session.state, playbook: session.playbook, scenario: scenario))
                } catch {
                    sources.problems.append(LocalizedText(zh: "无法读取 \(id)：\(error.message.zh)", en: "cannot read \(id): \(error.message.en)"))
                }
            }
        }
        var seen: Set<String> = []
        for entry in catalog.entries() {
            guard case .success(let loaded) = entry.result, seen.insert(loaded.playbook.id).inserted else { continue }
            sources.playbooks.append(loaded.playbook)
        }
        switch catalog.drillProgramme() {
        case .success(let programme): sources.programme = programme
        case .failure(let error):
            sources.problems.append(LocalizedText(zh: "无法读取演练计划：\(error.description)", en: "cannot read the drill plan: \(error.description)"))
        case nil: break
        }
        return sources
    }
}
