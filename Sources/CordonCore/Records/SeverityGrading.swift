/// What a playbook's grading rules make of the current scope: a suggestion for the team, never
/// a classification. The team grades with `cordon classify`.
public struct SeveritySuggestion: Sendable, Hashable {
    public var severity: Severity
    /// The rule that gives the severity; `nil` when none holds and the suggestion is the floor.
    public var rule: GradingRule?
    /// Rules for a higher severity that cannot be judged yet because a number or the
    /// categories are unknown.
    public var undecided: [GradingRule]
}

public enum SeverityGrading {
    /// `nil` when the playbook has no grading rules or there is no scope assessment yet.
    public static func suggest(playbook: Playbook, scope: ScopeAssessment?) -> SeveritySuggestion? {
        guard !playbook.grading.isEmpty, let scope else { return nil }
        var best: GradingRule?
        var unknown: [GradingRule] = []
        for rule in playbook.grading {
            switch judge(rule, scope) {
            case true?:
                if best.map({ rule.severity > $0.severity }) ?? true { best = rule }
            case nil:
                unknown.append(rule)
            case false?:
                break
            }
        }
        let severity = best?.severity ?? .general
        return SeveritySuggestion(severity: severity, rule: best, undecided: unknown.filter { $0.severity > severity })
    }

    /// Whether every condition of `rule` holds; `nil` when one cannot be judged yet.
    static func judge(_ rule: GradingRule, _ scope: ScopeAssessment) -> Bool? {
        var undecided = false
        func check(_ holds: Bool?) -> Bool {
            guard let holds else {
                undecided = true
                return true
            }
            return holds
        }
        let categoriesKnown = !scope.categories.isEmpty
        let holds = [
            rule.peopleAtLeast.map { minimum in check(scope.people.map { $0 >= minimum }) } ?? true,
            rule.recordsAtLeast.map { minimum in check(scope.records.map { $0 >= minimum }) } ?? true,
            !rule.sensitive || check(categoriesKnown ? scope.involvesSensitive : nil),
            rule.categories.isEmpty || check(categoriesKnown ? !Set(rule.categories).isDisjoint(with: scope.categories) : nil),
        ].allSatisfy { $0 }
        if !holds { return false }
        return undecided ? nil : true
    }
}
