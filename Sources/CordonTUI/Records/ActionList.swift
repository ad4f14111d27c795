import CordonCore

/// The improvement actions with their owner, due day and status, overdue ones marked; `n` adds
/// one, `Enter` updates the selected one (also after the incident is closed).
struct ActionList: RecordListDialog {
    var selection = 0
    let parent: (any Dialog)?

    init(parent: (any Dialog)? = nil) {
        self.parent = parent
    }

    func title(_ language: Language) -> String { language == .zh ? "改进措施" : "Improvement actions" }

    func intro(model: AppModel) -> [(String, Style)] {
        guard let actions = model.console?.incident.actions else { return [] }
        let overdue = actions.filter { $0.isOverdue(at: model.incidentNow) }.count
        guard overdue > 0 else { return [] }
        return [(model.language == .zh ? "\(overdue) 项已逾期。" : "\(overdue) overdue.", Style(.danger, bold: true))]
    }

    func entries(model: AppModel) -> [[(String, Style)]] {
        guard let console = model.console else { return [] }
        let zh = model.language == .zh
        return console.incident.actions.map { action in
            var lines = [(RecordText.action(action, now: model.incidentNow, language: model.language), RecordText.actionStyle(action, now: model.incidentNow))]
            var detail: [String] = []
            if let finding = action.finding { detail.append((zh ? "对应 " : "answers ") + finding) }
            if let note = action.updates.last(where: { $0.note != nil })?.note { detail.append((zh ? "最近说明：" : "last note: ") + note.terminalSafe) }
            if !detail.isEmpty { lines.append(("    " + detail.joined(separator: " · "), .muted)) }
            return lines
        }
    }

    func empty(_ language: Language) -> String {
        language == .zh ? "尚无改进措施。按 n 新增，写明负责人和期限。" : "No improvement actions yet. Press n to add one with an owner and a due date."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "n 新增  Enter 更新  Esc 返回" : "n add  Enter update  Esc back"
    }

    mutating func act(_ request: Request, model: AppModel) -> DialogOutcome {
        guard let console = model.console else { return .stay }
        switch request {
        case .insert("n"):
            if let refusal = refuseInReplay(model) { return refusal }
            return .replace(ActionForm(findings: console.incident.findings.filter { !$0.isWithdrawn }, parent: selectingNew(after: console.incident.actions.count)))
        case .submit:
            if let refusal = refuseInReplay(model) { return refusal }
            let actions = console.incident.actions
            guard let index = selected(among: actions.count) else {
                return .invalid(localized("还没有可更新的改进措施；按 n 新增。", "There is no action to update yet; press n to add one."))
            }
            return .replace(ActionUpdateForm(action: actions[index], parent: self))
        default:
            return .stay
        }
    }
}
