/// Findings are added and, when the investigation changes its mind, withdrawn with a reason;
/// nothing is ever edited away.
enum FindingRules {
    static func add(_ input: FindingInput, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let text = try RecordRules.required(input.text, "finding-empty", zh: "调查结论为空，未记录。", en: "The finding is empty; nothing was recorded.")
        if input.kind == .timeline && input.occurredAt == nil {
            throw Refusal(
                "time-required",
                zh: "行为时间线条目需要发生时间：--at \"2026-11-28 23:10\"。",
                en: "A timeline entry needs the time it happened: --at \"2026-11-28 23:10\"")
        }
        var evidence: [String] = []
        for reference in input.evidence {
            let id = try EvidenceRules.find(reference, in: state).id
            if !evidence.contains(id) { evidence.append(id) }
        }
        var data: JSONObject = [
            "finding": .string(RecordRules.nextId("F", after: state.findings.map(\.id))),
            "kind": .string(input.kind.rawValue),
            "text": .string(text),
        ]
        if let occurredAt = input.occurredAt { data["occurred_at"] = .string(occurredAt.iso8601) }
        if !evidence.isEmpty { data["evidence"] = .array(evidence.map { .string($0) }) }
        return [EventDraft(EventType.findingAdded, data)]
    }

    static func withdraw(_ reference: String, reason: String, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let finding = try find(reference, in: state)
        let reason = try RecordRules.reason(reason)
        let resting = state.accountability.filter { $0.finding == finding.id && !$0.isWithdrawn }.map(\.id)
        guard resting.isEmpty else {
            let ids = resting.joined(separator: ", ")
            throw Refusal(
                "finding-in-use",
                zh: "追责记录 \(ids) 以 \(finding.id) 为依据；请先撤回（cordon accountability \(state.id) withdraw …）。",
                en: resting.count == 1
                    ? "Accountability entry \(ids) rests on \(finding.id); withdraw it first (cordon accountability \(state.id) withdraw \(ids) --reason …)."
                    : "Accountability entries \(ids) rest on \(finding.id); withdraw them first (cordon accountability \(state.id) withdraw …).")
        }
        return [EventDraft(EventType.findingWithdrawn, ["finding": .string(finding.id), "reason": .string(reason)])]
    }

    /// A finding that stands (not withdrawn), by any spelling of its id.
    static func find(_ reference: String, in state: IncidentState) throws(Refusal) -> Finding {
        let id = RecordRules.normalizedId(reference, prefix: "F")
        guard let finding = state.findings.first(where: { $0.id == id }) else {
            let known = state.findings.filter { !$0.isWithdrawn }.map(\.id).joined(separator: ", ")
            throw Refusal(
                "unknown-finding",
                zh: "没有调查结论“\(reference)”\(known.isEmpty ? "，尚未记录任何结论" : "；现有：\(known)")（cordon finding \(state.id) list）。",
                en: "There is no finding '\(reference)'\(known.isEmpty ? "; none is recorded yet" : "; there are: \(known)") (cordon finding \(state.id) list).")
        }
        guard !finding.isWithdrawn else {
            throw Refusal("finding-withdrawn", zh: "调查结论 \(finding.id) 已撤回。", en: "Finding \(finding.id) was withdrawn.")
        }
        return finding
    }
}
