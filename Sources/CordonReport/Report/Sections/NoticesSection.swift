import CordonCore

/// Notices that went out: to whom, how, with which reference, when, and each one word for word
/// with the SHA-256 of its text, so the report shows exactly what the regulator and the
/// customers were told.
struct NoticesSection: ReportSectionBuilder {
    let id = "notices"

    func section(for input: ReportInput) -> ReportSection? {
        let notices = input.state.notices
        let language = input.language
        func what(_ notice: NoticeRecord) -> String {
            AudienceText.title(notice.audience)[language] + (notice.stage.map { input.t("（\($0.title.zh)）", " (\($0.title.en))") } ?? "")
        }
        var blocks: [ReportBlock] = []
        if notices.isEmpty {
            blocks.append(.paragraph(input.t("尚未记录任何已发出的通报。", "No notice recorded as sent.")))
        } else {
            blocks.append(.table(ReportTable(
                headers: [input.t("对象", "Audience"), input.t("渠道", "Channel"), input.t("回执或编号", "Reference"), input.t("时间", "When"), input.t("操作人", "By")],
                rows: notices.map { [what($0), $0.channel, input.optional($0.reference), input.time($0.at), $0.by] })))
        }
        for notice in notices {
            blocks.append(.heading(what(notice) + " · " + input.time(notice.at)))
            guard let sent = notice.sent else {
                blocks.append(.paragraph(input.t(
                    "记录发出时未保存全文（早于 Cordon 保存通报全文的版本，或剧本中没有该对象的模板）。",
                    "Its text was not kept when it was recorded (recorded before Cordon kept notices word for word, or the playbook had no template for it).")))
                continue
            }
            var facts: [ReportFact] = []
            if let subject = sent.subject { facts.append(ReportFact(input.t("主题", "Subject"), subject)) }
            facts.append(ReportFact(input.t("全文来源", "Text"), sent.source == .file
                ? input.t("发出的文件（经团队修改）", "the file sent (edited by the team)")
                : input.t("Cordon 起草的文本，未经修改", "Cordon's draft, sent as it was")))
            facts.append(ReportFact(input.t("全文 SHA-256", "SHA-256 of the text"), sent.sha256, code: true))
            blocks.append(.facts(facts))
            blocks.append(.verbatim(sent.text))
        }
        let data = JSONValue.array(notices.map { notice in
            .object([
                "audience": .string(notice.audience), "stage": notice.stage.map { .string($0.rawValue) } ?? .null,
                "channel": .string(notice.channel), "reference": notice.reference.json, "at": notice.at.json, "by": .string(notice.by),
                "subject": (notice.sent?.subject).json, "text": (notice.sent?.text).json, "sha256": (notice.sent?.sha256).json,
                "source": notice.sent.map { .string($0.source.rawValue) } ?? .null,
            ])
        })
        return ReportSection(id: id, title: input.t("已发出的通报", "Notices sent"), blocks: blocks, data: data)
    }
}
