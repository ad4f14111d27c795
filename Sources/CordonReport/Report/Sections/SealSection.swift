import CordonCore

/// The journal's head hash, so the report can be matched to the timeline later.
struct SealSection: ReportSectionBuilder {
    let id = "journal"

    func section(for input: ReportInput) -> ReportSection? {
        let seal = input.seal
        var blocks: [ReportBlock] = []
        if !seal.intact {
            blocks.append(.warning(input.t("时间线校验未通过：此报告不能作为完整记录。请运行 cordon verify \(input.state.id)。", "The timeline failed verification: this report is not a complete record. Run cordon verify \(input.state.id).")))
        }
        blocks.append(.facts([
            ReportFact(input.t("时间线行数", "Timeline lines"), "\(seal.lines)"),
            ReportFact(input.t("头哈希（SHA-256）", "Head hash (SHA-256)"), seal.headHash, code: true),
            ReportFact(input.t("哈希链", "Hash chain"), seal.intact ? input.t("完好", "intact") : input.t("损坏", "broken")),
        ]))
        blocks.append(.paragraph(input.t(
            "运行 cordon verify \(input.state.id) 核对：只要此后没有新增记录，打印的头哈希应与上面一致。",
            "Check with cordon verify \(input.state.id): while nothing has been added since, it prints the same head hash.")))
        return ReportSection(
            id: id, title: input.t("时间线校验", "Journal seal"), blocks: blocks,
            data: .object(["lines": .int(seal.lines), "head": .string(seal.headHash), "intact": .bool(seal.intact)]))
    }
}
