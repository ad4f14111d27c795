import CordonCore

/// How the drill went: the score, each expectation met or missed with its time, the deadlines,
/// the injects and their answers, and the debrief, where `l` adds a lesson learned (a note) and
/// `a` an improvement action with an owner and a due date (the records' action form).
struct DrillEvaluationDialog: ReadingDialog {
    var scroll = 0

    /// `atDebrief` opens it scrolled to its end, where a lesson or an action just added shows.
    init(atDebrief: Bool = false) {
        if atDebrief { scroll = Int.max }
    }

    /// `scroll` within what there is to scroll on this screen, below the score, which stays put.
    private func clamped(_ model: AppModel) -> Int {
        let size = contentSize(available: DialogFrame.available(in: model.size), model: model)
        let all = paragraphs(model: model).map(\.0)
        let pinned = wrappedLineCount(Array(all.prefix(1)), width: size.width)
        return min(scroll, max(0, wrappedLineCount(Array(all.dropFirst()), width: size.width) - (size.height - pinned)))
    }

    func title(_ language: Language) -> String { language == .zh ? "演练评估" : "Drill evaluation" }

    var preferredWidth: Int { 100 }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console, let scenario = console.mode.scenario else { return [] }
        let zh = model.language == .zh
        let language = model.language
        let evaluation = DrillEvaluation.make(scenario: scenario, playbook: console.playbook, state: console.incident, now: model.now)
        var out: [(String, Style)] = []
        var headline = (zh ? "得分 " : "Score ") + "\(evaluation.score) / \(evaluation.maximumScore)"
        if let ended = evaluation.endedAt {
            let why = DrillEndReason.title(of: evaluation.endReason)[language]
            headline += zh ? " · 结束于 \(evaluation.clockText(ended))（\(why)）" : " · ended \(evaluation.clockText(ended)) (\(why))"
        } else {
            headline += zh ? " · 进行中，截至 \(evaluation.clockText(evaluation.asOf))" : " · running, as of \(evaluation.clockText(evaluation.asOf))"
        }
        out.append((headline, .heading))

        out.append(("", .plain))
        out.append((zh ? "期望" : "Expectations", .heading))
        for result in evaluation.results {
            let style: Style = switch result.outcome {
            case .met: Style(.good)
            case .missed: Style(.danger, bold: true)
            case .pending: .muted
            }
            out.append(("\(result.number). \t" + "\(result.label[language].terminalSafe) · \(result.awarded)/\(result.expectation.points) · \(evaluation.outcomeText(result, language: language))", style))
        }

        out.append(("", .plain))
        out.append((zh ? "时限" : "Deadlines", .heading))
        if evaluation.deadlines.isEmpty {
            out.append((zh ? "（演练的级别下没有适用的时限）" : "(no deadline applied at the drill's severity)", .muted))
        }
        for status in evaluation.deadlines {
            let state: String = switch status.state {
            case .met: (zh ? "已满足 " : "met ") + evaluation.clockText(status.metAt ?? status.due)
            case .missed: (zh ? "超时 " : "missed by ") + DurationText.clock(status.lateness)
            case .running: (zh ? "未满足，剩余 " : "not met, ") + DurationText.clock(status.remaining) + (zh ? "" : " left")
            }
            let due = (zh ? "截止 " : "due ") + evaluation.clockText(status.due)
            out.append(("• \t\(status.deadline.title[language]) · \(due) · \(state)", DeadlineText.style(status)))
        }

        out.append(("", .plain))
        out.append((zh ? "注入" : "Injects", .heading))
        if evaluation.injects.isEmpty { out.append((zh ? "（没有注入送达）" : "(no inject was delivered)", .muted)) }
        for inject in evaluation.injects {
            let answer = evaluation.answers.first { $0.inject == inject.inject }
            let answered = answer.map { zh ? "\($0.by.terminalSafe) 已回应 " + evaluation.clockText($0.at) : "answered " + evaluation.clockText($0.at) + " by \($0.by.terminalSafe)" } ?? (zh ? "未回应" : "not answered")
            out.append(("\(evaluation.clockText(inject.at)) \t\(inject.from[language]) · \(answered)", answer == nil ? .muted : .plain))
        }

        out.append(("", .plain))
        out.append((DebriefKind.lesson.title[language] + (zh ? "（l 添加）" : " (l adds one)"), .heading))
        if evaluation.lessons.isEmpty { out.append(("—", .muted)) }
        for lesson in evaluation.lessons { out.append(("• \t" + "\(lesson.text) — \(lesson.by)".terminalSafe, .plain)) }

        out.append(("", .plain))
        out.append(((zh ? "改进措施" : "Improvement actions") + (zh ? "（a 添加：措施、负责人、期限）" : " (a adds one: action, owner, due date)"), .heading))
        let actions = console.incident.actions
        if actions.isEmpty && evaluation.improvements.isEmpty { out.append(("—", .muted)) }
        for action in actions {
            out.append((RecordText.action(action, now: model.incidentNow, language: language), RecordText.actionStyle(action, now: model.incidentNow)))
        }
        for note in evaluation.improvements { out.append(("• \t" + "\(note.text) — \(note.by)".terminalSafe, .plain)) }
        return out
    }

    /// Draws the score on top, the rest scrolling below it, and the scroll mark at the left of the
    /// bottom edge, clear of the longer hints.
    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let all = paragraphs(model: model)
        let pinned = canvas.paragraphs(Array(all.prefix(1)), in: content)
        let rest = Rect(x: content.x, y: content.y + pinned, width: content.width, height: max(0, content.height - pinned))
        let total = pinned + canvas.paragraphs(Array(all.dropFirst()), in: rest, skip: clamped(model))
        if total > content.height {
            canvas.put(model.language == .zh ? " ↑↓ 滚动 " : " ↑↓ scroll ", x: content.x, y: content.maxY, width: content.width / 3, style: .muted)
        }
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "l 经验教训  a 改进措施  Esc 关闭" : "l lesson  a improvement action  Esc close"
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        scroll = clamped(model)
        return switch request {
        case .insert("l"), .insert("L"): .replace(DebriefDialog())
        case .insert("a"), .insert("A"):
            .replace(ActionForm(findings: model.console?.incident.findings.filter { !$0.isWithdrawn } ?? [], parent: DrillEvaluationDialog(atDebrief: true)))
        default: handleScrolling(request, model: model)
        }
    }
}
