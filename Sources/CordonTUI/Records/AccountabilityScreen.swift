import CordonCore

/// Accountability (追责), on its own screen only: who, which duty was not met, the finding it
/// rests on and the measure proposed. The console's main view and its timeline show no more
/// than an entry's id.
struct AccountabilityScreen: RecordListDialog {
    var selection = 0
    let parent: (any Dialog)?

    init(parent: (any Dialog)? = nil) {
        self.parent = parent
    }

    func title(_ language: Language) -> String { language == .zh ? "追责（仅在此界面显示）" : "Accountability (shown only here)" }

    func intro(model: AppModel) -> [(String, Style)] {
        [(model.language == .zh
            ? "涉及个人的处理意见：仅在本界面和 cordon report --include-accountability 中出现，不在控制台主界面或时间线中显示。"
            : "Measures concerning people appear only here and in cordon report --include-accountability, never in the console's main view or timeline.", Style(.warning))]
    }

    func entries(model: AppModel) -> [[(String, Style)]] {
        guard let console = model.console else { return [] }
        let zh = model.language == .zh
        let incident = console.incident
        return incident.accountability.map { entry in
            let style: Style = entry.isWithdrawn ? .muted : .plain
            var basis = entry.finding
            if let finding = incident.findings.first(where: { $0.id == entry.finding }) {
                basis += " " + finding.kind.title[model.language] + (zh ? "：" : ": ") + finding.text.terminalSafe
            }
            var lines: [(String, Style)] = [
                ("\(entry.id)  \(entry.person.terminalSafe)", style.with(bold: !entry.isWithdrawn)),
                ((zh ? "    未履行职责：\t" : "    Duty not met: \t") + entry.duty.terminalSafe, style),
                ((zh ? "    依据：\t" : "    Rests on: \t") + basis, style),
                ((zh ? "    拟处理：\t" : "    Measure: \t") + entry.measure.terminalSafe, style),
            ]
            if let withdrawal = entry.withdrawal {
                lines.append(((zh ? "    已撤回：\t" : "    Withdrawn: \t") + withdrawal.reason.terminalSafe, Style(.warning)))
            }
            return lines
        }
    }

    func empty(_ language: Language) -> String {
        language == .zh ? "尚无追责记录。按 n 新增；每条都须以一条调查结论为依据。" : "No accountability entries. Press n to add one; each must rest on a finding."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "n 新增  w 撤回  Esc 返回" : "n add  w withdraw  Esc back"
    }

    mutating func act(_ request: Request, model: AppModel) -> DialogOutcome {
        guard let console = model.console else { return .stay }
        switch request {
        case .insert("n"):
            if let refusal = refuseInReplay(model) { return refusal }
            let standing = console.incident.findings.filter { !$0.isWithdrawn }
            guard !standing.isEmpty else {
                return .invalid(localized(
                    "追责必须以调查结论为依据：请先在记录菜单的“调查结论”中记录。",
                    "Accountability must rest on a finding: record one first under Findings in the records menu."))
            }
            return .replace(AccountabilityForm(findings: standing, parent: selectingNew(after: console.incident.accountability.count)))
        case .insert("w"):
            if let refusal = refuseInReplay(model) { return refusal }
            let entries = console.incident.accountability
            guard let index = selected(among: entries.count) else { return .stay }
            guard !entries[index].isWithdrawn else {
                return .invalid(localized("\(entries[index].id) 已撤回。", "\(entries[index].id) is already withdrawn."))
            }
            return .replace(WithdrawForm(subject: .accountability(entries[index]), parent: self))
        default:
            return .stay
        }
    }
}
