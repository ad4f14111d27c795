import CordonCore

/// A lesson learned from the drill, recorded as a note the evaluation and the report list.
/// Back to the evaluation afterwards.
struct DebriefDialog: Dialog {
    var field = TextField(limit: IncidentRules.maximumTextLength)

    init() {}

    func title(_ language: Language) -> String { DebriefKind.lesson.title[language] }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 70), height: min(available.height, 5))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let label = model.language == .zh ? "这次演练让团队学到了什么？写入时间线，列入评估与报告：" : "What did the drill teach the team? It goes into the timeline, the evaluation and the report:"
        let used = canvas.paragraphs([(label, .muted)], in: content)
        field.draw(into: &canvas, rect: Rect(x: content.x, y: content.y + used, width: content.width, height: max(1, content.height - used)), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String { DialogHints.submitOrCancel(language, submit: localized("记录", "record")) }

    var afterRecording: (any Dialog)? { DrillEvaluationDialog(atDebrief: true) }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit:
            guard let text = IncidentRules.clean(field.text) else {
                return .invalid(localized("内容为空；写下一条经验教训，或按 Esc 返回。", "Nothing written; write a lesson, or press Esc to go back."))
            }
            return .effect(.drill(.lesson(text)))
        case .cancel: return .replace(DrillEvaluationDialog(atDebrief: true))
        default:
            field.apply(request)
            return .stay
        }
    }
}
