import ArgumentParser
import CordonCore
import CordonStore
import Foundation

struct Playbooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the playbooks and drill scenarios Cordon finds, or validate them. 剧本与演练场景的列表与校验。",
        subcommands: [List.self, Validate.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the playbooks found and where, each with its drill scenarios.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CordonCLI.run(global) { context in
                let catalog = context.catalog
                let scenarios = catalog.scenarioEntries()
                // As with playbooks, the first scenario of an id in the search order is the one used.
                var seenScenarios: Set<String> = []
                let usable = scenarios.compactMap { try? $0.result.get() }.filter { seenScenarios.insert($0.scenario.id).inserted }
                var items: [JSONValue] = []
                var seen: Set<String> = []
                for entry in catalog.entries() {
                    switch entry.result {
                    case .success(let loaded):
                        let playbook = loaded.playbook
                        // The first folder in the search order wins; later copies of an id are never used.
                        guard seen.insert(playbook.id).inserted else { continue }
                        let drills = usable.filter { $0.playbook.playbook.id == playbook.id }
                        items.append(.object([
                            "id": .string(playbook.id), "version": .int(playbook.version), "title": .string(playbook.title[context.language]),
                            "path": .string(entry.path), "drills": .array(drills.map { .string($0.scenario.id) }),
                        ]))
                        if !context.options.json {
                            print("\(playbook.id)  v\(playbook.version)  \(playbook.title[context.language])  \(entry.path)")
                            for drill in drills {
                                print("    " + context.text("演练 ", "drill ") + "\(drill.scenario.id)  \(drill.scenario.title[context.language])  \(drill.file)")
                            }
                        }
                    case .failure(let error):
                        items.append(.object(["path": .string(entry.path), "error": .string(error.description)]))
                        if !context.options.json {
                            print(context.text("⚠ 无效：", "⚠ invalid: ") + "\(entry.path) — cordon playbooks validate \(entry.path)")
                        }
                    }
                }
                for case let (path, .failure(error)) in scenarios.map({ ($0.path, $0.result) }) {
                    items.append(.object(["path": .string(path), "error": .string(error.description)]))
                    if !context.options.json {
                        print(context.text("⚠ 无效的演练场景：", "⚠ invalid drill scenario: ") + "\(path) — cordon playbooks validate \(path)")
                    }
                }
                if context.options.json {
                    print(JSONWriter.string(.array(items)))
                } else if items.isEmpty {
                    print(context.text("未找到剧本；已搜索：", "No playbooks found; searched: ") + catalog.directories.joined(separator: ", "))
                }
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check playbook and drill scenario files (or every YAML file in a folder and its drills/) and report each problem as file:line.",
            discussion: """
                A file in a drills/ folder, or with a top-level playbook: key, is a drill scenario: its steps, deadlines and injects
                are checked against the playbook it names, found beside the drills/ folder first, then among the installed playbooks.
                Exit 0 when every file is valid, 1 otherwise.
                """)

        @Argument(help: "Playbook or scenario files, or folders.") var paths: [String]
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CordonCLI.run(global) { context in
                let catalog = context.catalog
                var failed = false
                var results: [JSONValue] = []
                for file in expand(paths) {
                    do throws(DocumentError) {
                        if DrillProgrammeLoader.isPlan(path: file) {
                            let known = Set(catalog.scenarioEntries().compactMap { try? $0.result.get().scenario.id })
                            let plan = try DrillProgrammeLoader.load(path: file, scenarios: known)
                            results.append(.object(["file": .string(file), "ok": true, "kind": "plan"]))
                            if !context.options.json {
                                print(context.text("通过  \(file)  （演练计划：\(plan.entries.count) 次演练）", "ok  \(file)  (drill plan: \(plan.entries.count) drills)"))
                            }
                        } else if ScenarioLoader.isScenario(path: file) {
                            let scenario = try ScenarioLoader.load(path: file, playbooks: catalog.playbooks(near: file)).scenario
                            results.append(.object(["file": .string(file), "ok": true, "id": .string(scenario.id), "kind": "scenario"]))
                            if !context.options.json {
                                print(context.text(
                                    "通过  \(file)  （演练 \(scenario.id) → \(scenario.playbook)：\(scenario.injects.count) 条注入，\(scenario.expectations.count) 项期望，共 \(scenario.maximumScore) 分）",
                                    "ok  \(file)  (drill \(scenario.id) → \(scenario.playbook): \(scenario.injects.count) injects, \(scenario.expectations.count) expectations, \(scenario.maximumScore) points)"))
                            }
                        } else {
                            let playbook = try PlaybookLoader.load(path: file).playbook
                            results.append(.object(["file": .string(file), "ok": true, "id": .string(playbook.id), "kind": "playbook"]))
                            if !context.options.json {
                                print(context.text(
                                    "通过  \(file)  （\(playbook.id) v\(playbook.version)：\(playbook.phases.count) 个阶段，\(playbook.allSteps.count) 个步骤，\(playbook.deadlines.count) 个时限）",
                                    "ok  \(file)  (\(playbook.id) v\(playbook.version): \(playbook.phases.count) phases, \(playbook.allSteps.count) steps, \(playbook.deadlines.count) deadlines)"))
                            }
                        }
                    } catch {
                        failed = true
                        results.append(.object(["file": .string(file), "ok": false, "problems": .array(error.diagnostics.map { diagnostic in
                            .object(["line": diagnostic.line.map(JSONValue.int) ?? .null, "column": diagnostic.column.map(JSONValue.int) ?? .null, "message": .string(diagnostic.message)])
                        })]))
                        if !context.options.json {
                            for diagnostic in error.diagnostics { print(diagnostic.description.terminalSafe) }
                        }
                    }
                }
                if context.options.json { print(JSONWriter.string(.array(results))) }
                if failed { throw ExitCode(1) }
            }
        }

        /// Files as given; a folder stands for its YAML files and those of its `drills/` folder.
        private func expand(_ paths: [String]) -> [String] {
            paths.flatMap { path -> [String] in
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
                var folder = path
                while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
                return yamlFiles(folder) + yamlFiles(folder + "/drills")
            }
        }

        private func yamlFiles(_ folder: String) -> [String] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { folder + "/" + $0 }
        }
    }
}
