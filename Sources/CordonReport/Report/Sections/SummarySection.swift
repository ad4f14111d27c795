import CordonCore

/// What the incident is and where it stands.
struct SummarySection: ReportSectionBuilder {
    let id = "summary"

    func section(for input: ReportInput) -> ReportSection? {
        let state = input.state
        let language = input.language
        let suggestion = SeverityGrading.suggest(playbook: input.playbook, scope: state.scope)
        let content = input.noticeContent
        let status = state.isClosed
            ? input.t("已关闭", "closed")
            : input.t("处置中（当前阶段：", "open (phase: ") + (input.playbook.phase(state.phase)?.title[language] ?? state.phase) + input.t("）", ")")
        var facts = [
            ReportFact(input.t("事件编号", "Incident"), state.id),
            ReportFact(input.t("标题", "Title"), state.title),
            ReportFact(input.t("类型", "Kind"), state.isDrill ? input.t("演练", "drill") : input.t("真实事件", "real incident")),
            ReportFact(input.t("报告单位", "Company"), content.text("company")),
            ReportFact(input.t("联系人及联系方式", "Contact"), content.text("contact")),
            ReportFact(input.t("剧本", "Playbook"), input.playbook.title[language]),
            ReportFact(input.t("事件级别", "Severity"), state.severity?.title[language] ?? input.t("未定级", "ungraded")),
        ]
        if let suggestion {
            facts.append(ReportFact(input.t("分级规则建议", "Suggested by grading"), suggestion.severity.title[language]))
        }
        facts += [
            ReportFact(input.t("状态", "Status"), status),
            ReportFact(input.t("发现时间", "Detected"), input.time(state.detectedAt)),
            ReportFact(input.t("宣布时间", "Declared"), input.time(state.declaredAt)),
            ReportFact(input.t("关闭时间", "Closed"), input.time(state.closedAt)),
            ReportFact(input.t("报告生成时间", "Report made"), input.time(input.now)),
        ]
        let data: JSONObject = [
            "id": .string(state.id), "title": .string(state.title), "drill": .bool(state.isDrill),
            "playbook": .string(input.playbook.id), "playbook_version": .int(input.playbook.version),
            "severity": state.severity.map { .string($0.rawValue) } ?? .null,
            "suggested_severity": suggestion.map { .string($0.severity.rawValue) } ?? .null,
            "closed": .bool(state.isClosed), "phase": .string(state.phase),
            "detected_at": state.detectedAt.json, "declared_at": state.declaredAt.json, "closed_at": state.closedAt.json,
            "generated_at": input.now.json,
            "company": content.element("company")?.value.json ?? .null, "contact": content.element("contact")?.value.json ?? .null,
        ]
        return ReportSection(
            id: id, title: input.t("概况", "Summary"),
            blocks: [.facts(facts)],
            data: .object(data))
    }
}
