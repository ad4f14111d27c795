import CordonCore

/// Asks what to find in the timeline.
struct SearchPrompt: Dialog {
    let previous: String?
    var field = TextField(limit: 200)

    init(previous: String?) {
        self.previous = previous
    }

    func title(_ language: Language) -> String { language == .zh ? "搜索时间线" : "Search the timeline" }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 60), height: min(available.height, 2))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let zh = model.language == .zh
        let label = previous.map { zh ? "从新到旧查找；直接回车查找下一处“\($0)”" : "Newest first; Enter alone finds the next '\($0)'" }
            ?? (zh ? "从新到旧查找步骤、备注、操作人：" : "Newest first, in steps, notes and who acted:")
        canvas.put(label.terminalSafe, x: content.x, y: content.y, width: content.width, style: .muted)
        field.draw(into: &canvas, rect: content.row(1), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String { DialogHints.submitOrCancel(language, submit: localized("查找", "find")) }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit: return .search(field.text)
        case .cancel: return .close
        default:
            field.apply(request)
            return .stay
        }
    }
}
