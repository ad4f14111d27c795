import CordonCore
import Foundation

/// Where playbooks are found, first match winning:
///
/// 1. `$CORDON_PLAYBOOKS` (folders separated by `:`)
/// 2. `<home>/playbooks`, a team's own
/// 3. `<prefix>/share/cordon/playbooks` beside an installed `<prefix>/bin/cordon`
/// 4. `playbooks/` of the source checkout the binary was built in (so a fresh clone needs no install)
/// 5. `playbooks/` in the current folder
public struct PlaybookCatalog: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    public static func standard(home: Home, environment: [String: String], executable: String) -> PlaybookCatalog {
        var directories: [String] = []
        if let list = environment["CORDON_PLAYBOOKS"] {
            directories += list.split(separator: ":").map(String.init)
        }
        directories.append(home.playbooks)
        let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        directories.append(binary.deletingLastPathComponent().appendingPathComponent("share/cordon/playbooks").path)
        var folder = binary
        for _ in 0..<6 {
            if FileSystem.exists(folder.appendingPathComponent("Package.swift").path) {
                directories.append(folder.appendingPathComponent("playbooks").path)
                break
            }
            folder.deleteLastPathComponent()
        }
        directories.append(FileManager.default.currentDirectoryPath + "/playbooks")
        var seen: Set<String> = []
        return PlaybookCatalog(directories: directories.filter { seen.insert(URL(fileURLWithPath: $0).standardized.path).inserted })
    }

    /// A playbook file found in the catalog, loaded or with what is wrong with it.
    public struct Entry: Sendable {
        public var path: String
        public var result: Result<LoadedPlaybook, DocumentError>
    }

    /// Every `*.yaml`/`*.yml` directly in each folder that is not a drill scenario (those live in
    /// `drills/` below; see `scenarioEntries`).
    public func entries() -> [Entry] {
        directories.flatMap { directory -> [Entry] in
            Self.yamlFiles(in: directory).filter { !ScenarioLoader.isScenario(path: $0) }.map { path in
                Entry(path: path, result: Result { () throws(DocumentError) in try PlaybookLoader.load(path: path) })
            }
        }
    }

    /// The playbooks in use: of each id, the first that loads in the search order (a team's own
    /// before the bundled ones); later copies of an id and files that do not load are left out.
    public func usablePlaybooks() -> [LoadedPlaybook] {
        var seen: Set<String> = []
        return entries().compactMap { entry in
            guard case .success(let loaded) = entry.result, seen.insert(loaded.playbook.id).inserted else { return nil }
            return loaded
        }
    }

    /// The `*.yaml`/`*.yml` files directly in `directory`, sorted.
    static func yamlFiles(in directory: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { directory + "/" + $0 }
    }

    /// Loads a playbook by id (searched in order) or by path (anything with a `/` or a YAML suffix).
    public func find(_ reference: String) throws(DocumentError) -> LoadedPlaybook {
        if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
            return try PlaybookLoader.load(path: reference)
        }
        for directory in directories {
            for suffix in [".yaml", ".yml"] {
                let path = directory + "/" + reference + suffix
                if FileSystem.exists(path) {
                    let loaded = try PlaybookLoader.load(path: path)
                    if loaded.playbook.id == reference { return loaded }
                }
            }
        }
        for entry in entries() {
            if case .success(let loaded) = entry.result, loaded.playbook.id == reference { return loaded }
        }
        let known = entries().compactMap { try? $0.result.get().playbook.id }
        let searched = directories.joined(separator: ", ")
        let nearest = NearestId.suggest(reference, among: known)
        var error = DocumentError(file: reference, message: "no playbook with this id\(nearest.map { " (did you mean '\($0)'?)" } ?? ""); known: \(known.isEmpty ? "none (searched \(searched))" : known.joined(separator: ", "))")
        error.chinese = "没有 id 为“\(reference)”的剧本；\(nearest.map { "您是要“\($0)”吗？" } ?? "")" + (known.isEmpty ? "未找到任何剧本（已搜索 \(searched)）" : "可用：\(known.joined(separator: "、"))")
        throw error
    }
}
