import CordonCore
import Foundation
import Yams

/// A scenario with the exact bytes it was read from (what a drill freezes) and the playbook it
/// was checked against.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    public var playbook: LoadedPlaybook
    public var bytes: [UInt8]
    public var sha256: String
    public var file: String
}

/// Reads drill scenario YAML into a `Scenario` and checks every step, deadline and inject it
/// names, reporting each problem with its file and line, with the same guards as playbooks
/// (size, UTF-8, no anchors, unknown keys refused).
public enum ScenarioLoader {
    /// Finds the playbook a scenario names, by id.
    public typealias PlaybookSource = (String) throws(DocumentError) -> LoadedPlaybook

    public static func load(path: String, playbooks: PlaybookSource) throws(DocumentError) -> LoadedScenario {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path, limit: YAMLDocument.maximumBytes)
        } catch let error where error.code == EFBIG {
            throw DocumentError(file: path, message: "file is larger than the limit of 1 MiB (\(YAMLDocument.maximumBytes) bytes); that is not a drill scenario")
        } catch {
            throw DocumentError(file: path, message: "cannot read: \(error.reason)")
        }
        return try parse(bytes, file: path, playbooks: playbooks)
    }

    public static func parse(_ bytes: [UInt8], file: String, playbooks: PlaybookSource) throws(DocumentError) -> LoadedScenario {
        let document = try YAMLDocument.parse(bytes, file: file)
        guard let scenario = read(document) else {
            throw DocumentError(document.diagnostics.isEmpty ? [DocumentDiagnostic(file: file, message: "not a drill scenario")] : document.diagnostics)
        }
        var playbook: LoadedPlaybook?
        do {
            playbook = try playbooks(scenario.playbook)
        } catch {
            let reason = error.diagnostics.map(\.message).joined(separator: "; ")
            document.report("the scenario exercises playbook '\(scenario.playbook)', which cannot be loaded: \(reason)", at: .root.key("playbook"))
        }
        ScenarioRules.issues(in: scenario, playbook: playbook?.playbook).forEach(document.report)
        guard let playbook, document.diagnostics.isEmpty else { throw DocumentError(document.diagnostics) }
        return LoadedScenario(scenario: scenario, playbook: playbook, bytes: bytes, sha256: LineHash.hex(bytes), file: file)
    }

    /// Whether a YAML file is a scenario rather than a playbook: it sits in a `drills/` folder or
    /// has a top-level `playbook:` key, and is not the drill plan.
    public static func isScenario(path: String) -> Bool {
        if DrillProgrammeLoader.isPlan(path: path) { return false }
        if URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent == "drills" { return true }
        guard let bytes = try? FileSystem.readFile(path, limit: YAMLDocument.maximumBytes) else { return false }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0.hasPrefix("playbook:") }
    }

    // MARK: - Reading the document

    private static func read(_ document: YAMLDocument) -> Scenario? {
        guard let top = document.mapping(
            document.root, at: .root,
            allowed: ["id", "playbook", "title", "briefing", "duration", "jitter", "start", "injects", "expectations"],
            what: "a drill scenario")
        else { return nil }
        let id = top.text("id")
        let playbook = top.text("playbook")
        let title = top.localized("title")
        let briefing = top.localized("briefing")
        let duration = top.duration("duration")
        let jitter = top.offset("jitter", required: false) ?? 0
        let start = top.mapping("start", allowed: ["severity", "detected_before", "affected", "facts"], what: "a starting situation", required: false)
            .map { situation($0, document) } ?? StartingSituation()
        let injects = top.list("injects")?.compactMap { inject($0.node, $0.path, document) }
        let expectations = top.list("expectations")?.compactMap { expectation($0.node, $0.path, document) }
        guard let id, let playbook, let title, let briefing, let duration, let injects, let expectations else { return nil }
        return Scenario(
            id: id, playbook: playbook, title: title, briefing: briefing, duration: duration, jitter: jitter,
            start: start, injects: injects, expectations: expectations)
    }

    private static func situation(_ fields: Fields, _ document: YAMLDocument) -> StartingSituation {
        StartingSituation(
            severity: fields.severity("severity", required: false),
            detectedBefore: fields.offset("detected_before", required: false) ?? 0,
            affected: fields.int("affected", required: false),
            facts: fields.list("facts", required: false)?.compactMap { document.localized($0.node, at: $0.path) } ?? [])
    }

    private static func inject(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> Inject? {
        guard let fields = document.mapping(node, at: path, allowed: ["id", "at", "to", "from", "message", "forces", "variants"], what: "an inject") else { return nil }
        let id = fields.text("id")
        let at = fields.offset("at")
        let from = fields.localized("from")
        let message = fields.localized("message")
        let forces = forced(fields)
        guard let id, let at, let from, let message else { return nil }
        let base = InjectContent(from: from, message: message, forces: forces)
        let variants = fields.list("variants", required: false)?.compactMap { item -> InjectContent? in
            guard let variant = document.mapping(item.node, at: item.path, allowed: ["from", "message", "forces"], what: "an inject variant") else { return nil }
            return InjectContent(
                from: variant.localized("from", required: false) ?? base.from,
                message: variant.localized("message") ?? base.message,
                forces: variant.has("forces") ? forced(variant) : base.forces)
        } ?? []
        return Inject(id: id, at: at, content: base, variants: variants, to: roles(fields, document))
    }

    /// `to: legal` or `to: [legal, comms]`: the roles an inject is addressed to.
    private static func roles(_ fields: Fields, _ document: YAMLDocument) -> [String] {
        guard let node = fields.values["to"] else { return [] }
        if case .scalar = node { return fields.text("to").map { [$0] } ?? [] }
        return fields.list("to")?.compactMap { document.text($0.node, at: $0.path) } ?? []
    }

    private static func forced(_ fields: Fields) -> ForcedFacts {
        guard let forces = fields.mapping("forces", allowed: ["severity", "affected"], what: "the facts an inject forces", required: false) else {
            return ForcedFacts()
        }
        return ForcedFacts(severity: forces.severity("severity", required: false), affected: forces.int("affected", required: false))
    }

    private static func expectation(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> Expectation? {
        guard let fields = document.mapping(
            node, at: path, allowed: ["step", "by", "deadline", "answer", "within", "points", "title"], what: "an expectation")
        else { return nil }
        let points = fields.int("points")
        let title = fields.localized("title", required: false)
        let kinds = ["step", "deadline", "answer"].filter(fields.has)
        guard kinds.count == 1 else {
            document.report("\(path) must name exactly one of step (with by), deadline or answer, not \(kinds.isEmpty ? "none" : kinds.joined(separator: " and "))", at: path)
            return nil
        }
        if fields.has("by") && kinds != ["step"] {
            document.report("\(path.key("by")) belongs to a step expectation ('step: … by: 30m')", at: path.key("by"))
        }
        if fields.has("within") && kinds != ["answer"] {
            document.report("\(path.key("within")) belongs to an answer expectation ('answer: … within: 20m')", at: path.key("within"))
        }
        let kind: Expectation.Kind?
        switch kinds[0] {
        case "step":
            let step = fields.text("step")
            let by = fields.duration("by")
            kind = step.flatMap { step in by.map { .step(step, by: $0) } }
        case "deadline":
            kind = fields.text("deadline").map { .deadline($0) }
        default:
            let within = fields.duration("within", required: false)
            kind = fields.text("answer").map { .answer(inject: $0, within: within) }
        }
        guard let kind, let points else { return nil }
        return Expectation(kind, points: points, title: title)
    }
}

extension Fields {
    /// A drill-clock offset: `0` or a duration such as `90s`, `30m`, `4h`, `1h30m`.
    func offset(_ key: String, required: Bool = true) -> Int? {
        guard let node = values[key] else {
            if required { document.report("\(path.key(key)) is missing", at: path) }
            return nil
        }
        guard let text = document.text(node, at: path.key(key)) else { return nil }
        if ["0", "0s", "0m", "0h"].contains(text) { return 0 }
        guard let seconds = DurationText.seconds(text) else {
            document.report("\(path.key(key)) '\(text)' is not an offset on the drill clock; write it like 0, 90s, 30m, 4h or 1h30m", at: path.key(key))
            return nil
        }
        return seconds
    }
}
