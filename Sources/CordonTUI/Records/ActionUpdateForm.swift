import CordonCore

/// Updates an action's status, owner or due date, with a note; dropping one needs the note.
struct ActionUpdateForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case status, owner, due, note
    }

    let action: ImprovementAction
    var form: Form<Field>
    let parent: (any Dialog)?

    init(action: ImprovementAction, parent: (any Dialog)? = nil) {
        self.action = action
        self.parent = parent
        form = Form { field in
            switch field {
            case .status: .choice(localized("状态", "Status"), ActionStatus.allCases.map(\.title), selected: ActionStatus.allCases.firstIndex(of: action.status) ?? 0)
            case .owner: .text(localized("负责人", "Owner"), action.owner, limit: 200)
            case .due: .text(localized("完成期限", "Due"), action.due.description, limit: 20)
            case .note: .text(localized("说明", "Note"), rows: 2, placeholder: localized("进展或原因（放弃时必填）", "progress or reason (required to drop)"))
            }
        }
    }

    func title(_ language: Language) -> String { language == .zh ? "更新改进措施" : "Update an improvement action" }

    func intro(model: AppModel) -> [(String, Style)] {
        [(RecordText.action(action, now: model.incidentNow, language: model.language), RecordText.actionStyle(action, now: model.incidentNow))]
    }

    mutating func submit(model: AppModel) -> DialogOutcome {
        let status = ActionStatus.allCases[form.choice(.status)]
        guard let owner = form.cleaned(.owner) else {
            return refuse(.owner, "负责人不能为空。", "The owner cannot be empty.")
        }
        guard let due = ActionForm.dueDate(form.cleaned(.due), now: model.incidentNow) else {
            return refuse(.due, "请写完成期限：2026-12-31，或 +30天（+30d）表示 30 天后。", "Give the due date: 2026-12-31, or +30d for thirty days from today.")
        }
        let note = form.cleaned(.note)
        if status == .dropped, status != action.status, note == nil {
            return refuse(.note, "放弃改进措施需要说明原因。", "Dropping an action needs a note saying why.")
        }
        return .perform(.record(.updateAction(ActionChange(
            id: action.id, status: status == action.status ? nil : status, owner: owner == action.owner ? nil : owner,
            due: due == action.due ? nil : due, note: note))))
    }
}
