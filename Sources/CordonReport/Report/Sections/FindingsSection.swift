import CordonCore

/// The investigation's conclusions: root cause, contributing factors, and the attacker's or
/// insider's timeline in the order things happened.
struct FindingsSection: ReportSectionBuilder {
    let id = "findings"

    func section(for input: ReportInput) -> ReportSection? {
        let findings = input.state.findings
        guard !findings.isEmpty else {
            return ReportSection(id: id, title: input.t("调查结论", "Findings"), blocks: [.paragraph(input.t("尚无调查结论。", "No findings yet."))], data: .array([]))
        }
        func line(_ finding: Finding) -> String {
            var text = "\(finding.id) \(finding.text)"
            if !finding.evidence.isEmpty { text += " [\(finding.evidence.joined(separator: ", "))]" }
            if let withdrawal = finding.withdrawal { text += input.t("（已撤回：\(withdrawal.reason)）", " (withdrawn: \(withdrawal.reason))") }
            return text
        }
        var blocks: [ReportBlock] = []
        for kind in [Finding.Kind.rootCause, .contributing] {
            let matching = findings.filter { $0.kind == kind }
            guard !matching.isEmpty else { continue }
            blocks.append(.heading(kind == .rootCause ? input.t("根本原因", "Root cause") : input.t("促成因素", "Contributing factors")))
            blocks.append(.list(matching.map(line)))
        }
        let timeline = findings.filter { $0.kind == .timeline }.sorted { ($0.occurredAt ?? $0.at) < ($1.occurredAt ?? $1.at) }
        if !timeline.isEmpty {
            blocks.append(.heading(input.t("攻击者或内部人员行为时间线", "Attacker or insider timeline")))
            blocks.append(.table(ReportTable(
                headers: [input.t("发生时间", "When"), input.t("经过", "What happened"), input.t("证据", "Evidence")],
                rows: timeline.map { [input.time($0.occurredAt), line($0), $0.evidence.joined(separator: ", ")] })))
        }
        let data = JSONValue.array(findings.map(RecordJSON.finding))
        return ReportSection(id: id, title: input.t("调查结论", "Findings"), blocks: blocks, data: data)
    }
}
