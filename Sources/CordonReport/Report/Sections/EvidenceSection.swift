import CordonCore

/// Every item of evidence with its hash and size, and its chain of custody hand-over by hand-over.
struct EvidenceSection: ReportSectionBuilder {
    let id = "evidence"

    func section(for input: ReportInput) -> ReportSection? {
        let evidence = input.state.evidence
        guard !evidence.isEmpty else {
            return ReportSection(id: id, title: input.t("证据与保管链", "Evidence and chain of custody"), blocks: [.paragraph(input.t("未登记证据。", "No evidence registered."))], data: .array([]))
        }
        let bytes = input.t(" 字节", " bytes")
        let items = evidence.map { item in
            [item.id, item.description ?? item.file?.name ?? "—", item.file?.sha256 ?? "—",
             item.file.map { NumberText.grouped($0.size) + bytes } ?? "—", input.optional(item.origin), item.custodian]
        }
        let custody = evidence.flatMap { item in
            item.custody.map { change in
                [item.id, input.time(change.at), change.from ?? input.t("（登记）", "(registered)"), change.to, change.by, input.optional(change.reason)]
            }
        }
        var blocks: [ReportBlock] = [
            .table(ReportTable(
                headers: [input.t("编号", "Id"), input.t("证据", "Item"), "SHA-256", input.t("大小", "Size"), input.t("来源", "Origin"), input.t("当前保管人", "Custodian")],
                rows: items)),
        ]
        let files = evidence.compactMap { item in item.file.map { "\(item.id) \($0.path)" } }
        if !files.isEmpty {
            blocks.append(.paragraph(input.t("文件只登记引用，不复制；位置：", "Files are referenced, never copied; they are at: ") + files.joined(separator: "; ")))
        }
        blocks.append(.heading(input.t("保管链", "Chain of custody")))
        blocks.append(.table(ReportTable(
            headers: [input.t("证据", "Item"), input.t("时间", "When"), input.t("交出", "From"), input.t("接收", "To"), input.t("记录人", "Recorded by"), input.t("原因", "Reason")],
            rows: custody)))
        let checks = evidence.flatMap { item in
            item.checks.map { check in
                let found = check.sha256 ?? check.problem?[input.language] ?? "—"
                let began = check.startedAt.map { input.time($0) } ?? "—"
                return [item.id, began, input.time(check.at), check.outcome.title[input.language], found, check.by]
            }
        }
        if !checks.isEmpty {
            blocks.append(.heading(input.t("完整性校验", "Integrity checks")))
            blocks.append(.table(ReportTable(
                headers: [input.t("证据", "Item"), input.t("开始计算", "Hashing began"), input.t("记录时间", "Recorded"), input.t("结果", "Result"), input.t("当时的 SHA-256 或原因", "SHA-256 found, or why unreadable"), input.t("校验人", "Checked by")],
                rows: checks)))
        }
        let data = JSONValue.array(evidence.map(RecordJSON.evidence))
        return ReportSection(id: id, title: input.t("证据与保管链", "Evidence and chain of custody"), blocks: blocks, data: data)
    }
}
