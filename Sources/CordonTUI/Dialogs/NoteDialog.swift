import CordonCore

/// Types a note into the timeline. Input arrives character by character through `get_wch`,
/// so Chinese typed through an input method arrives whole.
struct NoteDialog: Dialog {
    var field = TextField(limit: IncidentRules.maximumTextLength)

    init() {}

    func title(_ language: Language) -> String { language == .zh ? "添加备注" : "Add a note" }

    var draftKey: String? { "note" }
    var hasDraft: Bool { !field.text.isEmpty }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 70), height: min(available.height, 5))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let label = model.language == .zh ? "备注写入时间线，所有人可见，不可删除：" : "The note goes into the timeline for everyone and cannot be removed:"
        canvas.put(label, x: content.x, y: content.y, width: content.width, style: .muted)
        field.draw(into: &canvas, rect: Rect(x: content.x, y: content.y + 1, width: content.width, height: content.height - 1), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String {
        DialogHints.submitOrCancel(language, submit: localized("记录", "record"))
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit:
            guard let text = IncidentRules.clean(field.text) else {
                return .invalid(localized("备注为空；写点什么，或按 Esc 取消。", "The note is empty; write something or press Esc."))
            }
            return .perform(.note(text))
        case .cancel: return .close
        default:
            field.apply(request)
            return .stay
        }
    }
}
