import ArgumentParser
import CordonCore
import CordonStore
import Foundation

struct Playbooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the playbooks Cordon finds, or validate playbook files. 剧本列表与校验。",
        subcommands: [List.self, Validate.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the playbooks found and where.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CordonCLI.run(global) { context in
                let catalog = context.catalog
                var items: [JSONValue] = []
                var seen: Set<String> = []
                for entry in catalog.entries() {
                    switch entry.result {
                    case .success(let loaded):
                        let playbook = loaded.playbook
                        // The first folder in the search order wins; later copies of an id are never used.
                        guard seen.insert(playbook.id).inserted else { continue }
                        items.append(.object(["id": .string(playbook.id), "version": .int(playbook.version), "title": .string(playbook.title[context.language]), "path": .string(entry.path)]))
                        if !context.options.json {
                            print("\(playbook.id)  v\(playbook.version)  \(playbook.title[context.language])  \(entry.path)")
                        }
                    case .failure(let error):
                        items.append(.object(["path": .string(entry.path), "error": .string(error.description)]))
                        if !context.options.json {
                            print(context.text("⚠ 无效：", "⚠ invalid: ") + "\(entry.path) — cordon playbooks validate \(entry.path)")
                        }
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
            abstract: "Check playbook files (or every YAML file in a folder) and report each problem as file:line.",
            discussion: "Exit 0 when every file is valid, 1 otherwise.")

        @Argument(help: "Playbook files or folders.") var paths: [String]
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try CordonCLI.run(global) { context in
                var failed = false
                var results: [JSONValue] = []
                for file in expand(paths) {
                    do throws(DocumentError) {
                        let loaded = try PlaybookLoader.load(path: file)
                        let playbook = loaded.playbook
                        results.append(.object(["file": .string(file), "ok": true, "id": .string(playbook.id)]))
                        if !context.options.json {
                            print(context.text("通过", "ok") + "  \(file)  (\(playbook.id) v\(playbook.version): \(playbook.phases.count) phases, \(playbook.allSteps.count) steps, \(playbook.deadlines.count) deadlines)")
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

        private func expand(_ paths: [String]) -> [String] {
            paths.flatMap { path -> [String] in
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { path + "/" + $0 }
            }
        }
    }
}
