import CordonCore

/// The JSON shape of each record, shared by the report's data and the command line's `--json`
/// lists, so scripts read one shape wherever a record appears.
public enum RecordJSON {
    public static func evidence(_ item: EvidenceRecord) -> JSONValue {
        .object([
            "id": .string(item.id),
            "description": item.description.json,
            "file": item.file.map { file in
                .object(["path": .string(file.path), "name": .string(file.name), "sha256": .string(file.sha256), "size": .int(file.size)])
            } ?? .null,
            "origin": item.origin.json,
            "custodian": .string(item.custodian),
            "custody": .array(item.custody.map { change in
                .object(["at": change.at.json, "from": change.from.json, "to": .string(change.to), "by": .string(change.by), "reason": change.reason.json, "seq": .int(change.seq)])
            }),
            "checks": .array(item.checks.map { check in
                .object([
                    "at": check.at.json, "outcome": .string(check.outcome.rawValue), "sha256": check.sha256.json,
                    "size": check.size.map { .int($0) } ?? .null, "problem": check.problem?.json ?? .null,
                    "started": check.startedAt?.json ?? .null, "by": .string(check.by), "seq": .int(check.seq),
                ])
            }),
        ])
    }

    public static func scope(_ scope: ScopeAssessment) -> JSONValue {
        .object([
            "categories": .array(scope.categories.map { .string($0) }), "people": scope.people.json, "records": scope.records.json,
            "confidence": scope.confidence.map { .string($0.rawValue) } ?? .null, "basis": scope.basis.json,
            "at": scope.at.json, "by": .string(scope.by), "seq": .int(scope.seq),
        ])
    }

    public static func suggestion(_ suggestion: SeveritySuggestion?) -> JSONValue {
        guard let suggestion else { return .null }
        return .object([
            "severity": .string(suggestion.severity.rawValue), "cite": (suggestion.rule?.cite).json,
            "verify": .bool(suggestion.rule?.verify ?? false),
            "undecided": .array(suggestion.undecided.map { .string($0.severity.rawValue) }),
        ])
    }

    public static func finding(_ finding: Finding) -> JSONValue {
        .object([
            "id": .string(finding.id), "kind": .string(finding.kind.rawValue), "text": .string(finding.text),
            "occurred_at": finding.occurredAt.json, "evidence": .array(finding.evidence.map { .string($0) }),
            "recorded_at": finding.at.json, "by": .string(finding.by), "withdrawn": withdrawal(finding.withdrawal),
        ])
    }

    public static func accountability(_ entry: AccountabilityEntry) -> JSONValue {
        .object([
            "id": .string(entry.id), "person": .string(entry.person), "duty": .string(entry.duty), "finding": .string(entry.finding),
            "measure": .string(entry.measure), "recorded_at": entry.at.json, "by": .string(entry.by), "withdrawn": withdrawal(entry.withdrawal),
        ])
    }

    public static func action(_ action: ImprovementAction, now: Timestamp) -> JSONValue {
        .object([
            "id": .string(action.id), "title": .string(action.title), "owner": .string(action.owner),
            "due": .string(action.due.description), "status": .string(action.status.rawValue),
            "overdue": .bool(action.isOverdue(at: now)), "finding": action.finding.json,
            "added_at": action.addedAt.json, "by": .string(action.addedBy),
            "updates": .array(action.updates.map { update in
                .object([
                    "at": update.at.json, "by": .string(update.by), "status": update.status.map { .string($0.rawValue) } ?? .null,
                    "owner": update.owner.json, "due": update.due.map { .string($0.description) } ?? .null, "note": update.note.json,
                ])
            }),
        ])
    }

    private static func withdrawal(_ withdrawal: Withdrawal?) -> JSONValue {
        withdrawal.map { .object(["reason": .string($0.reason), "at": $0.at.json, "by": .string($0.by)]) } ?? .null
    }
}
