import CordonCore

/// The year in review for scripts: one object with a section for incidents, drills (every run
/// with its score), coverage, actions and the drill plan. Spans are in seconds.
public enum ReviewJSON {
    /// `redact` masks ID, mobile and card numbers and e-mail addresses in every string.
    public static func render(_ review: YearReview, redact: Bool = false) -> String {
        let document = document(review)
        return JSONWriter.string(redact ? document.mapStrings(Redactor.redact) : document) + "\n"
    }

    public static func document(_ review: YearReview) -> JSONValue {
        .object([
            "period": .object(["since": .string(review.period.since.description), "until": .string(review.period.until.description)]),
            "as_of": .string(review.asOf.iso8601),
            "incidents": incidents(review.incidents),
            "drills": drills(review.drills),
            "coverage": .array(review.coverage.map(coverage)),
            "actions": actions(review.actions),
            "plan": .array(review.plan.map(plan)),
        ])
    }

    static func spread(_ spread: ReviewSpread?) -> JSONValue {
        guard let spread else { return .null }
        return .object(["count": .int(spread.count), "median_seconds": .int(spread.median), "worst_seconds": .int(spread.worst), "worst": .string(spread.worstId)])
    }

    static func incidents(_ incidents: IncidentReview) -> JSONValue {
        var spans: JSONObject = [:]
        for span in IncidentReview.Span.allCases { spans[span.rawValue] = spread(incidents.spreads[span]) }
        return .object([
            "count": .int(incidents.rows.count),
            "by_severity": .object(JSONObject(incidents.bySeverity.map { (key: $0.key, value: .int($0.count)) })),
            "by_playbook": .object(JSONObject(incidents.byPlaybook.map { (key: $0.key, value: .int($0.count)) })),
            "times": .object(spans),
            "deadlines_met": .int(incidents.deadlinesMet),
            "deadlines_missed": .int(incidents.deadlinesMissed),
            "list": .array(incidents.rows.map { row in
                var times: JSONObject = [:]
                for span in IncidentReview.Span.allCases { times[span.rawValue + "_seconds"] = row.spans[span].map(JSONValue.int) ?? .null }
                return .object([
                    "id": .string(row.id), "title": .string(row.title), "playbook": .string(row.playbook),
                    "severity": row.severity.map { .string($0.rawValue) } ?? .null,
                    "declared_at": .string(row.declaredAt.iso8601), "closed": .bool(row.closed),
                    "times": .object(times),
                    "deadlines_met": .array(row.deadlinesMet.map(JSONValue.string)),
                    "deadlines_missed": .array(row.deadlinesMissed.map { .object(["id": .string($0.id), "late_seconds": .int($0.lateness)]) }),
                ])
            }),
        ])
    }

    static func drills(_ drills: DrillReview) -> JSONValue {
        .object([
            "count": .int(drills.runs.count),
            "runs": .array(drills.runs.map { run in
                .object([
                    "id": .string(run.id), "scenario": .string(run.scenario), "playbook": .string(run.playbook),
                    "started_at": .string(run.startedAt.iso8601), "ended": .bool(run.ended),
                    "score": .int(run.score), "max_score": .int(run.maximumScore), "percent": .int(run.percent),
                    "missed": .array(run.missed.map(\.json)),
                    "answers": .array(run.answers.map { .object(["inject": .string($0.inject), "by": .string($0.by)]) }),
                ])
            }),
            "most_missed": .array(drills.mostMissed.map { .object(["scenario": .string($0.scenario), "expectation": $0.label.json, "missed": .int($0.misses), "runs": .int($0.runs)]) }),
        ])
    }

    static func coverage(_ coverage: PlaybookCoverage) -> JSONValue {
        func item(_ item: PlaybookCoverage.Item) -> JSONValue {
            .object(["id": .string(item.id), "exercised_by": .array(item.drills.map(JSONValue.string))])
        }
        return .object([
            "playbook": .string(coverage.playbook),
            "drills": .array(coverage.drills.map(JSONValue.string)),
            "steps": .array(coverage.steps.map(item)),
            "deadlines": .array(coverage.deadlines.map(item)),
            "unexercised_steps": .array(coverage.unexercisedSteps.map { .string($0.id) }),
            "unexercised_deadlines": .array(coverage.unexercisedDeadlines.map { .string($0.id) }),
        ])
    }

    static func actions(_ actions: ActionReview) -> JSONValue {
        .object([
            "opened": .int(actions.opened), "closed": .int(actions.closed), "overdue": .int(actions.overdue),
            "list": .array(actions.rows.map { row in
                .object([
                    "incident": .string(row.incident), "id": .string(row.action.id), "title": .string(row.action.title),
                    "owner": .string(row.action.owner), "due": .string(row.action.due.description),
                    "status": .string(row.action.status.rawValue), "state": .string(row.standing.rawValue),
                    "closed_at": row.closedAt.map { .string($0.iso8601) } ?? .null,
                ])
            }),
            "lessons": .array(actions.lessons.map { .object(["incident": .string($0.incident), "text": .string($0.text), "by": .string($0.by), "at": .string($0.at.iso8601)]) }),
        ])
    }

    public static func plan(_ progress: PlannedDrillProgress) -> JSONValue {
        var entry: JSONObject = [
            "scenario": .string(progress.entry.scenario), "due": .string(progress.entry.due.description),
            "with": .array(progress.entry.with.map(JSONValue.string)), "status": .string(progress.statusKey),
        ]
        switch progress.status {
        case .done(let drill, let on, let score, let maximum, let late):
            entry["drill"] = .string(drill)
            entry["done_on"] = .string(on.description)
            entry["score"] = score.map(JSONValue.int) ?? .null
            entry["max_score"] = maximum.map(JSONValue.int) ?? .null
            entry["late"] = .bool(late)
        case .due(let days): entry["due_in_days"] = .int(days)
        case .overdue(let days): entry["overdue_days"] = .int(days)
        }
        return .object(entry)
    }
}
