/// The machine-readable status of an incident at a moment: what `cordon status ID --json`
/// prints, and what `cordon replay ID --at SEQ --json` prints for the same moment.
///
/// Keys are stable; scripts depend on them. Times are the timeline's own ISO 8601 text.
public enum StatusDocument {
    public static func make(playbook: Playbook, state: IncidentState, now: Timestamp) -> JSONValue {
        var doc: JSONObject = [
            "id": .string(state.id),
            "title": .string(state.title),
            "playbook": .string(state.playbookId),
            "playbook_version": .int(state.playbookVersion),
            "drill": .bool(state.isDrill),
            "phase": .string(state.phase),
            "severity": state.severity.map { .string($0.rawValue) } ?? .null,
            "closed": .bool(state.isClosed),
            "detected_at": .string(state.detectedAt.iso8601),
            "declared_at": .string(state.declaredAt.iso8601),
            "closed_at": state.closedAt.map { .string($0.iso8601) } ?? .null,
            "as_of": .string(now.iso8601),
            "seq": .int(state.lastSeq),
        ]
        doc["steps"] = .array(playbook.phases.flatMap { phase in
            phase.steps.map { step in stepEntry(step, phase: phase, state: state) }
        })
        doc["deadlines"] = .array(DeadlineBoard.evaluate(playbook: playbook, state: state, now: now).map(deadlineEntry))
        // Before grading: the clocks already counting that apply once graded at least `severity_at_least`.
        doc["if_graded"] = .array(DeadlineBoard.ifGraded(playbook: playbook, state: state, now: now).map { status in
            guard case .object(var entry) = deadlineEntry(status) else { return deadlineEntry(status) }
            entry["severity_at_least"] = status.ifGradedAtLeast.map { .string($0.rawValue) } ?? .null
            return .object(entry)
        })
        doc["assignments"] = .object(JSONObject(playbook.roles.compactMap { role in
            state.assignments[role.id].map { (key: role.id, value: JSONValue.string($0)) }
        }))
        doc["notices"] = .array(state.notices.map { notice in
            var entry: JSONObject = [
                "audience": .string(notice.audience), "channel": .string(notice.channel),
                "at": .string(notice.at.iso8601), "by": .string(notice.by),
            ]
            if let reference = notice.reference { entry["reference"] = .string(reference) }
            return .object(entry)
        })
        doc["notes"] = .int(state.noteCount)
        doc["unknown_events"] = .int(state.unknownEventCount)
        for entry in recordEntries(playbook: playbook, state: state, now: now) { doc[entry.key] = entry.value }
        return .object(doc)
    }

    private static func stepEntry(_ step: Step, phase: Phase, state: IncidentState) -> JSONValue {
        var entry: JSONObject = [
            "id": .string(step.id),
            "phase": .string(phase.id),
            "state": .string(state.stepState(step.id).rawValue),
            "required": .bool(step.required),
            "role": .string(step.role),
        ]
        if let person = state.assignments[step.role] { entry["assignee"] = .string(person) }
        if let progress = state.steps[step.id] {
            entry["updated_at"] = .string(progress.at.iso8601)
            entry["by"] = .string(progress.by)
            if let reason = progress.reason { entry["reason"] = .string(reason) }
        }
        return .object(entry)
    }

    private static func deadlineEntry(_ status: DeadlineStatus) -> JSONValue {
        var entry: JSONObject = [
            "id": .string(status.deadline.id),
            "started_at": .string(status.startedAt.iso8601),
            "due": .string(status.due.iso8601),
            "state": .string(status.state.rawValue),
            "met_at": status.metAt.map { .string($0.iso8601) } ?? .null,
            "remaining_seconds": .int(status.remaining),
            "met_by": .string(status.deadline.metBy),
            "cite": .string(status.deadline.cite),
            "verify": .bool(status.deadline.verify),
        ]
        if status.state == .missed { entry["late_seconds"] = .int(status.lateness) }
        return .object(entry)
    }
}
