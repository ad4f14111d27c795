import CordonCore

/// The report's opening: a few sentences a board member or a regulator reads first — what
/// happened, how many people, what was done, and which duties were met and when.
struct ExecutiveSummarySection: ReportSectionBuilder {
    let id = "executive_summary"

    func section(for input: ReportInput) -> ReportSection? {
        let state = input.state
        let language = input.language
        let content = input.noticeContent
        let zh = language == .zh
        func value(_ name: String) -> String? { content.element(name)?.value }

        var sentences: [String] = []
        let company = value("company") ?? input.t("本公司", "The company")
        sentences.append(input.t(
            "\(company)于\(input.time(state.detectedAt))发现“\(state.title)”\(state.isDrill ? "（演练）" : "")。",
            "\(company) detected “\(state.title)”\(state.isDrill ? " (a drill)" : "") on \(input.time(state.detectedAt))."))
        if let scope = state.scope {
            let people = value("people").map { input.t("\($0) 人", "\($0) people") } ?? input.t("人数尚未确定", "an unknown number of people")
            let records = value("records").map { input.t("、\($0) 条记录", ", \($0) records") } ?? ""
            let categories = value("categories").map { input.t("，涉及的个人信息包括\($0)", "; the personal information involved: \($0)") } ?? ""
            let sensitive = scope.involvesSensitive ? input.t("（含敏感个人信息）", " (sensitive information among it)") : ""
            sentences.append(input.t("经评估，涉及\(people)\(records)\(categories)\(sensitive)。", "It affects \(people)\(records)\(categories)\(sensitive)."))
        } else {
            sentences.append(input.t("影响范围尚在评估中。", "Its scope is still being assessed."))
        }
        let severity = state.severity.map { input.t("事件定级为\($0.title.zh)", "It is graded \($0.title.en)") } ?? input.t("事件尚未定级", "It is not graded yet")
        let status: String
        if let closed = state.closedAt {
            status = input.t("，已于\(input.time(closed))处置完毕并关闭。", ", and was handled and closed on \(input.time(closed)).")
        } else {
            let phase = input.playbook.phase(state.phase)?.title[language] ?? state.phase
            status = input.t("，目前处于“\(phase)”阶段。", "; the team is now in the \(phase) phase.")
        }
        sentences.append(severity + status)
        if let cause = value("cause") {
            sentences.append(input.t("原因：\(cause)。", "Cause: \(cause)."))
        } else {
            sentences.append(input.t("原因尚在调查中。", "The cause is still under investigation."))
        }
        if let measures = value("measures") {
            sentences.append(input.t("已采取的措施：\(measures)。", "Measures taken: \(measures)."))
        }

        let duties = DeadlineBoard.evaluate(playbook: input.playbook, state: state, now: input.now).map { status -> String in
            let title = status.deadline.title[language]
            let check = status.deadline.verify ? input.t("（时限待法务确认）", " (limit to check with legal)") : ""
            switch status.state {
            case .met:
                return input.t("\(title)：已于\(input.time(status.metAt))完成，在时限（\(input.time(status.due))）内\(check)",
                               "\(title): done \(input.time(status.metAt)), within the limit (\(input.time(status.due)))\(check)")
            case .missed where status.metAt != nil:
                return input.t("\(title)：于\(input.time(status.metAt))完成，超过时限 \(input.duration(status.lateness))\(check)",
                               "\(title): done \(input.time(status.metAt)), \(input.duration(status.lateness)) after the limit\(check)")
            case .missed:
                return input.t("\(title)：尚未完成，已超过时限（\(input.time(status.due))）\(input.duration(status.lateness))\(check)",
                               "\(title): not done, \(input.duration(status.lateness)) past the limit (\(input.time(status.due)))\(check)")
            case .running:
                return input.t("\(title)：尚未完成，须在\(input.time(status.due))前完成\(check)",
                               "\(title): not done yet, due by \(input.time(status.due))\(check)")
            }
        }
        var blocks: [ReportBlock] = [.paragraph(sentences.joined(separator: zh ? "" : " "))]
        if !duties.isEmpty {
            blocks.append(.paragraph(input.t("法定及内部时限的履行情况：", "Legal and internal deadlines:")))
            blocks.append(.list(duties))
        }
        let sent = state.notices.map { notice in
            AudienceText.title(notice.audience)[language] + (notice.stage.map { input.t("（\($0.title.zh)）", " (\($0.title.en))") } ?? "")
                + input.t("：\(input.time(notice.at))经\(notice.channel)发出", ": sent \(input.time(notice.at)) by \(notice.channel)")
        }
        if !sent.isEmpty {
            blocks.append(.paragraph(input.t("已发出的通报（全文见“已发出的通报”一节）：", "Notices sent (each in full under Notices sent):")))
            blocks.append(.list(sent))
        }
        let data: JSONObject = [
            "text": .string(sentences.joined(separator: zh ? "" : " ")),
            "deadlines": .array(duties.map { .string($0) }),
            "notices": .array(sent.map { .string($0) }),
        ]
        return ReportSection(id: id, title: input.t("摘要", "Executive summary"), blocks: blocks, data: .object(data))
    }
}
