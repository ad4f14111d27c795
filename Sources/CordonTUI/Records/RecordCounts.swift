import CordonCore

/// The records in a few words for the console's main view, `证据 3 · 结论 2 · 措施 1（逾期 1）`:
/// counts only, and never accountability.
enum RecordCounts {
    /// The longest form that fits in `width` columns, or `nil` when there is nothing to count
    /// or no form fits.
    static func text(_ incident: IncidentState, now: Timestamp, language: Language, width: Int) -> (text: String, overdue: Bool)? {
        let zh = language == .zh
        let evidence = incident.evidence.count
        let findings = incident.findings.filter { !$0.isWithdrawn }.count
        let actions = incident.actions.filter(\.status.isOutstanding).count
        let overdue = incident.actions.filter { $0.isOverdue(at: now) }.count
        guard evidence + findings + actions > 0 else { return nil }
        func compose(_ names: (String, String, String), overdueText: String) -> String {
            var parts: [String] = []
            if evidence > 0 { parts.append("\(names.0) \(evidence)") }
            if findings > 0 { parts.append("\(names.1) \(findings)") }
            if actions > 0 { parts.append("\(names.2) \(actions)" + (overdue > 0 ? overdueText : "")) }
            return parts.joined(separator: " · ")
        }
        let forms = zh
            ? [compose(("证据", "结论", "措施"), overdueText: "（逾期 \(overdue)）"), compose(("证", "论", "措"), overdueText: "（逾 \(overdue)）")]
            : [compose(("evidence", "findings", "actions"), overdueText: " (\(overdue) overdue)"), compose(("E", "F", "A"), overdueText: " (\(overdue)!)")]
        guard let fitting = forms.first(where: { DisplayWidth.of($0) <= width }) else { return nil }
        return (fitting, overdue > 0)
    }

    /// Draws the counts at the right of the divider above the deadlines, clear of its label.
    static func draw(into canvas: inout Canvas, _ rect: Rect, from x: Int, model: AppModel, console: ConsoleModel) {
        let room = rect.maxX - 2 - x
        guard room > 4, let counts = text(console.incident, now: model.incidentNow, language: model.language, width: room - 2) else { return }
        canvas.putRight(" \(counts.text) ", in: Rect(x: x, y: rect.y, width: room, height: 1), style: counts.overdue ? Style(.warning, bold: true) : .muted)
    }
}
