import CordonCore

/// An improvement action from the drill's debrief: what is to change, who owns it, by when.
/// Recorded as the records' improvement action, so `cordon actions` follows it up like any other.
struct ImprovementActionDialog: Dialog {
    enum Field: Int, Sendable, CaseIterable {
        case title, owner, due
    }

    var focus = Field.title
    var titleField = TextField(limit: 500)
    var ownerField = TextField(limit: 200)
    var dueField: TextField

    init(now: Timestamp) {
        dueField = TextField(DueDate.today(now).adding(days: 30).description, limit: 40)
    }

    func title(_ language: Language) -> String { language == .zh ? "改进措施" : "Improvement action" }

    private func label(_ field: Field, _ language: Language) -> String {
        let zh = language == .zh
        switch field {
        case .title: return zh ? "措施" : "Action"
        case .owner: return zh ? "负责人" : "Owner"
        case .due: return zh ? "期限" : "Due"
        }
    }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 72), height: min(available.height, Field.allCases.count * 2 + 1))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let language = model.language
        let labelWidth = 10
        for (index, field) in Field.allCases.enumerated() {
            let row = content.row(index * 2)
            let focused = field == focus
            canvas.put(label(field, language), x: row.x, y: row.y, width: labelWidth, style: focused ? Style(.accent, bold: true) : .muted)
            let text = field == .title ? titleField : field == .owner ? ownerField : dueField
            text.draw(into: &canvas, rect: Rect(x: row.x + labelWidth, y: row.y, width: row.width - labelWidth, height: 1), focused: focused, style: Style(underline: true))
        }
        let help = language == .zh ? "期限写 2026-12-31，或 +30d 表示 30 天后。" : "Due as 2026-12-31, or +30d for thirty days from today."
        canvas.put(help, x: content.x, y: content.y + Field.allCases.count * 2, width: content.width, style: .muted)
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "Tab 下一项  " : "Tab next  ") + DialogHints.submitOrCancel(language, submit: localized("记录", "record"))
    }

    var followUp: (any Dialog)? { DrillEvaluationDialog(atDebrief: true) }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        let fields = Field.allCases
        switch request {
        case .cancel: return .replace(DrillEvaluationDialog(atDebrief: true))
        case .nextField, .down: focus = fields[(focus.rawValue + 1) % fields.count]
        case .previousField, .up: focus = fields[(focus.rawValue + fields.count - 1) % fields.count]
        case .submit: return submit(now: model.now)
        default:
            switch focus {
            case .title: titleField.apply(request)
            case .owner: ownerField.apply(request)
            case .due: dueField.apply(request)
            }
        }
        return .stay
    }

    private mutating func submit(now: Timestamp) -> DialogOutcome {
        guard let title = IncidentRules.clean(titleField.text) else {
            focus = .title
            return .invalid(localized("请写下要改进什么，例如“数据室默认关闭下载”。", "Write what is to change, such as 'Downloads off by default in the data room'."))
        }
        guard let owner = IncidentRules.clean(ownerField.text) else {
            focus = .owner
            return .invalid(localized("请写下负责人：改进措施要有人跟进。", "Name an owner: an improvement action needs someone to follow it up."))
        }
        guard let due = DueDate(parsing: dueField.text, now: now) else {
            focus = .due
            return .invalid(localized("无法识别期限“\(dueField.text)”；请写 2026-12-31 或 +30d。", "'\(dueField.text)' is not a date; write 2026-12-31 or +30d."))
        }
        return .perform(.record(.addAction(ActionInput(title: title, owner: owner, due: due))))
    }
}
