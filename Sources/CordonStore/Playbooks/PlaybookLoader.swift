import CordonCore
import Foundation
import Yams

/// A playbook with the exact bytes it was read from, which are what an incident freezes.
public struct LoadedPlaybook: Sendable {
    public var playbook: Playbook
    public var bytes: [UInt8]
    public var sha256: String
    /// Where it was read from, as given.
    public var file: String
}

/// Reads playbook YAML into a `Playbook`, reporting every problem with its file and line.
public enum PlaybookLoader {
    /// With `followLinks` false (a frozen copy), a symbolic link is refused, never read through.
    public static func load(path: String, followLinks: Bool = true) throws(DocumentError) -> LoadedPlaybook {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(path, limit: YAMLDocument.maximumBytes, followLinks: followLinks)
        } catch let error where error.code == EFBIG {
            throw DocumentError(file: path, message: "file is larger than the limit of 1 MiB (\(YAMLDocument.maximumBytes) bytes); that is not a playbook")
        } catch {
            throw DocumentError(file: path, message: "cannot read: \(error.reason)")
        }
        return try parse(bytes, file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(DocumentError) -> LoadedPlaybook {
        let document = try YAMLDocument.parse(bytes, file: file)
        let playbook = read(document)
        guard let playbook, document.diagnostics.isEmpty else {
            throw DocumentError(document.diagnostics.isEmpty
                ? [DocumentDiagnostic(file: file, message: "not a playbook")] : document.diagnostics)
        }
        let issues = PlaybookRules.issues(in: playbook)
        guard issues.isEmpty else {
            issues.forEach(document.report)
            throw DocumentError(document.diagnostics)
        }
        return LoadedPlaybook(playbook: playbook, bytes: bytes, sha256: LineHash.hex(bytes), file: file)
    }

    // MARK: - Reading the document

    private static func read(_ document: YAMLDocument) -> Playbook? {
        guard let top = document.mapping(
            document.root, at: .root,
            allowed: ["id", "version", "title", "summary", "roles", "phases", "deadlines", "templates", "grading", "notice"],
            what: "a playbook")
        else { return nil }
        let id = top.text("id")
        let version = top.int("version")
        let title = top.localized("title")
        let summary = top.localized("summary", required: false)
        let roles = top.list("roles")?.compactMap { role($0.node, $0.path, document) }
        let phases = top.list("phases")?.compactMap { phase($0.node, $0.path, document) }
        let deadlines = top.list("deadlines", required: false)?.compactMap { deadline($0.node, $0.path, document) } ?? []
        let templates = top.list("templates", required: false)?.compactMap { template($0.node, $0.path, document) } ?? []
        let grading = top.list("grading", required: false)?.compactMap { gradingRule($0.node, $0.path, document) } ?? []
        let notice = top.mapping("notice", allowed: ["company", "contact", "advice", "individual_measures", "incident_type", "categories"], what: "notice defaults", required: false)
            .map { noticeSettings($0, document) } ?? NoticeSettings()
        guard let id, let version, let title, let roles, let phases else { return nil }
        return Playbook(
            id: id, version: version, title: title, summary: summary, roles: roles, phases: phases,
            deadlines: deadlines, templates: templates, grading: grading, notice: notice)
    }

    private static func role(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> Role? {
        guard let fields = document.mapping(node, at: path, allowed: ["id", "title"], what: "a role") else { return nil }
        guard let id = fields.text("id"), let title = fields.localized("title") else { return nil }
        return Role(id: id, title: title)
    }

    private static func phase(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> Phase? {
        guard let fields = document.mapping(node, at: path, allowed: ["id", "title", "goal", "steps"], what: "a phase") else { return nil }
        let id = fields.text("id")
        let title = fields.localized("title")
        let goal = fields.localized("goal", required: false)
        let steps = fields.list("steps")?.compactMap { step($0.node, $0.path, document) }
        guard let id, let title, let steps else { return nil }
        return Phase(id: id, title: title, goal: goal, steps: steps)
    }

    private static func step(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> Step? {
        guard let fields = document.mapping(
            node, at: path, allowed: ["id", "title", "role", "required", "guidance", "notice", "stage", "remedial"], what: "a step")
        else { return nil }
        let id = fields.text("id")
        let title = fields.localized("title")
        let role = fields.text("role")
        let required = fields.bool("required", default: false)
        let guidance = fields.localized("guidance", required: false)
        let notice = fields.text("notice", required: false)
        let remedial = fields.localized("remedial", required: false)
        let stage = stage(fields, at: path, document)
        guard let id, let title, let role else { return nil }
        return Step(id: id, title: title, role: role, required: required, guidance: guidance, notice: notice, stage: stage, remedial: remedial)
    }

    private static func stage(_ fields: Fields, at path: DocumentPath, _ document: YAMLDocument) -> ReportStage? {
        guard let text = fields.text("stage", required: false) else { return nil }
        guard let stage = ReportStage(rawValue: text) else {
            document.report("\(path.key("stage")) '\(text)' is not a report stage; use initial, followup or final", at: path.key("stage"))
            return nil
        }
        return stage
    }

    private static func deadline(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> Deadline? {
        guard let fields = document.mapping(
            node, at: path, allowed: ["id", "title", "from", "within", "when", "met_by", "cite", "verify"],
            what: "a deadline")
        else { return nil }
        let id = fields.text("id")
        let title = fields.localized("title")
        var anchor: Deadline.Anchor?
        if let from = fields.text("from") {
            anchor = Deadline.Anchor(rawValue: from)
            if anchor == nil {
                document.report("\(path.key("from")) '\(from)' is not an anchor; use detected, declared, classified, closed or last_report", at: path.key("from"))
            }
        }
        let within = fields.duration("within")
        var minimum: Severity?
        if let when = fields.mapping("when", allowed: ["severity_at_least"], what: "a deadline condition", required: false) {
            minimum = when.severity("severity_at_least")
        }
        let metBy = fields.text("met_by")
        let cite = fields.text("cite")
        let verify = fields.bool("verify", default: false)
        guard let id, let title, let anchor, let within, let metBy, let cite else { return nil }
        return Deadline(
            id: id, title: title, anchor: anchor, within: within, minimumSeverity: minimum, metBy: metBy,
            cite: cite, verify: verify)
    }

    private static func template(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> NoticeTemplate? {
        guard let fields = document.mapping(node, at: path, allowed: ["audience", "stage", "title", "body"], what: "a notice template") else { return nil }
        let audience = fields.text("audience")
        let stage = stage(fields, at: path, document)
        let title = fields.localized("title")
        let body = fields.localized("body")
        guard let audience, let title, let body else { return nil }
        return NoticeTemplate(audience: audience, stage: stage, title: title, body: body)
    }

    private static func gradingRule(_ node: Node, _ path: DocumentPath, _ document: YAMLDocument) -> GradingRule? {
        guard let fields = document.mapping(
            node, at: path,
            allowed: ["severity", "people_at_least", "records_at_least", "sensitive", "categories", "cite", "verify"],
            what: "a grading rule")
        else { return nil }
        let severity = fields.severity("severity")
        let people = fields.int("people_at_least", required: false)
        let records = fields.int("records_at_least", required: false)
        let sensitive = fields.bool("sensitive", default: false)
        let categories = fields.list("categories", required: false)?.compactMap { document.text($0.node, at: $0.path) } ?? []
        let cite = fields.text("cite")
        let verify = fields.bool("verify", default: false)
        guard let severity, let cite else { return nil }
        return GradingRule(
            severity: severity, peopleAtLeast: people, recordsAtLeast: records, sensitive: sensitive,
            categories: categories, cite: cite, verify: verify)
    }

    private static func noticeSettings(_ fields: Fields, _ document: YAMLDocument) -> NoticeSettings {
        let wordings = fields.list("categories", required: false)?.compactMap { item -> CategoryWording? in
            guard let wording = document.mapping(item.node, at: item.path, allowed: ["category", "harm", "advice", "individual_measures"], what: "the wording for a category"),
                  let category = wording.text("category")
            else { return nil }
            return CategoryWording(
                category: category, harm: wording.localized("harm", required: false), advice: wording.localized("advice", required: false),
                individualMeasures: wording.localized("individual_measures", required: false))
        } ?? []
        return NoticeSettings(
            company: fields.localized("company", required: false), contact: fields.localized("contact", required: false),
            advice: fields.localized("advice", required: false), individualMeasures: fields.localized("individual_measures", required: false),
            incidentType: fields.localized("incident_type", required: false), categories: wordings)
    }
}

#if canImport(Glibc)
import Glibc
#endif
