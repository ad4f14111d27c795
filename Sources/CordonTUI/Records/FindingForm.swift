import CordonCore

/// Records a finding: its kind, what was established, when it happened (required for a step of
/// the attacker's or insider's timeline) and the evidence it rests on.
struct FindingForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case kind, text, time, evidence
    }

    let evidence: [EvidenceRecord]
    var form: Form<Field>
    let parent: (any Dialog)?

    init(evidence: [EvidenceRecord], parent: (any Dialog)? = nil) {
        self.evidence = evidence
        self.parent = parent
        form = Form { field in
            switch field {
            case .kind: .choice(localized("类型", "Kind"), Finding.Kind.allCases.map(\.title))
            case .text: .text(localized("结论", "Finding"), rows: 2, placeholder: localized("查明了什么", "what was established"))
            case .time: .text(localized("发生时间", "Happened"), limit: 40, placeholder: localized("时间线条目必填：2026-11-28 23:10、23:10、3h ago", "required for timeline entries: 2026-11-28 23:10, 23:10, 3h ago"))
            case .evidence:
                FormField(label: localized("依据证据", "Evidence"), input: .checklist(Checklist(
                    options: evidence.map { item in
                        let text = "\(item.id) \(item.label.terminalSafe)"
                        return LocalizedText(zh: text, en: text)
                    }, visibleRows: 4)))
            }
        }
        form.focus = .text
    }

    func title(_ language: Language) -> String { language == .zh ? "记录调查结论" : "Record a finding" }

    /// Kept per the records it offers, so a draft never comes back with a stale list.
    var draftKey: String? { "finding " + evidence.map(\.id).joined(separator: ",") }
    var hasDraft: Bool { form.hasText }

    mutating func submit(model: AppModel) -> DialogOutcome {
        let kind = Finding.Kind.allCases[form.choice(.kind)]
        guard let text = form.cleaned(.text) else {
            return refuse(.text, "请写下查明的结论。", "Write what was established.")
        }
        var occurredAt: Timestamp?
        if let time = form.cleaned(.time) {
            do throws(Refusal) {
                occurredAt = try MomentText.happened(time, now: model.incidentNow)
            } catch {
                return refuse(.time, error.message.zh, error.message.en)
            }
        } else if kind == .timeline {
            return refuse(.time, "行为时间线条目需要发生时间，如 2026-11-28 23:10。", "A timeline entry needs the time it happened, such as 2026-11-28 23:10.")
        }
        let references = form.ticked(.evidence).map { evidence[$0].id }
        return .perform(.record(.addFinding(FindingInput(kind: kind, text: text, occurredAt: occurredAt, evidence: references))))
    }
}
