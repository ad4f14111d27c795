import CordonCore

/// Asks why before skipping, blocking or reopening a step, or forcing the incident onward.
struct ReasonDialog: Dialog {
    enum Purpose: Sendable, Hashable {
        case skip(String)
        case block(String)
        case reopen(String)
        case forceAdvance
    }

    let purpose: Purpose
    var field = TextField(limit: IncidentRules.maximumTextLength)

    init(purpose: Purpose) {
        self.purpose = purpose
    }

    var draftKey: String? { "reason \(purpose)" }
    var hasDraft: Bool { !field.text.isEmpty }

    private var isRequired: Bool {
        if case .reopen = purpose { return false }
        return true
    }

    func title(_ language: Language) -> String {
        switch purpose {
        case .skip: language == .zh ? "跳过步骤" : "Skip a step"
        case .block: language == .zh ? "步骤受阻" : "Block a step"
        case .reopen: language == .zh ? "重新打开步骤" : "Reopen a step"
        case .forceAdvance: language == .zh ? "强制推进" : "Force the advance"
        }
    }

    private func question(_ model: AppModel) -> String {
        let zh = model.language == .zh
        func step(_ id: String) -> String { model.console?.playbook.step(id)?.step.title[model.language] ?? id }
        switch purpose {
        case .skip(let id): return zh ? "为什么跳过“\(step(id))”？（必填）" : "Why skip '\(step(id))'? (required)"
        case .block(let id): return zh ? "“\(step(id))”被什么阻挡？（必填）" : "What blocks '\(step(id))'? (required)"
        case .reopen(let id): return zh ? "为什么重新打开“\(step(id))”？（可选）" : "Why reopen '\(step(id))'? (optional)"
        case .forceAdvance: return zh ? "必需步骤未完成就推进，原因是？（必填，会记入时间线）" : "Why advance with required steps open? (required, goes into the timeline)"
        }
    }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, 70)
        let lines = TextLayout.wrap(question(model), width: width).count
        return Size(width: width, height: min(available.height, lines + 3))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let used = canvas.paragraphs([(question(model), .plain)], in: content)
        field.draw(into: &canvas, rect: Rect(x: content.x, y: content.y + used + 1, width: content.width, height: content.height - used - 1), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String { DialogHints.submitOrCancel(language, submit: localized("记录", "record")) }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit:
            let reason = IncidentRules.clean(field.text)
            if isRequired, reason == nil {
                return .invalid(localized("请写明原因；它会和操作一起记入时间线。", "Write the reason; it goes into the timeline with the action."))
            }
            switch purpose {
            case .skip(let id): return .perform(.step(id, .skip, reason: reason))
            case .block(let id): return .perform(.step(id, .block, reason: reason))
            case .reopen(let id): return .perform(.step(id, .reopen, reason: reason))
            case .forceAdvance: return .perform(.advance(force: true, reason: reason))
            }
        case .cancel: return .close
        default:
            field.apply(request)
            return .stay
        }
    }
}
