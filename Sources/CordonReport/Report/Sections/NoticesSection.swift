import CordonCore

/// Notices that went out: to whom, how, with which reference, when.
struct NoticesSection: ReportSectionBuilder {
    let id = "notices"

    func section(for input: ReportInput) -> ReportSection? {
        let notices = input.state.notices
        let blocks: [ReportBlock] = notices.isEmpty
            ? [.paragraph(input.t("尚未记录任何已发出的通报。", "No notice recorded as sent."))]
            : [.table(ReportTable(
                headers: [input.t("对象", "Audience"), input.t("渠道", "Channel"), input.t("回执或编号", "Reference"), input.t("时间", "When"), input.t("操作人", "By")],
                rows: notices.map { [AudienceText.title($0.audience)[input.language], $0.channel, input.optional($0.reference), input.time($0.at), $0.by] }))]
        let data = JSONValue.array(notices.map { notice in
            .object(["audience": .string(notice.audience), "channel": .string(notice.channel), "reference": notice.reference.json, "at": notice.at.json, "by": .string(notice.by)])
        })
        return ReportSection(id: id, title: input.t("已发出的通报", "Notices sent"), blocks: blocks, data: data)
    }
}
