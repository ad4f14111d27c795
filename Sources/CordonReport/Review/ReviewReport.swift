import CordonCore

/// The year in review as a document: the same sections in Markdown (`MarkdownRenderer`), HTML
/// with charts (`ReviewHTML`) and JSON (`ReviewJSON`).
public enum ReviewReport {
    public static func make(_ review: YearReview, language: Language) -> Report {
        let words = ReviewWords(language: language)
        return Report(
            title: words.t("年度回顾：事件与演练", "Year in review: incidents and drills") + " · " + review.period.description,
            language: language, generatedAt: review.asOf, redacted: false,
            sections: [
                summary(review, words), incidents(review.incidents, words), drills(review.drills, words),
                actions(review.actions, words), plan(review.plan, words), coverage(review.coverage, words),
            ])
    }

    // MARK: - Sections

    static func summary(_ review: YearReview, _ w: ReviewWords) -> ReportSection {
        let drills = review.drills.runs
        let average = drills.isEmpty ? "—" : "\(drills.reduce(0) { $0 + $1.percent } / drills.count)%"
        let unexercised = review.coverage.reduce(0) { $0 + $1.unexercisedSteps.count + $1.unexercisedDeadlines.count }
        var facts = [
            ReportFact(w.t("期间", "Period"), review.period.description),
            ReportFact(w.t("事件", "Incidents"), "\(review.incidents.rows.count)"),
            ReportFact(w.t("时限", "Deadlines"), w.t("按时 \(review.incidents.deadlinesMet)，超时 \(review.incidents.deadlinesMissed)", "\(review.incidents.deadlinesMet) met, \(review.incidents.deadlinesMissed) missed")),
            ReportFact(w.t("演练", "Drills"), w.t("\(drills.count) 次，平均得分 \(average)", "\(drills.count), average score \(average)")),
            ReportFact(w.t("未演练到的步骤与时限", "Steps and deadlines no drill exercised"), "\(unexercised)"),
            ReportFact(w.t("改进措施", "Improvement actions"), w.t(
                "新增 \(review.actions.opened)，关闭 \(review.actions.closed)，逾期 \(review.actions.overdue)",
                "\(review.actions.opened) opened, \(review.actions.closed) closed, \(review.actions.overdue) overdue")),
        ]
        if !review.plan.isEmpty {
            let done = review.plan.filter(\.isDone).count
            facts.append(ReportFact(w.t("演练计划", "Drill plan"), w.t(
                "\(review.plan.count) 次中已完成 \(done)，逾期 \(review.plan.overdue.count)",
                "\(done) of \(review.plan.count) done, \(review.plan.overdue.count) overdue")))
        }
        return ReportSection(id: "summary", title: w.t("概要", "Summary"), blocks: [.facts(facts)], data: .null)
    }

    static func incidents(_ incidents: IncidentReview, _ w: ReviewWords) -> ReportSection {
        var blocks: [ReportBlock] = []
        if incidents.rows.isEmpty {
            blocks.append(.paragraph(w.t("期间内没有宣布事件。", "No incident was declared in the period.")))
        } else {
            blocks.append(.table(ReportTable(
                headers: [w.t("级别", "Severity"), w.t("事件数", "Incidents")],
                rows: incidents.bySeverity.map { [$0.title[w.language], "\($0.count)"] })))
            blocks.append(.table(ReportTable(
                headers: [w.t("剧本", "Playbook"), w.t("事件数", "Incidents")],
                rows: incidents.byPlaybook.map { ["\($0.title[w.language]) (\($0.key))", "\($0.count)"] })))
            blocks.append(.heading(w.t("用时（自发现起）", "Times (from detection)")))
            blocks.append(.table(ReportTable(
                headers: [w.t("阶段", "Span"), w.t("事件数", "Incidents"), w.t("中位数", "Median"), w.t("最长", "Worst")],
                rows: IncidentReview.Span.allCases.map { span in
                    guard let spread = incidents.spreads[span] else { return [span.title[w.language], "0", "—", "—"] }
                    return [span.title[w.language], "\(spread.count)", w.span(spread.median), w.span(spread.worst) + " (\(spread.worstId))"]
                })))
            blocks.append(.heading(w.t("逐个事件", "Each incident")))
            blocks.append(.table(ReportTable(
                headers: [w.t("事件", "Incident"), w.t("级别", "Severity"), w.t("标题", "Title"), w.t("遏制用时", "To contain"),
                          w.t("时限按时", "Deadlines met"), w.t("时限超时", "Deadlines missed")],
                rows: incidents.rows.map { row in
                    [row.id, row.severity?.title[w.language] ?? w.t("未定级", "ungraded"), row.title,
                     row.spans[.contained].map(w.span) ?? "—",
                     row.deadlinesMet.isEmpty ? "—" : row.deadlinesMet.joined(separator: ", "),
                     row.deadlinesMissed.isEmpty ? "—" : row.deadlinesMissed.map { "\($0.id) (+\(w.span($0.lateness)))" }.joined(separator: ", ")]
                })))
        }
        return ReportSection(id: "incidents", title: w.t("事件", "Incidents"), blocks: blocks, data: .null)
    }

