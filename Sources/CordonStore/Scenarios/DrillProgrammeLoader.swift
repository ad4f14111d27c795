import CordonCore
import Foundation
import Yams

/// Reads a drill plan (`playbooks/drills/plan.yaml`) with the same guards and file:line
/// diagnostics as playbooks and scenarios:
///
/// ```yaml
/// plan:
///   - scenario: credential-stuffing
///     due: 2026-03-31
///     with: [commander, legal, 王磊]
/// ```
public enum DrillProgrammeLoader {
    /// The plan's file name in a `drills/` folder; never read as a scenario.
    public static let fileName = "plan.yaml"

    /// Whether `path` is a drill plan: `plan.yaml` in a `drills/` folder.
    public static func isPlan(path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        return url.lastPathComponent == fileName && url.deletingLastPathComponent().lastPathComponent == "drills"
    }

    /// Loads the plan at `path`, checking that every scenario it names is one of `scenarios`.
    public static func load(path: String, scenarios: Set<String>) throws(DocumentError) -> DrillProgramme {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path, limit: YAMLDocument.maximumBytes)
        } catch let error where error.code == EFBIG {
            throw DocumentError(file: path, message: "file is larger than the limit of 1 MiB (\(YAMLDocument.maximumBytes) bytes); that is not a drill plan")
        } catch {
            throw DocumentError(file: path, message: "cannot read: \(error.reason)")
        }
        return try parse(bytes, file: path, scenarios: scenarios)
    }

    public static func parse(_ bytes: [UInt8], file: String, scenarios: Set<String>) throws(DocumentError) -> DrillProgramme {
        let document = try YAMLDocument.parse(bytes, file: file)
        let entries = document.mapping(document.root, at: .root, allowed: ["plan"], what: "a drill plan")?
            .list("plan")?.compactMap { entry($0.node, $0.path, document, scenarios: scenarios) }
        guard let entries, document.diagnostics.isEmpty else {
            throw DocumentError(document.diagnostics.isEmpty ? [DocumentDiagnostic(file: file, message: "not a drill plan")] : document.diagnostics)
        }
        return DrillProgramme(entries: entries)
    }

    private static func entry(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument, scenarios: Set<String>) -> PlannedDrill? {
        guard let fields = document.mapping(node, at: path, allowed: ["scenario", "due", "with"], what: "a planned drill") else { return nil }
        let scenario = fields.text("scenario")
        if let scenario, !scenarios.contains(scenario) {
            let known = scenarios.sorted().joined(separator: ", ")
            document.report("\(path.key("scenario")) '\(scenario)' is not a drill scenario; known: \(known.isEmpty ? "none" : known)", at: path.key("scenario"))
        }
        let dueText = fields.text("due")
        let due = dueText.flatMap { DueDate(iso: $0) }
        if let dueText, due == nil {
            document.report("\(path.key("due")) '\(dueText)' is not a date; write it like 2026-12-31", at: path.key("due"))
        }
        var with: [String] = []
        if fields.has("with") {
            with = fields.list("with")?.compactMap { document.text($0.node, at: $0.path) } ?? []
        }
        guard let scenario, let due, scenarios.contains(scenario) else { return nil }
        return PlannedDrill(scenario: scenario, due: due, with: with)
    }
}

extension PlaybookCatalog {
    /// The first drill plan found, a team's own (`<home>/playbooks/drills/plan.yaml`) before the
    /// bundled one; `nil` when there is none, the error when it cannot be read.
    public func drillProgramme() -> Result<DrillProgramme, DocumentError>? {
        for directory in directories {
            let path = directory + "/drills/" + DrillProgrammeLoader.fileName
            guard FileSystem.exists(path) else { continue }
            let known = Set(scenarioEntries().compactMap { try? $0.result.get().scenario.id })
            return Result { () throws(DocumentError) in try DrillProgrammeLoader.load(path: path, scenarios: known) }
        }
        return nil
    }
}
