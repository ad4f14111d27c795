import CordonCore

/// Withdraws a finding or an accountability entry. Nothing is edited away: the record stays,
/// marked, with the reason given here.
struct WithdrawForm: FormDialog {
    enum Subject: Sendable {
        case finding(Finding)
        case accountability(AccountabilityEntry)
    }

    enum Field: CaseIterable, Sendable {
        case reason
    }

    let subject: Subject
    var form = Form<Field> { _ in .text(localized("原因", "Reason"), rows: 2, placeholder: localized("为什么撤回（必填）", "why it is withdrawn (required)")) }
    let parent: (any Dialog)?

    init(subject: Subject, parent: (any Dialog)? = nil) {
        self.subject = subject
        self.parent = parent
    }

    func title(_ language: Language) -> String {
        switch subject {
        case .finding: language == .zh ? "撤回调查结论" : "Withdraw a finding"
        case .accountability: language == .zh ? "撤回追责记录" : "Withdraw an accountability entry"
        }
    }

    func intro(model: AppModel) -> [(String, Style)] {
        let zh = model.language == .zh
        let what: String
        switch subject {
        case .finding(let finding): what = RecordText.finding(finding, language: model.language)
        case .accountability(let entry): what = "\(entry.id)  \(entry.person.terminalSafe) · \(entry.duty.terminalSafe)"
        }
        return [(what, .plain), (zh ? "撤回后记录仍保留并标明原因。" : "The record stays, marked withdrawn with the reason.", .muted)]
    }

    mutating func submit(model: AppModel) -> DialogOutcome {
        guard let reason = form.cleaned(.reason) else {
            return refuse(.reason, "请写明撤回的原因；它会记入时间线。", "Write why; it goes into the timeline.")
        }
        switch subject {
        case .finding(let finding): return .perform(.record(.withdrawFinding(id: finding.id, reason: reason)))
        case .accountability(let entry): return .perform(.record(.withdrawAccountability(id: entry.id, reason: reason)))
        }
    }
}
