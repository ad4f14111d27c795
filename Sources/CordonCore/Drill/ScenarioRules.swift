/// The rules a drill scenario must keep that its YAML shape alone cannot express, including
/// that every step, deadline and inject it names exists.
public enum ScenarioRules {
    /// The longest drill accepted: a month of drill time, enough for a 30-day summary report clock.
    public static let maximumDuration = 31 * 86_400
    public static let pointRange = 1...1000

    /// Problems with `scenario`; `playbook` is the playbook it names, or `nil` when that could not
    /// be found (the loader reports that itself), in which case references are not checked.
    public static func issues(in scenario: Scenario, playbook: Playbook?) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        let root = DocumentPath.root
        if !PlaybookRules.isValidId(scenario.id) {
            issues.append(DocumentIssue(root.key("id"), "scenario id '\(scenario.id)' must be lowercase letters, digits and dashes, starting with a letter"))
        }
        if let playbook, playbook.id != scenario.playbook {
            issues.append(DocumentIssue(root.key("playbook"), "the scenario names playbook '\(scenario.playbook)' but was checked against '\(playbook.id)'"))
        }
        if scenario.duration > maximumDuration {
            issues.append(DocumentIssue(root.key("duration"), "duration \(DurationText.format(scenario.duration)) is longer than a drill can run (at most 31d)"))
        }
        if scenario.jitter >= scenario.duration {
            issues.append(DocumentIssue(root.key("jitter"), "jitter \(DurationText.format(scenario.jitter)) must be shorter than the drill (\(DurationText.format(scenario.duration)))"))
        }
        if let affected = scenario.start.affected, affected < 0 {
            issues.append(DocumentIssue(root.key("start").key("affected"), "the number of affected customers cannot be negative"))
        }
        if scenario.injects.isEmpty {
            issues.append(DocumentIssue(root.key("injects"), "a drill needs at least one inject: something has to happen to the team"))
        }
        if scenario.expectations.isEmpty {
            issues.append(DocumentIssue(root.key("expectations"), "a drill needs at least one expectation: something to score"))
        }
        issues += injectIssues(scenario)
        issues += addressIssues(scenario, playbook: playbook)
        issues += expectationIssues(scenario, playbook: playbook)
        return issues
    }

    private static func injectIssues(_ scenario: Scenario) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        var seen: Set<String> = []
        for (index, inject) in scenario.injects.enumerated() {
            let path = DocumentPath.root.key("injects").index(index)
            if !PlaybookRules.isValidId(inject.id) {
                issues.append(DocumentIssue(path.key("id"), "inject id '\(inject.id)' must be lowercase letters, digits and dashes, starting with a letter"))
            }
            if !seen.insert(inject.id).inserted {
                issues.append(DocumentIssue(path.key("id"), "duplicate inject id '\(inject.id)'"))
            }
            if inject.at >= scenario.duration {
                issues.append(DocumentIssue(path.key("at"), "inject '\(inject.id)' at \(offset(inject.at)) falls at or after the end of the drill (\(offset(scenario.duration)))"))
            }
            for (versionIndex, version) in inject.versions.enumerated() {
                let forcesPath = versionIndex == 0 ? path.key("forces") : path.key("variants").index(versionIndex - 1).key("forces")
                if let affected = version.forces.affected, affected < 0 {
                    issues.append(DocumentIssue(forcesPath.key("affected"), "the number of affected customers cannot be negative"))
                }
            }
        }
        return issues
    }

    /// Every role an inject is addressed to is one of the playbook's.
    private static func addressIssues(_ scenario: Scenario, playbook: Playbook?) -> [DocumentIssue] {
        guard let playbook else { return [] }
        var issues: [DocumentIssue] = []
        for (index, inject) in scenario.injects.enumerated() {
            for role in inject.to where !playbook.roles.contains(where: { $0.id == role }) {
                let known = playbook.roles.map(\.id).joined(separator: ", ")
                issues.append(DocumentIssue(DocumentPath.root.key("injects").index(index).key("to"), "inject '\(inject.id)' is addressed to '\(role)', which is not a role of playbook '\(playbook.id)' (its roles: \(known))"))
            }
        }
        return issues
    }

    private static func expectationIssues(_ scenario: Scenario, playbook: Playbook?) -> [DocumentIssue] {
        var issues: [DocumentIssue] = []
        for (index, expectation) in scenario.expectations.enumerated() {
            let path = DocumentPath.root.key("expectations").index(index)
            if !pointRange.contains(expectation.points) {
                issues.append(DocumentIssue(path.key("points"), "points must be between \(pointRange.lowerBound) and \(pointRange.upperBound), not \(expectation.points)"))
            }
            switch expectation.kind {
            case .step(let step, let by):
                if let playbook, playbook.step(step) == nil {
                    let known = playbook.allSteps.map(\.step.id).joined(separator: ", ")
                    issues.append(DocumentIssue(path.key("step"), "playbook '\(playbook.id)' has no step '\(step)' (its steps: \(known))"))
                }
                if by > scenario.duration {
                    issues.append(DocumentIssue(path.key("by"), "'by: \(offset(by))' is after the end of the drill (\(offset(scenario.duration))); it could never be scored"))
                }
            case .deadline(let deadline):
                if let playbook, playbook.deadline(deadline) == nil {
                    let known = playbook.deadlines.map(\.id).joined(separator: ", ")
                    issues.append(DocumentIssue(path.key("deadline"), "playbook '\(playbook.id)' has no deadline '\(deadline)' (its deadlines: \(known.isEmpty ? "none" : known))"))
                }
            case .answer(let inject, _):
                if scenario.inject(inject) == nil {
                    let known = scenario.injects.map(\.id).joined(separator: ", ")
                    issues.append(DocumentIssue(path.key("answer"), "there is no inject '\(inject)' to answer (the injects: \(known))"))
                }
            }
        }
        return issues
    }

    private static func offset(_ seconds: Int) -> String { DurationText.format(seconds) }
}
