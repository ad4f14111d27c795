import CordonCore

/// Every record at a glance, accountability apart: evidence with short hashes and custodians,
/// the scope and what it suggests, the findings, the actions with the overdue ones marked, and
/// which notice facts are written.
struct RecordsOverview: ReadingDialog {
    var scroll = 0
    let parent: (any Dialog)?

    init(parent: (any Dialog)? = nil) {
        self.parent = parent
    }

    func title(_ language: Language) -> String { language == .zh ? "记录总览" : "Records overview" }

    var preferredWidth: Int { 96 }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console else { return [] }
        let incident = console.incident
        let language = model.language
        let zh = language == .zh
        var out: [(String, Style)] = []
        func section(_ title: String, _ lines: [(String, Style)], none: String) {
            if !out.isEmpty { out.append(("", .plain)) }
            out.append((title, .heading))
            out += lines.isEmpty ? [(none, .muted)] : lines
        }
        section(
            (zh ? "证据" : "Evidence") + " (\(incident.evidence.count))",
            incident.evidence.map { (RecordText.evidence($0, language: language), .plain) },
            none: zh ? "尚未登记" : "none yet")
        var scope: [(String, Style)] = []
        if let current = incident.scope {
            scope.append((ScopeText.line(current, language: language).terminalSafe, .plain))
            scope += RecordText.suggestion(playbook: console.playbook, scope: current, current: incident.severity, language: language)
        }
        section(zh ? "影响范围" : "Scope", scope, none: zh ? "尚未评估" : "not assessed yet")
        section(
            (zh ? "调查结论" : "Findings") + " (\(incident.findings.filter { !$0.isWithdrawn }.count))",
            incident.findings.map { (RecordText.finding($0, language: language), $0.isWithdrawn ? .muted : .plain) },
            none: zh ? "尚无" : "none yet")
        let overdue = incident.actions.filter { $0.isOverdue(at: model.incidentNow) }.count
        section(
            (zh ? "改进措施" : "Improvement actions") + " (\(incident.actions.count)" + (overdue > 0 ? (zh ? "，逾期 \(overdue)" : ", \(overdue) overdue") : "") + ")",
            incident.actions.map { (RecordText.action($0, now: model.incidentNow, language: language), RecordText.actionStyle($0, now: model.incidentNow)) },
            none: zh ? "尚无" : "none yet")
        section(
            zh ? "通报要素" : "Notice facts",
            NoticeFactsForm.Field.allCases.compactMap { field in
                field.value(in: incident.noticeFacts).map { field.label[language] + (zh ? "：" : ": ") + $0.terminalSafe }.map { ($0, .plain) }
            },
            none: zh ? "尚未写明；通报将由调查结论、范围和剧本推导，未知项会标明。" : "none written; notices derive them from findings, scope and the playbook, and mark what is unknown.")
        out.append(("", .plain))
        out.append((zh ? "追责记录不在此显示：记录菜单中的“追责”。" : "Accountability is not shown here: see Accountability in the records menu.", .muted))
        return out
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        if request == .cancel, let parent { return .replace(parent) }
        return handleScrolling(request, model: model)
    }
}
