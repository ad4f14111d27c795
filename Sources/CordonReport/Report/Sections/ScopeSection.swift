import CordonCore

/// What leaked, how sure the team is, and the severity the playbook's grading suggests.
struct ScopeSection: ReportSectionBuilder {
    let id = "scope"

    func section(for input: ReportInput) -> ReportSection? {
        let language = input.language
        guard let scope = input.state.scope else {
            return ReportSection(id: id, title: input.t("影响范围", "Scope"), blocks: [.paragraph(input.t("尚无范围评估。", "No scope assessment yet."))], data: .null)
        }
        let list = language == .zh ? "、" : ", "
        func names(_ categories: [DataCategory]) -> String {
            categories.isEmpty ? "—" : categories.map { $0.title[language] }.joined(separator: list)
        }
        var blocks: [ReportBlock] = [.facts([
            ReportFact(input.t("个人信息种类", "Categories"), names(scope.dataCategories)),
            ReportFact(input.t("其中敏感个人信息", "Sensitive among them"), names(scope.dataCategories.filter(\.sensitive))),
            ReportFact(input.t("涉及人数", "People"), scope.people.map(NumberText.grouped) ?? input.t("未知", "unknown")),
            ReportFact(input.t("涉及记录数", "Records"), scope.records.map(NumberText.grouped) ?? input.t("未知", "unknown")),
            ReportFact(input.t("把握程度", "Confidence"), scope.confidence?.title[language] ?? "—"),
            ReportFact(input.t("依据", "Basis"), input.optional(scope.basis)),
            ReportFact(input.t("评估", "Assessed"), "\(input.time(scope.at)) · \(scope.by)"),
        ])]
        var suggestionData: JSONValue = .null
        if let suggestion = SeverityGrading.suggest(playbook: input.playbook, scope: scope) {
            var text = input.t("按剧本分级规则建议定级：", "The playbook's grading suggests: ") + suggestion.severity.title[language]
            if let rule = suggestion.rule {
                text += input.t("（", " (") + rule.conditions(language) + input.t("；依据：", "; source: ") + rule.cite
                    + (rule.verify ? input.t("；门槛待法务确认", "; threshold to check with legal") : "") + input.t("）", ")")
            }
            text += input.t("。定级由应急指挥决定。", ". Grading remains the commander's decision.")
            blocks.append(.paragraph(text))
            if !suggestion.undecided.isEmpty {
                let rules = suggestion.undecided.map { "\($0.severity.title[language])（\($0.conditions(language))）" }
                blocks.append(.paragraph(input.t("尚无法判断（数据不全）：", "Cannot be judged yet (facts missing): ") + rules.joined(separator: list)))
            }
            suggestionData = RecordJSON.suggestion(suggestion)
        }
        if input.state.scopeHistory.count > 1 {
            blocks.append(.heading(input.t("评估历史", "Assessment history")))
            blocks.append(.table(ReportTable(
                headers: [input.t("时间", "When"), input.t("种类", "Categories"), input.t("人数", "People"), input.t("记录数", "Records"), input.t("把握", "Confidence"), input.t("操作人", "By")],
                rows: input.state.scopeHistory.map { entry in
                    [input.time(entry.at), names(entry.dataCategories), entry.people.map(NumberText.grouped) ?? "—",
                     entry.records.map(NumberText.grouped) ?? "—", entry.confidence?.title[language] ?? "—", entry.by]
                })))
        }
        let data: JSONObject = [
            "current": RecordJSON.scope(scope),
            "suggested": suggestionData,
            "history": .array(input.state.scopeHistory.map(RecordJSON.scope)),
        ]
        return ReportSection(id: id, title: input.t("影响范围", "Scope"), blocks: blocks, data: .object(data))
    }
}