    static func drills(_ drills: DrillReview, _ w: ReviewWords) -> ReportSection {
        var blocks: [ReportBlock] = []
        if drills.runs.isEmpty {
            blocks.append(.paragraph(w.t("期间内没有演练。", "No drill was run in the period.")))
        }
        for trend in drills.trends {
            blocks.append(.heading("\(trend.title[w.language]) (\(trend.scenario))"))
            blocks.append(.paragraph(w.t("得分走势 ", "Scores over time ") + Sparkline.text(trend.runs.map(\.percent)) + "  " + trend.runs.map { "\($0.percent)%" }.joined(separator: " → ")))
            blocks.append(.table(ReportTable(
                headers: [w.t("演练", "Drill"), w.t("开始", "Started"), w.t("得分", "Score"), w.t("未达成的期望", "Expectations missed")],
                rows: trend.runs.map { run in
                    [run.id + (run.ended ? "" : w.t("（进行中）", " (running)")), w.day(run.startedAt),
                     "\(run.score)/\(run.maximumScore) (\(run.percent)%)", "\(run.missed.count)"]
                })))
            let answers = trend.runs.flatMap { run in run.answers.map { (run.id, $0) } }
            if !answers.isEmpty {
                blocks.append(.list(answers.map { run, answer in
                    w.t("\(run)：\(answer.by) 回应了\(answer.from.zh)", "\(run): \(answer.by) answered \(answer.from.en)")
                }))
            }
        }
        if !drills.mostMissed.isEmpty {
            blocks.append(.heading(w.t("最常未达成的期望", "Expectations most often missed")))
            blocks.append(.table(ReportTable(
                headers: [w.t("场景", "Scenario"), w.t("期望", "Expectation"), w.t("未达成", "Missed")],
                rows: drills.mostMissed.prefix(10).map { [$0.scenario, $0.label[w.language], w.t("\($0.runs) 次中 \($0.misses) 次", "\($0.misses) of \($0.runs)")] })))
        }
        return ReportSection(id: "drills", title: w.t("演练", "Drills"), blocks: blocks, data: .null)
    }

    static func coverage(_ coverage: [PlaybookCoverage], _ w: ReviewWords) -> ReportSection {
        var blocks: [ReportBlock] = []
        for playbook in coverage {
            let exercised = playbook.steps.count - playbook.unexercisedSteps.count
            blocks.append(.heading("\(playbook.title[w.language]) (\(playbook.playbook))"))
            blocks.append(.paragraph(w.t(
                "\(playbook.drills.count) 次演练；步骤 \(exercised)/\(playbook.steps.count) 已演练，时限 \(playbook.deadlines.count - playbook.unexercisedDeadlines.count)/\(playbook.deadlines.count) 已启动。",
                "\(playbook.drills.count) drill\(playbook.drills.count == 1 ? "" : "s"); \(exercised) of \(playbook.steps.count) steps exercised, \(playbook.deadlines.count - playbook.unexercisedDeadlines.count) of \(playbook.deadlines.count) deadlines started.")))
            let missing = playbook.unexercisedSteps.map { w.t("步骤 ", "step ") + "\($0.id) — \($0.title[w.language])" }
                + playbook.unexercisedDeadlines.map { w.t("时限 ", "deadline ") + "\($0.id) — \($0.title[w.language])" }
            if missing.isEmpty {
                blocks.append(.paragraph(w.t("每个步骤和时限都至少演练过一次。", "Every step and deadline was exercised at least once.")))
            } else {
                blocks.append(.paragraph(w.t("期间内没有演练到：", "Not exercised by any drill in the period:")))
                blocks.append(.list(missing))
            }
        }
        return ReportSection(id: "coverage", title: w.t("演练覆盖", "Drill coverage"), blocks: blocks, data: .null)
    }

    static func actions(_ actions: ActionReview, _ w: ReviewWords) -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph(w.t(
            "期间新增 \(actions.opened) 项，关闭 \(actions.closed) 项；当前逾期 \(actions.overdue) 项。",
            "\(actions.opened) opened and \(actions.closed) closed in the period; \(actions.overdue) overdue now."))]
        blocks.append(.table(ReportTable(
            headers: [w.t("状态", "State"), w.t("事件", "Incident"), w.t("措施", "Action"), w.t("负责人", "Owner"), w.t("到期", "Due")],
            rows: actions.rows.map { [$0.standing.title[w.language], $0.incident, "\($0.action.id) \($0.action.title)", $0.action.owner, $0.action.due.description] })))
        blocks.append(.heading(w.t("经验教训", "Lessons learned")))
        if actions.lessons.isEmpty {
            blocks.append(.paragraph(w.t("期间内的演练没有记录经验教训。", "No lesson was recorded in the period's drills.")))
        } else {
            blocks.append(.list(actions.lessons.map { "\($0.incident): \($0.text) — \($0.by)" }))
        }
        return ReportSection(id: "actions", title: w.t("改进措施", "Improvement actions"), blocks: blocks, data: .null)
    }

    static func plan(_ plan: [PlannedDrillProgress], _ w: ReviewWords) -> ReportSection {
        let blocks: [ReportBlock] = plan.isEmpty
            ? [.paragraph(w.t("没有演练计划（playbooks/drills/plan.yaml）。", "No drill plan (playbooks/drills/plan.yaml)."))]
            : [.table(ReportTable(
                headers: [w.t("场景", "Scenario"), w.t("计划日期", "Due"), w.t("参与", "With"), w.t("状态", "Status")],
                rows: plan.map { [$0.entry.scenario, $0.entry.due.description, $0.entry.with.joined(separator: ", "), $0.statusText(w.language)] }))]
        return ReportSection(id: "plan", title: w.t("演练计划", "Drill plan"), blocks: blocks, data: .null)
    }
}

/// The review's wording in one language.
struct ReviewWords {
    var language: Language

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// `3 小时 20 分钟` / `3 h 20 min`, to the minute.
    func span(_ seconds: Int) -> String { ReviewText.span(seconds, language: language) }

    /// The day a moment fell on, where it was recorded.
    func day(_ moment: Timestamp) -> String { DueDate.today(moment).description }
}
