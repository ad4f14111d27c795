import CordonCore

/// Grades the incident. The grade decides which legal clocks apply, so the dialog says so.
///
/// It opens on the severity the scope suggests (`r`, scope), so `c` then Enter grades as the
/// playbook's thresholds say; without a suggestion, on the current grade.
struct ClassifyDialog: Dialog {
    let current: Severity?
    let suggested: Severity?
    var selection: Int
    var reason = TextField(limit: IncidentRules.maximumTextLength)

    init(current: Severity?, suggested: Severity? = nil) {
        self.current = current
        self.suggested = suggested
        selection = (suggested ?? current).flatMap { Severity.allCases.firstIndex(of: $0) } ?? 0
    }

    func title(_ language: Language) -> String { language == .zh ? "事件定级" : "Grade the incident" }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 60), height: min(available.height, Severity.allCases.count + 5))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let zh = model.language == .zh
        canvas.put(zh ? "级别决定哪些法定时限适用：" : "The grade decides which legal clocks apply:", x: content.x, y: content.y, width: content.width, style: .muted)
        for (index, severity) in Severity.allCases.enumerated() {
            let marker = index == selection ? "> " : "  "
            var now = severity == current ? (zh ? "（当前）" : " (current)") : ""
            if severity == suggested { now += zh ? "（范围评估建议）" : " (the scope suggests)" }
            let label = zh ? "\(severity.title.zh)  \(severity.rawValue)" : "\(severity.rawValue)  \(severity.title.zh)"
            canvas.line(marker + label + now, in: content.row(1 + index), style: index == selection ? .selected : .plain)
        }
        let reasonRow = 2 + Severity.allCases.count
        canvas.put(zh ? "理由（可选）：" : "Reason (optional):", x: content.x, y: content.y + reasonRow, width: content.width, style: .muted)
        reason.draw(into: &canvas, rect: Rect(x: content.x, y: content.y + reasonRow + 1, width: content.width, height: max(0, content.height - reasonRow - 1)), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "↑↓ 选择  " : "↑↓ choose  ") + DialogHints.submitOrCancel(language, submit: localized("定级", "grade"))
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(Severity.allCases.count - 1, selection + 1)
        case .submit: return .perform(.classify(Severity.allCases[selection], reason: IncidentRules.clean(reason.text)))
        case .cancel: return .close
        default: reason.apply(request)
        }
        return .stay
    }
}
