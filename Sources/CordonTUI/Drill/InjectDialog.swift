import CordonCore

/// An inject as it reached the team: who it is from, what they said, the facts it forces, and
/// a field to answer it with a note, which the drill scores. `↑↓` goes through the others.
///
/// It opens by itself when an inject arrives, so it opens for reading: keys meant for the
/// console a moment earlier must not land in the answer. `Enter` opens the answer field. While
/// reading, `p` still pauses or resumes the drill clock of the console that conducts it, so a
/// fast drill can be stopped while injects queue up.
struct InjectDialog: Dialog {
    var injectId: String
    var answer = TextField(limit: IncidentRules.maximumTextLength)
    var isAnswering = false

    init(inject: String) {
        injectId = inject
    }

    private func delivered(_ model: AppModel) -> (drill: DrillState, index: Int)? {
        guard let drill = model.console?.incident.drill, let index = drill.delivered.firstIndex(where: { $0.inject == injectId }) else { return nil }
        return (drill, index)
    }

    func title(_ language: Language) -> String { language == .zh ? "注入" : "Inject" }

    /// Stays open after pausing or resuming the clock; closes once its answer is recorded.
    var afterRecording: (any Dialog)? { isAnswering ? nil : self }

    private func paragraphs(_ model: AppModel) -> [(String, Style)] {
        guard let (drill, index) = delivered(model) else { return [] }
        let zh = model.language == .zh
        let language = model.language
        let inject = drill.delivered[index]
        let clock = "T+" + DurationText.elapsed(max(0, drill.offset(of: inject.at)))
        var out: [(String, Style)] = [
            ((zh ? "第 \(index + 1)/\(drill.delivered.count) 条 · \(clock) · 来自 " : "\(index + 1) of \(drill.delivered.count) · \(clock) · from ") + inject.from[language], .heading),
            (inject.message[language], Style(bold: true)),
        ]
        var forced: [String] = []
        if let severity = inject.severity { forced.append((zh ? "级别定为 " : "severity now ") + severity.title[language]) }
        if let affected = inject.affected { forced.append(zh ? "受影响客户 \(NumberText.grouped(affected)) 人" : "\(NumberText.grouped(affected)) customers affected") }
        if !forced.isEmpty {
            out.append(((zh ? "强制事实：" : "Forced facts: ") + forced.joined(separator: zh ? "；" : "; "), Style(.warning, bold: true)))
        }
        if let answer = drill.answer(to: inject.inject) {
            let at = "T+" + DurationText.elapsed(max(0, drill.offset(of: answer.at)))
            out.append(((zh ? "已回应 · \(at) · \(answer.by)" : "Answered · \(at) · \(answer.by)").terminalSafe, Style(.good)))
        } else if let expectation = model.console?.mode.scenario?.expectations.first(where: { if case .answer(inject.inject, _) = $0.kind { true } else { false } }),
                  case .answer(_, let within) = expectation.kind {
            let limit = within.map { zh ? DurationText.spoken($0, language: .zh) + "内" : " within " + DurationText.spoken($0, language: .en) } ?? ""
            out.append((zh ? "计分：\(limit)以备注回应得 \(expectation.points) 分" : "Scored: answering with a note\(limit) earns \(expectation.points) points", .muted))
        }
        out.append(("", .plain))
        if drill.answer(to: inject.inject) != nil, !isAnswering {
            out.append((zh ? "已回应。Esc 关闭；↑↓ 查看其他注入（i 可随时找回）。" : "Answered. Esc closes; ↑↓ for the other injects (i brings them back).", .muted))
        } else if isAnswering {
            out.append((zh ? "回应（写入时间线，作为对此注入的回应）：" : "Answer (goes into the timeline as the answer to this inject):", .muted))
        } else {
            out.append((zh ? "按 Enter 写回应；Esc 稍后再答（i 可随时找回）。" : "Press Enter to answer; Esc to answer later (i brings it back).", .muted))
        }
        return out
    }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, 76)
        let lines = wrappedLineCount(paragraphs(model).map(\.0), width: width)
        return Size(width: width, height: min(available.height, lines + (isAnswering ? 2 : 0)))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let fieldRows = isAnswering ? min(2, max(1, content.height - 1)) : 0
        let text = Rect(x: content.x, y: content.y, width: content.width, height: content.height - fieldRows)
        canvas.paragraphs(paragraphs(model), in: text)
        if isAnswering {
            answer.draw(into: &canvas, rect: Rect(x: content.x, y: text.maxY, width: content.width, height: fieldRows), focused: true, style: Style(underline: true))
        }
    }

    func hints(_ language: Language) -> String {
        let others = language == .zh ? "↑↓ 其他注入  " : "↑↓ other injects  "
        if isAnswering { return DialogHints.submitOrCancel(language, submit: localized("记录回应", "record the answer")) }
        return others + (language == .zh ? "Enter 回应  Esc 稍后  p 暂停/继续" : "Enter answer  Esc later  p pause/resume")
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .up, .down:
            guard !isAnswering, let (drill, index) = delivered(model) else { return .stay }
            let next = min(max(0, index + (request == .up ? -1 : 1)), drill.delivered.count - 1)
            injectId = drill.delivered[next].inject
        case .submit where !isAnswering:
            // An inject already answered has nothing left to write: Enter closes it.
            if let (drill, _) = delivered(model), drill.answer(to: injectId) != nil { return .close }
            isAnswering = true
        case .submit:
            guard let text = IncidentRules.clean(answer.text) else {
                return .invalid(localized("回应为空；写下团队会怎样答复，或按 Esc 稍后再答。", "The answer is empty; write what the team would say, or press Esc to answer later."))
            }
            return .effect(.drill(.answer(inject: injectId, text: text)))
        case .cancel: return .close
        case .insert("p") where !isAnswering:
            guard let console = model.console, console.conductsRunningDrill, let clock = console.incident.drill?.clock else { return .stay }
            return .effect(.drill(.clock(clock.isRunning ? .pause : .resume)))
        default: if isAnswering { answer.apply(request) }
        }
        return .stay
    }
}
