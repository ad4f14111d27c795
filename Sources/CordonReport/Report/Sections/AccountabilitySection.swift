import CordonCore

/// Accountability (追责): present only when the report is asked to include it.
struct AccountabilitySection: ReportSectionBuilder {
    let id = "accountability"

    func section(for input: ReportInput) -> ReportSection? {
        guard input.includeAccountability else { return nil }
        let entries = input.state.accountability
        var blocks: [ReportBlock] = [.warning(input.t("内部追责信息，仅限授权人员查阅，不得对外提供。", "Internal accountability records: for authorised readers only, not for outside distribution."))]
        if entries.isEmpty {
            blocks.append(.paragraph(input.t("尚无追责记录。", "No accountability entries.")))
        } else {
            blocks.append(.table(ReportTable(
                headers: [input.t("编号", "Id"), input.t("责任人", "Person"), input.t("未履行的职责", "Duty not met"), input.t("依据的调查结论", "Finding"), input.t("拟处理措施", "Measure proposed"), input.t("状态", "Status")],
                rows: entries.map { entry in
                    let status = entry.withdrawal.map { input.t("已撤回：", "withdrawn: ") + $0.reason } ?? input.t("有效", "standing")
                    return [entry.id, entry.person, entry.duty, entry.finding, entry.measure, status]
                })))
        }
        let data = JSONValue.array(entries.map(RecordJSON.accountability))
        return ReportSection(id: id, title: input.t("追责", "Accountability"), blocks: blocks, data: data)
    }
}
