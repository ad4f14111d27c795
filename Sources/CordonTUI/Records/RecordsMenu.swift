import CordonCore

/// The records of the investigation and its aftermath, one key away from the console (`r`):
/// an overview, then each kind of record with how many there are. Accountability is last and
/// opens its own screen; nothing of it shows here.
struct RecordsMenu: RecordListDialog {
    enum Entry: Int, CaseIterable {
        case overview, evidence, scope, findings, actions, facts, accountability

        var title: LocalizedText {
            switch self {
            case .overview: localized("总览", "Overview")
            case .evidence: localized("证据与保管链", "Evidence and custody")
            case .scope: localized("影响范围", "Scope")
            case .findings: localized("调查结论", "Findings")
            case .actions: localized("改进措施", "Improvement actions")
            case .facts: localized("通报要素", "Notice facts")
            case .accountability: localized("追责", "Accountability")
            }
        }
    }

    var selection = 0
    var parent: (any Dialog)? { nil }

    init() {}

    func title(_ language: Language) -> String { language == .zh ? "记录" : "Records" }

    var preferredWidth: Int { 64 }

    func entries(model: AppModel) -> [[(String, Style)]] {
        Entry.allCases.map { entry in
            let label = TextLayout.pad("\(entry.rawValue + 1)  \(entry.title[model.language])", to: 26)
            return [(label + status(entry, model: model), entry == .accountability ? .muted : .plain)]
        }
    }

    func empty(_ language: Language) -> String { "" }

    private func status(_ entry: Entry, model: AppModel) -> String {
        guard let console = model.console else { return "" }
        let incident = console.incident
        let zh = model.language == .zh
        switch entry {
        case .overview:
            return zh ? "证据、范围、结论、措施一览" : "everything but accountability"
        case .evidence:
            return incident.evidence.isEmpty ? (zh ? "尚未登记" : "none yet") : (zh ? "\(incident.evidence.count) 件" : "\(incident.evidence.count) items")
        case .scope:
            guard let scope = incident.scope else { return zh ? "尚未评估" : "not assessed" }
            let people = scope.people.map { zh ? "\(NumberText.grouped($0)) 人" : "\(NumberText.grouped($0)) people" } ?? (zh ? "人数未知" : "people unknown")
            let suggestion = SeverityGrading.suggest(playbook: console.playbook, scope: scope).map { (zh ? " · 建议 " : " · suggests ") + $0.severity.title[model.language] } ?? ""
            return people + suggestion
        case .findings:
            let standing = incident.findings.filter { !$0.isWithdrawn }.count
            return standing == 0 ? (zh ? "尚无" : "none yet") : (zh ? "\(standing) 条" : "\(standing)")
        case .actions:
            guard !incident.actions.isEmpty else { return zh ? "尚无" : "none yet" }
            let open = incident.actions.filter(\.status.isOutstanding).count
            let overdue = incident.actions.filter { $0.isOverdue(at: model.incidentNow) }.count
            var text = zh ? "\(open) 项未完成" : "\(open) outstanding"
            if overdue > 0 { text += zh ? "，\(overdue) 项逾期" : ", \(overdue) overdue" }
            return text
        case .facts:
            let facts = incident.noticeFacts
            let written = [facts.cause, facts.harm, facts.measures, facts.advice, facts.contact, facts.company].compactMap { $0 }.count
            return zh ? "已写明 \(written)/5" : "\(written) of 5 written"
        case .accountability:
            return zh ? "单独界面，不在控制台显示" : "its own screen, never in the console"
        }
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "1-7/Enter 打开  Esc 关闭" : "1-7/Enter open  Esc close"
    }

    mutating func act(_ request: Request, model: AppModel) -> DialogOutcome {
        let chosen: Entry?
        switch request {
        case .submit: chosen = Entry(rawValue: selection)
        case .insert(let character): chosen = character.wholeNumberValue.flatMap { Entry(rawValue: $0 - 1) }
        default: chosen = nil
        }
        guard let chosen, let console = model.console else { return .stay }
        selection = chosen.rawValue
        let menu = self
        switch chosen {
        case .overview: return .replace(RecordsOverview(parent: menu))
        case .evidence: return .replace(EvidenceList(parent: menu))
        case .scope:
            if let refusal = refuseInReplay(model) { return refusal }
            return .replace(ScopeForm(console: console, parent: menu))
        case .findings: return .replace(FindingList(parent: menu))
        case .actions: return .replace(ActionList(parent: menu))
        case .facts:
            if let refusal = refuseInReplay(model) { return refusal }
            let state = console.incident
            let derived = NoticeFactsForm.derived(playbook: console.playbook, state: state, now: state.local(model.now))
            return .replace(NoticeFactsForm(facts: state.noticeFacts, derived: derived, parent: menu))
        case .accountability: return .replace(AccountabilityScreen(parent: menu))
        }
    }
}
