import CordonCore

/// The declare form: playbook, title, severity, detection time, incident or drill.
/// Only the title must be typed; everything else has a sensible default.
struct DeclareDialog: Dialog {
    enum Field: Int, Sendable, CaseIterable {
        case playbook, title, severity, detected, kind
    }

    let playbooks: [PlaybookListing]
    var focus = Field.title
    var playbookIndex = 0
    /// Index into `severities`; 0 is "not graded yet".
    var severityIndex = 0
    var kindIndex = 0
    // Room past the limit, so that a title too long is refused with the reason, not cut short.
    var titleField = TextField(limit: TextLimits.text)
    var detectedField = TextField(limit: 40)

    static let severities: [Severity?] = [nil] + Severity.allCases
    static let kinds: [IncidentId.Kind] = [.incident, .drill]

    init(playbooks: [PlaybookListing]) {
        self.playbooks = playbooks
    }

    func title(_ language: Language) -> String { language == .zh ? "宣布新事件" : "Declare an incident" }

    var draftKey: String? { "declare" }
    var hasDraft: Bool { !titleField.text.isEmpty || !detectedField.text.isEmpty }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 72), height: min(available.height, Field.allCases.count * 2 - 1))
    }

    private func label(_ field: Field, _ language: Language) -> String {
        let zh = language == .zh
        switch field {
        case .playbook: return zh ? "剧本" : "Playbook"
        case .title: return zh ? "标题" : "Title"
        case .severity: return zh ? "级别" : "Severity"
        case .detected: return zh ? "发现时间" : "Detected"
        case .kind: return zh ? "类型" : "Kind"
        }
    }

    private func choice(_ field: Field, _ language: Language) -> String? {
        let zh = language == .zh
        switch field {
        case .playbook:
            let playbook = playbooks[playbookIndex]
            return "\(playbook.title[language]) (\(playbook.id))"
        case .severity:
            return Self.severities[severityIndex].map { zh ? "\($0.title.zh) \($0.rawValue)" : "\($0.rawValue) \($0.title.zh)" } ?? (zh ? "暂不定级" : "not graded yet")
        case .kind:
            return Self.kinds[kindIndex] == .incident ? (zh ? "真实事件 INC" : "real incident INC") : (zh ? "演练 DRL" : "drill DRL")
        case .title, .detected:
            return nil
        }
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let language = model.language
        let labelWidth = 10
        for (index, field) in Field.allCases.enumerated() {
            let row = content.row(index * 2)
            let focused = field == focus
            canvas.put(label(field, language), x: row.x, y: row.y, width: labelWidth, style: focused ? Style(.accent, bold: true) : .muted)
            let value = Rect(x: row.x + labelWidth, y: row.y, width: row.width - labelWidth, height: 1)
            if let choice = choice(field, language) {
                canvas.put(focused ? "‹ \(choice) ›" : "  \(choice)", x: value.x, y: value.y, width: value.width, style: focused ? .selected : .plain)
            } else {
                let text = field == .title ? titleField : detectedField
                let input = Rect(x: value.x + 2, y: value.y, width: value.width - 2, height: 1)
                text.draw(into: &canvas, rect: input, focused: focused, style: Style(underline: true))
                if field == .detected, detectedField.text.isEmpty {
                    let hint = language == .zh ? "留空即现在；可写 09:30、2h ago、2026-11-29 09:30" : "empty for now; or 09:30, 2h ago, 2026-11-29 09:30"
                    canvas.put(hint, x: input.x + 1, y: input.y, width: input.width - 1, style: Style(.muted, underline: true))
                }
            }
        }
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "Tab 下一项  ←→ 选择  " : "Tab next  ←→ choose  ") + DialogHints.submitOrCancel(language, submit: localized("宣布", "declare"))
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        let fields = Field.allCases
        switch request {
        case .cancel: return .close
        case .nextField, .down: focus = fields[(focus.rawValue + 1) % fields.count]
        case .previousField, .up: focus = fields[(focus.rawValue + fields.count - 1) % fields.count]
        case .submit: return submit(now: model.now)
        case .left, .right:
            let step = request == .left ? -1 : 1
            switch focus {
            case .playbook: playbookIndex = (playbookIndex + step + playbooks.count) % playbooks.count
            case .severity: severityIndex = (severityIndex + step + Self.severities.count) % Self.severities.count
            case .kind: kindIndex = (kindIndex + step + Self.kinds.count) % Self.kinds.count
            case .title: titleField.apply(request)
            case .detected: detectedField.apply(request)
            }
        default:
            if focus == .title { titleField.apply(request) }
            if focus == .detected { detectedField.apply(request) }
        }
        return .stay
    }

    private mutating func submit(now: Timestamp) -> DialogOutcome {
        let checked: String?
        do throws(Refusal) {
            checked = try TextLimits.title(titleField.text)
        } catch {
            focus = .title
            return .invalid(error.message)
        }
        guard let title = checked else {
            focus = .title
            return .invalid(localized("请给事件一个简短的标题，例如“催收外包商客户名单外泄”。", "Give the incident a short title, such as 'Collection vendor leaks customer list'."))
        }
        var detected: Timestamp?
        if let text = IncidentRules.clean(detectedField.text) {
            // There is no incident yet: the time is read at this terminal's offset, which the
            // declaration makes the incident's.
            guard let moment = MomentText.parse(text, now: now) else {
                focus = .detected
                return .invalid(localized("无法识别发现时间“\(text)”；可写 09:30、2h ago 或 2026-11-29 09:30，留空即现在。", "'\(text)' is not a time; write 09:30, 2h ago or 2026-11-29 09:30, or leave it empty for now."))
            }
            do throws(Refusal) {
                try MomentText.checkPast(moment, typed: text, now: now)
            } catch {
                focus = .detected
                return .invalid(error.message)
            }
            detected = moment
        }
        return .effect(.declare(DeclareRequest(
            playbook: playbooks[playbookIndex].id, title: title, severity: Self.severities[severityIndex],
            detectedAt: detected, kind: Self.kinds[kindIndex])))
    }
}
