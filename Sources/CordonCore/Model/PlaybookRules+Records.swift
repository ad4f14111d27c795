import Foundation

/// The checks on what a playbook says about notices and grading.
extension PlaybookRules {
    /// The audiences PIPL Art. 57 names: the authority and the individuals affected. Notices to
    /// others (a bidder, a vendor, the police) are not held to its list of contents.
    public static let article57Audiences: Set<String> = ["regulator", "individuals"]

    /// Every template uses only known variables and is well formed; the notices Art. 57 governs
    /// contain each element it requires, in both languages.
    static func templateIssues(in playbook: Playbook) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        for (index, template) in playbook.templates.enumerated() {
            for language in Language.allCases {
                let path = DocumentPath.root.key("templates").index(index).key("body").key(language.rawValue)
                let scan = TemplateScan(template.body[language])
                for problem in scan.problems {
                    issues.append(DocumentIssue(path, "template line \(problem.line): \(problem.message)"))
                }
                for name in scan.names where !NoticeVariables.names.contains(name) {
                    let known = NoticeVariables.all.map(\.name).joined(separator: ", ")
                    issues.append(DocumentIssue(path, "unknown template variable {{\(name)}} (known: \(known))"))
                }
                // Reports to authorities say what individuals can do in the third person
                // (`individual_measures`); letters to individuals address them (`advice`).
                let missing = NoticeVariables.article57.filter { name in
                    !scan.names.contains(name) && !(name == "advice" && scan.names.contains("individual_measures"))
                }
                // Follow-ups and the summary report supplement the initial report, which states them.
                let stated = template.stage == nil || template.stage == .initial
                if article57Audiences.contains(template.audience), stated, !missing.isEmpty {
                    let list = missing.map { "{{\($0)}}" }.joined(separator: ", ")
                    issues.append(DocumentIssue(path, "the \(template.audience) notice must state \(list): PIPL Art. 57 requires the categories, cause, possible harm, remedial measures, what individuals can do, and a contact"))
                }
                let titleScan = TemplateScan(template.title[language])
                for name in titleScan.names where !NoticeVariables.names.contains(name) {
                    issues.append(DocumentIssue(DocumentPath.root.key("templates").index(index).key("title").key(language.rawValue), "unknown template variable {{\(name)}}"))
                }
            }
        }
        return issues
    }

    static func gradingIssues(in playbook: Playbook) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        for (index, rule) in playbook.grading.enumerated() {
            let path = DocumentPath.root.key("grading").index(index)
            if !rule.hasCondition {
                issues.append(DocumentIssue(path, "a grading rule needs at least one of people_at_least, records_at_least, sensitive: true or categories"))
            }
            for (key, value) in [("people_at_least", rule.peopleAtLeast), ("records_at_least", rule.recordsAtLeast)] {
                if let value, value < 1 {
                    issues.append(DocumentIssue(path.key(key), "\(key) must be 1 or more"))
                }
            }
            for (position, category) in rule.categories.enumerated() where DataCategory.named(category) == nil {
                issues.append(DocumentIssue(path.key("categories").index(position), "unknown category '\(category)'; use one of: \(DataCategory.all.map(\.id).joined(separator: ", "))"))
            }
            if rule.cite.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(DocumentIssue(path.key("cite"), "a grading rule must cite the law or company policy it encodes"))
            }
        }
        return issues
    }

    static func noticeIssues(in playbook: Playbook) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        var seen: Set<String> = []
        for (index, wording) in playbook.notice.categories.enumerated() {
            let path = DocumentPath.root.key("notice").key("categories").index(index).key("category")
            if DataCategory.named(wording.category) == nil {
                issues.append(DocumentIssue(path, "unknown category '\(wording.category)'; use one of: \(DataCategory.all.map(\.id).joined(separator: ", "))"))
            }
            if !seen.insert(wording.category).inserted {
                issues.append(DocumentIssue(path, "category '\(wording.category)' is worded twice"))
            }
        }
        return issues
    }
}
