import CordonCore

/// Every grading, who made it and why.
struct SeverityHistorySection: ReportSectionBuilder {
    let id = "severity_history"

    func section(for input: ReportInput) -> ReportSection? {
        let history = input.state.severityHistory
        let rows = history.map { change in
            [input.time(change.at), change.severity?.title[input.language] ?? "—", input.actor(seq: change.seq), input.optional(change.reason)]
        }
        let blocks: [ReportBlock] = history.isEmpty
            ? [.paragraph(input.t("尚未定级。", "Not graded yet."))]
            : [.table(ReportTable(headers: [input.t("时间", "When"), input.t("级别", "Severity"), input.t("操作人", "By"), input.t("原因", "Reason")], rows: rows))]
        let data = JSONValue.array(history.map { change in
            .object([
                "at": change.at.json, "severity": change.severity.map { .string($0.rawValue) } ?? .null,
                "by": .string(input.actor(seq: change.seq)), "reason": change.reason.json, "seq": .int(change.seq),
            ])
        })
        return ReportSection(id: id, title: input.t("定级记录", "Severity history"), blocks: blocks, data: data)
    }
}
