/// Each accountability entry names a person, the duty not met, a standing finding it rests on
/// and the measure proposed: responsibility is never recorded without its grounds.
enum AccountabilityRules {
    static func add(_ input: AccountabilityInput, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let person = try RecordRules.requiredName(input.person, "person-required", field: LocalizedText(zh: "责任人姓名", en: "the person's name"), zh: "请写明责任人：--person 姓名。", en: "Name the person: --person NAME")
        let duty = try RecordRules.required(input.duty, "duty-required", zh: "请写明未履行的职责：--duty \"…\"。", en: "State the duty that was not met: --duty \"…\"")
        let measure = try RecordRules.required(input.measure, "measure-required", zh: "请写明拟采取的处理措施：--measure \"…\"。", en: "State the measure proposed: --measure \"…\"")
        guard IncidentRules.clean(input.finding) != nil else {
            throw Refusal(
                "finding-required",
                zh: "追责必须以调查结论为依据：--finding F1（cordon finding \(state.id) list 列出结论）。",
                en: "Accountability must rest on a finding: --finding F1 (cordon finding \(state.id) list shows them).")
        }
        let finding = try FindingRules.find(input.finding, in: state)
        return [EventDraft(EventType.accountabilityAdded, [
            "entry": .string(RecordRules.nextId("R", after: state.accountability.map(\.id))),
            "person": .string(person),
            "duty": .string(duty),
            "finding": .string(finding.id),
            "measure": .string(measure),
        ])]
    }

    static func withdraw(_ reference: String, reason: String, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let id = RecordRules.normalizedId(reference, prefix: "R")
        guard let entry = state.accountability.first(where: { $0.id == id }) else {
            throw Refusal(
                "unknown-accountability",
                zh: "没有追责记录“\(reference)”（cordon accountability \(state.id) list）。",
                en: "There is no accountability entry '\(reference)' (cordon accountability \(state.id) list).")
        }
        guard !entry.isWithdrawn else {
            throw Refusal("accountability-withdrawn", zh: "追责记录 \(id) 已撤回。", en: "Accountability entry \(id) was already withdrawn.")
        }
        let reason = try RecordRules.reason(reason)
        return [EventDraft(EventType.accountabilityWithdrawn, ["entry": .string(id), "reason": .string(reason)])]
    }
}
