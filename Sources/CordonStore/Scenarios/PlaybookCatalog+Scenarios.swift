import CordonCore
import Foundation

/// Drill scenarios live beside the playbooks they exercise, in a `drills/` folder of each
/// playbook folder: `playbooks/drills/data-room-overshare.yaml` exercises `playbooks/pi-leak.yaml`.
extension PlaybookCatalog {
    /// A scenario file found in the catalog, loaded or with what is wrong with it.
    public struct ScenarioEntry: Sendable {
        public var path: String
        public var result: Result<LoadedScenario, DocumentError>
    }

    /// Every scenario: the YAML files in each folder's `drills/` but its drill plan, and any file
    /// directly in a folder that is a scenario (it has a top-level `playbook:` key).
    public func scenarioEntries() -> [ScenarioEntry] {
        directories.flatMap { directory -> [ScenarioEntry] in
            let files = Self.yamlFiles(in: directory + "/drills").filter { !DrillProgrammeLoader.isPlan(path: $0) }
                + Self.yamlFiles(in: directory).filter { ScenarioLoader.isScenario(path: $0) }
            return files.map { path in
                ScenarioEntry(path: path, result: Result { () throws(DocumentError) in try ScenarioLoader.load(path: path, playbooks: playbooks(near: path)) })
            }
        }
    }

    /// Loads a scenario by id (searched in order) or by path (anything with a `/` or a YAML suffix).
    public func findScenario(_ reference: String) throws(DocumentError) -> LoadedScenario {
        if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
            return try ScenarioLoader.load(path: reference, playbooks: playbooks(near: reference))
        }
        for directory in directories {
            for suffix in [".yaml", ".yml"] {
                let path = directory + "/drills/" + reference + suffix
                if FileSystem.exists(path) {
                    let loaded = try ScenarioLoader.load(path: path, playbooks: playbooks(near: path))
                    if loaded.scenario.id == reference { return loaded }
                }
            }
        }
        let entries = scenarioEntries()
        for entry in entries {
            if case .success(let loaded) = entry.result, loaded.scenario.id == reference { return loaded }
        }
        let known = entries.compactMap { try? $0.result.get().scenario.id }
        let searched = directories.joined(separator: ", ")
        var error = DocumentError(file: reference, message: "no drill scenario with this id; known: \(known.isEmpty ? "none (searched the drills/ folder of \(searched))" : known.joined(separator: ", "))")
        error.chinese = "没有 id 为“\(reference)”的演练场景；" + (known.isEmpty ? "未找到任何场景（已搜索 \(searched) 下的 drills/）" : "可用：\(known.joined(separator: "、"))")
        throw error
    }

    /// Finds the playbook a scenario at `file` names: first beside the `drills/` folder the file
    /// is in, so a checkout is validated against its own playbooks, then anywhere in the catalog.
    public func playbooks(near file: String) -> ScenarioLoader.PlaybookSource {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let home = folder.lastPathComponent == "drills" ? folder.deletingLastPathComponent() : folder
        return { (id: String) throws(DocumentError) -> LoadedPlaybook in
            guard PlaybookRules.isValidId(id) else {
                throw DocumentError(file: file, message: "'\(id.prefix(40))' is not a playbook id (lowercase letters, digits and dashes)")
            }
            for suffix in [".yaml", ".yml"] {
                let path = home.appendingPathComponent(id + suffix).path
                if FileSystem.exists(path) {
                    let loaded = try PlaybookLoader.load(path: path)
                    if loaded.playbook.id == id { return loaded }
                }
            }
            return try find(id)
        }
    }
}
