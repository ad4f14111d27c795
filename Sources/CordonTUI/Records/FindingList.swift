import CordonCore

/// The findings of the investigation, withdrawn ones marked; `n` adds one, `w` withdraws the
/// selected one with a reason.
struct FindingList: RecordListDialog {
    var selection = 0
    let parent: (any Dialog)?

    init(parent: (any Dialog)? = nil) {
        self.parent = parent
    }

    func title(_ language: Language) -> String { language == .zh ? "调查结论" : "Findings" }

    func entries(model: AppModel) -> [[(String, Style)]] {
        guard let console = model.console else { return [] }
        let zh = model.language == .zh
        return console.incident.findings.map { finding in
            var lines: [(String, Style)] = [(RecordText.finding(finding, language: model.language), finding.isWithdrawn ? .muted : .plain)]
            var detail: [String] = []
            if let when = finding.occurredAt { detail.append((zh ? "发生于 " : "happened ") + model.times.minuteWithLabel(when, language: model.language)) }
            if !finding.evidence.isEmpty { detail.append((zh ? "依据 " : "rests on ") + finding.evidence.joined(separator: ", ")) }
            if !detail.isEmpty { lines.append(("    " + detail.joined(separator: " · "), .muted)) }
            return lines
        }
    }

    func empty(_ language: Language) -> String {
        language == .zh ? "尚无调查结论。按 n 记录根本原因、促成因素或行为时间线。" : "No findings yet. Press n to record a root cause, a contributing factor or a step of the attacker's timeline."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "n 新增  w 撤回  Esc 返回" : "n add  w withdraw  Esc back"
    }

    mutating func act(_ request: Request, model: AppModel) -> DialogOutcome {
        guard let console = model.console else { return .stay }
        switch request {
        case .insert("n"):
            if let refusal = refuseInReplay(model) { return refusal }
            return .replace(FindingForm(evidence: console.incident.evidence, parent: selectingNew(after: console.incident.findings.count)))
        case .insert("w"):
            if let refusal = refuseInReplay(model) { return refusal }
            let findings = console.incident.findings
            guard let index = selected(among: findings.count) else { return .stay }
            guard !findings[index].isWithdrawn else {
                return .invalid(localized("\(findings[index].id) 已撤回。", "\(findings[index].id) is already withdrawn."))
            }
            return .replace(WithdrawForm(subject: .finding(findings[index]), parent: self))
        default:
            return .stay
        }
    }
}
