import CordonCore

/// Hands an item of evidence to someone else: a custody event, accepted after the incident
/// is closed too.
struct HandOverForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case item, recipient, reason
    }

    let evidence: [EvidenceRecord]
    var form: Form<Field>
    let parent: (any Dialog)?

    init(evidence: [EvidenceRecord], selected: Int, parent: (any Dialog)? = nil) {
        self.evidence = evidence
        self.parent = parent
        form = Form { field in
            switch field {
            case .item:
                .choice(localized("证据", "Item"), evidence.map { item in
                    let label = TextLayout.truncate(item.label.terminalSafe, to: 30)
                    return LocalizedText(zh: "\(item.id) \(label)（保管人 \(item.custodian.terminalSafe)）", en: "\(item.id) \(label) (held by \(item.custodian.terminalSafe))")
                }, selected: selected)
            case .recipient: .text(localized("移交给", "Hand to"), limit: 200, placeholder: localized("接收人姓名（必填）", "who receives it (required)"))
            case .reason: .text(localized("原因", "Reason"), placeholder: localized("如 送司法鉴定（可选）", "e.g. sent for forensic imaging (optional)"))
            }
        }
        form.focus = .recipient
    }

    func title(_ language: Language) -> String { language == .zh ? "移交证据" : "Hand over evidence" }

    func notes(model: AppModel) -> [(String, Style)] {
        [(model.language == .zh ? "每次移交都记入时间线，保管链由此可查。" : "Every hand-over goes into the timeline, so the chain of custody reads off it.", .muted)]
    }

    mutating func submit(model: AppModel) -> DialogOutcome {
        guard let recipient = form.cleaned(.recipient) else {
            return refuse(.recipient, "请写明接收人。", "Say who receives it.")
        }
        let item = evidence[form.choice(.item)]
        return .perform(.record(.transferEvidence(id: item.id, to: recipient, reason: form.cleaned(.reason))))
    }
}
