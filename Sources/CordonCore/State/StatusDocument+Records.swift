/// What `status --json` says about the records: counts, the scope and the severity it suggests.
/// Accountability is deliberately absent: it is shown only where someone asks for it.
extension StatusDocument {
    static func recordEntries(playbook: Playbook, state: IncidentState, now: Timestamp) -> [(key: String, value: JSONValue)] {
        let scope: JSONValue = state.scope.map { scope in
            .object([
                "categories": .array(scope.categories.map { .string($0) }),
                "records": scope.records.map { .int($0) } ?? .null,
                "people": scope.people.map { .int($0) } ?? .null,
                "confidence": scope.confidence.map { .string($0.rawValue) } ?? .null,
            ])
        } ?? .null
        let suggestion = SeverityGrading.suggest(playbook: playbook, scope: state.scope)
        let outstanding = state.actions.filter { $0.status.isOutstanding }
        return [
            ("scope", scope),
            ("suggested_severity", suggestion.map { .string($0.severity.rawValue) } ?? .null),
            ("evidence", .int(state.evidence.count)),
            ("findings", .int(state.findings.filter { !$0.isWithdrawn }.count)),
            ("actions", .object([
                "outstanding": .int(outstanding.count),
                "overdue": .int(outstanding.filter { $0.isOverdue(at: now) }.count),
            ])),
        ]
    }
}
