import Foundation

/// Where in a playbook or scenario document something is, as the keys and indexes leading to it:
/// `phases[1].steps[2].role`. The YAML loader turns a path back into a line number.
public struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = DocumentPath()

    public func key(_ name: String) -> DocumentPath { DocumentPath(components + [.key(name)]) }
    public func index(_ position: Int) -> DocumentPath { DocumentPath(components + [.index(position)]) }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let name): out += out.isEmpty ? name : ".\(name)"
            case .index(let position): out += "[\(position)]"
            }
        }
        return out.isEmpty ? "(document)" : out
    }
}

/// One thing wrong with a document, and where.
public struct DocumentIssue: Sendable, Hashable, CustomStringConvertible {
    public var path: DocumentPath
    public var message: String

    public init(_ path: DocumentPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The rules a playbook must keep that its YAML shape alone cannot express.
public enum PlaybookRules {
    /// Ids are what responders type: lowercase letters, digits and dashes.
    public static func isValidId(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.utf8.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    public static func issues(in playbook: Playbook) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        func check(id: String, at path: DocumentPath, kind: String) {
            if !isValidId(id) {
                issues.append(DocumentIssue(path, "\(kind) id '\(id)' must be lowercase letters, digits and dashes, starting with a letter"))
            }
        }
        check(id: playbook.id, at: .root.key("id"), kind: "playbook")
        if playbook.version < 1 {
            issues.append(DocumentIssue(.root.key("version"), "version must be a whole number of 1 or more"))
        }
        if playbook.roles.isEmpty {
            issues.append(DocumentIssue(.root.key("roles"), "a playbook needs at least one role"))
        }
        if playbook.phases.isEmpty {
            issues.append(DocumentIssue(.root.key("phases"), "a playbook needs at least one phase"))
        }

        var roleIds: Set<String> = []
        for (index, role) in playbook.roles.enumerated() {
            let path = DocumentPath.root.key("roles").index(index)
            check(id: role.id, at: path.key("id"), kind: "role")
            if !roleIds.insert(role.id).inserted {
                issues.append(DocumentIssue(path.key("id"), "duplicate role id '\(role.id)'"))
            }
        }

        var phaseIds: Set<String> = []
        var stepIds: Set<String> = []
        var gradingStep: String?
        for (phaseIndex, phase) in playbook.phases.enumerated() {
            let phasePath = DocumentPath.root.key("phases").index(phaseIndex)
            check(id: phase.id, at: phasePath.key("id"), kind: "phase")
            if !phaseIds.insert(phase.id).inserted {
                issues.append(DocumentIssue(phasePath.key("id"), "duplicate phase id '\(phase.id)'"))
            }
            if phase.steps.isEmpty {
                issues.append(DocumentIssue(phasePath.key("steps"), "phase '\(phase.id)' has no steps"))
            }
            for (stepIndex, step) in phase.steps.enumerated() {
                let stepPath = phasePath.key("steps").index(stepIndex)
                check(id: step.id, at: stepPath.key("id"), kind: "step")
                if !stepIds.insert(step.id).inserted {
                    issues.append(DocumentIssue(stepPath.key("id"), "duplicate step id '\(step.id)'; step ids must be unique across all phases"))
                }
                if !roleIds.contains(step.role) {
                    issues.append(DocumentIssue(stepPath.key("role"), "step '\(step.id)' is owned by unknown role '\(step.role)'\(known(roleIds))"))
                }
                if let notice = step.notice, !isValidId(notice) {
                    issues.append(DocumentIssue(stepPath.key("notice"), "notice audience '\(notice)' must be lowercase letters, digits and dashes"))
                }
                if step.doneByGrading {
                    if let first = gradingStep {
                        issues.append(DocumentIssue(stepPath.key("done_by_grading"), "only one step may be done by grading; '\(first)' already is"))
                    } else {
                        gradingStep = step.id
                    }
                }
            }
        }

        var deadlineIds: Set<String> = []
        for (index, deadline) in playbook.deadlines.enumerated() {
            let path = DocumentPath.root.key("deadlines").index(index)
            check(id: deadline.id, at: path.key("id"), kind: "deadline")
            if !deadlineIds.insert(deadline.id).inserted {
                issues.append(DocumentIssue(path.key("id"), "duplicate deadline id '\(deadline.id)'"))
            }
            if !stepIds.contains(deadline.metBy) {
                issues.append(DocumentIssue(path.key("met_by"), "deadline '\(deadline.id)' is met by unknown step '\(deadline.metBy)'"))
            }
            if deadline.cite.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(DocumentIssue(path.key("cite"), "deadline '\(deadline.id)' must cite the rule it encodes"))
            }
        }

        var audiences: Set<String> = []
        for (index, template) in playbook.templates.enumerated() {
            let path = DocumentPath.root.key("templates").index(index)
            if !isValidId(template.audience) {
                issues.append(DocumentIssue(path.key("audience"), "audience '\(template.audience)' must be lowercase letters, digits and dashes"))
            }
            if !audiences.insert(template.audience).inserted {
                issues.append(DocumentIssue(path.key("audience"), "a second template for audience '\(template.audience)'"))
            }
        }
        issues += templateIssues(in: playbook) + gradingIssues(in: playbook) + noticeIssues(in: playbook)
        return issues
    }

    private static func known(_ ids: Set<String>) -> String {
        ids.isEmpty ? "" : " (known: \(ids.sorted().joined(separator: ", ")))"
    }
}
