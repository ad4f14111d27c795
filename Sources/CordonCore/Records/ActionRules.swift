/// Improvement actions: added while the incident is open, updated for as long as they are owed,
/// closed incident or not.
enum ActionRules {
    private static let ownerField = LocalizedText(zh: "负责人姓名", en: "the owner's name")

    static func add(_ input: ActionInput, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let title = try RecordRules.requiredTitle(input.title, "action-empty", zh: "请写明改进措施的内容。", en: "Say what the action is.")
        let owner = try RecordRules.requiredName(input.owner, "owner-required", field: Self.ownerField, zh: "请指定负责人：--owner 姓名。", en: "Name the owner: --owner NAME")
        var data: JSONObject = [
            "action": .string(RecordRules.nextId("A", after: state.actions.map(\.id))),
            "title": .string(title),
            "owner": .string(owner),
            "due": .string(input.due.description),
        ]
        if let reference = input.finding, IncidentRules.clean(reference) != nil {
            data["finding"] = .string(try FindingRules.find(reference, in: state).id)
        }
        return [EventDraft(EventType.actionAdded, data)]
    }

    static func update(_ change: ActionChange, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let id = RecordRules.normalizedId(change.id, prefix: "A")
        guard let action = state.actions.first(where: { $0.id == id }) else {
            let known = state.actions.map(\.id).joined(separator: ", ")
            throw Refusal(
                "unknown-action",
                zh: "没有改进措施“\(change.id)”\(known.isEmpty ? "" : "；现有：\(known)")（cordon action \(state.id) list）。",
                en: "There is no action '\(change.id)'\(known.isEmpty ? "" : "; there are: \(known)") (cordon action \(state.id) list).")
        }
        let owner = try TextLimits.name(change.owner, field: Self.ownerField)
        let note = try RecordRules.optional(change.note)
        if change.status == .dropped && note == nil {
            throw Refusal("reason-required", zh: "放弃改进措施需要说明原因：加上 --note \"…\"。", en: "Dropping an action needs a reason: add --note \"…\"")
        }
        var data: JSONObject = ["action": .string(id)]
        if let status = change.status, status != action.status { data["status"] = .string(status.rawValue) }
        if let owner, owner != action.owner { data["owner"] = .string(owner) }
        if let due = change.due, due != action.due { data["due"] = .string(due.description) }
        if let note { data["note"] = .string(note) }
        guard data.entries.count > 1 else {
            throw Refusal(
                "action-unchanged",
                zh: "\(id) 没有变化（当前：\(action.status.title.zh)，负责人 \(action.owner)，期限 \(action.due)）；未记录。",
                en: "Nothing changes for \(id) (now \(action.status.title.en), owner \(action.owner), due \(action.due)); nothing was recorded.")
        }
        return [EventDraft(EventType.actionUpdated, data)]
    }
}
