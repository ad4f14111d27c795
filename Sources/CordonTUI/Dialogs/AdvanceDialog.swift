import CordonCore

/// Moves the incident to its next phase, or closes it after the last. While required steps
/// are open it shows the refusal and offers a forced advance, which asks for a reason.
struct AdvanceDialog: Dialog {
    let from: Phase
    /// `nil` when advancing closes the incident.
    let to: Phase?
    let openSteps: [Step]
    let isClosed: Bool

    init(state: IncidentState, playbook: Playbook) {
        let index = playbook.phases.firstIndex { $0.id == state.phase } ?? 0
        from = playbook.phases[index]
        to = index + 1 < playbook.phases.count ? playbook.phases[index + 1] : nil
        openSteps = IncidentRules.openRequiredSteps(state: state, playbook: playbook)
        isClosed = state.isClosed
    }

    func title(_ language: Language) -> String { language == .zh ? "推进阶段" : "Advance" }

    private func paragraphs(_ language: Language) -> [(String, Style)] {
        let zh = language == .zh
        if isClosed {
            return [(zh ? "事件已关闭，没有下一阶段。" : "The incident is closed; there is no next phase.", .plain)]
        }
        let target = to.map { zh ? "从“\(from.title.zh)”推进到“\($0.title.zh)”" : "From \(from.title.en) to \($0.title.en)" }
            ?? (zh ? "“\(from.title.zh)”是最后阶段：推进将关闭事件" : "\(from.title.en) is the last phase: advancing closes the incident")
        guard !openSteps.isEmpty else {
            return [(target + (zh ? "？" : "?"), .plain)]
        }
        var out: [(String, Style)] = [
            (target + (zh ? "：不能推进。必需步骤尚未完成：" : ": refused. Required steps are still open:"), Style(.danger, bold: true)),
        ]
        for step in openSteps { out.append(("  [ ] " + step.title[language], .plain)) }
        out.append(("", .plain))
        out.append((zh ? "完成或跳过它们；或按 f 强制推进（需说明原因，会记入时间线）。" : "Finish or skip them, or press f to force the advance (asks why, and records it).", .muted))
        return out
    }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, 64)
        let lines = wrappedLineCount(paragraphs(model.language).map(\.0), width: width)
        return Size(width: width, height: min(available.height, lines))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        canvas.paragraphs(paragraphs(model.language), in: content)
    }

    func hints(_ language: Language) -> String {
        if isClosed { return DialogHints.close(language) }
        if openSteps.isEmpty { return DialogHints.submitOrCancel(language, submit: localized("推进", "advance")) }
        return (language == .zh ? "f 强制推进  " : "f force  ") + DialogHints.close(language)
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .cancel: return .close
        case .submit: return isClosed || !openSteps.isEmpty ? .close : .perform(.advance())
        case .insert("f"), .insert("F"):
            return isClosed || openSteps.isEmpty ? .stay : .replace(ReasonDialog(purpose: .forceAdvance))
        default: return .stay
        }
    }
}
