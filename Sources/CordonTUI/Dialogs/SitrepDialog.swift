import CordonCore

/// The situation report for management as it stands now, to read out or copy; `Enter` asks how
/// it went out and records it, kept word for word like a notice.
struct SitrepDialog: ReadingDialog {
    var scroll = 0

    func title(_ language: Language) -> String { language == .zh ? "态势报告（草稿）" : "Situation report (draft)" }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console else { return [] }
        let state = console.incident
        let draft = Sitrep.draft(playbook: console.playbook, state: state, now: state.local(model.now), language: model.language)
        return draft.body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            (String(line), line.hasPrefix("- ") || line.isEmpty ? .plain : .heading)
        }
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "Enter 记录为已发出  Esc 关闭" : "Enter record as sent  Esc close"
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        if request == .submit { return .replace(SitrepChannelDialog()) }
        return handleScrolling(request, model: model)
    }
}

/// How the sitrep went out; recording it keeps the text as it stands at that moment.
struct SitrepChannelDialog: Dialog {
    var field = TextField(limit: 200)

    func title(_ language: Language) -> String { language == .zh ? "记录态势报告已发出" : "Record the sitrep as sent" }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 70), height: min(available.height, 3))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let label = model.language == .zh ? "发送渠道（如 邮件、企业微信群）；时间线保存全文：" : "How it went out (e-mail, group chat…); the timeline keeps its text:"
        canvas.put(label, x: content.x, y: content.y, width: content.width, style: .muted)
        field.draw(into: &canvas, rect: Rect(x: content.x, y: content.y + 1, width: content.width, height: 1), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String {
        DialogHints.submitOrCancel(language, submit: localized("记录", "record"))
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit:
            guard let channel = IncidentRules.clean(field.text) else {
                return .invalid(localized("请写明发送渠道，或按 Esc 取消。", "Say how it went out, or press Esc."))
            }
            return .effect(.sendSitrep(channel: channel))
        case .cancel: return .close
        default:
            field.apply(request)
            return .stay
        }
    }
}
