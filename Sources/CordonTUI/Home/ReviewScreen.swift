import CordonCore

/// The year in review at a glance, opened with `v` from the home screen: overdue improvement
/// actions first, then each scenario's drill scores as a sparkline, the incidents' times, the
/// coverage of each playbook and the drill plan. The same numbers as `cordon review`.
enum ReviewScreen {
    static func draw(into canvas: inout Canvas, model: AppModel, review: YearReview, scroll: Int) {
        let language = model.language
        let width = model.size.width
        let title = (language == .zh ? " 年度回顾 " : " Year in review ") + review.period.description + " "
        canvas.put(TextLayout.truncate(title, to: width), x: 0, y: 0, width: width, style: Style(.accent, bold: true, reverse: true))
        canvas.put(String(repeating: "─", count: width), x: 0, y: 1, width: width, style: .muted)
        let lines = self.lines(review, language: language, width: width)
        let area = Rect(x: 0, y: 2, width: width, height: model.size.height - 4)
        let top = min(scroll, max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            canvas.line(line.text, in: area.row(row), style: line.style)
        }
        if lines.count > area.height {
            let more = language == .zh ? "第 \(top + 1)–\(min(lines.count, top + area.height)) 行，共 \(lines.count) 行" : "lines \(top + 1)–\(min(lines.count, top + area.height)) of \(lines.count)"
            canvas.line(" " + more, in: Rect(x: 0, y: model.size.height - 2, width: width, height: 1), style: .muted)
        }
        let hints = KeyTable.hints(for: [.review], language: language)
        canvas.line(HintLine.compose(hints, width: width), in: Rect(x: 0, y: model.size.height - 1, width: width, height: 1), style: .muted)
    }

    static func lines(_ review: YearReview, language: Language, width: Int) -> [(text: String, style: Style)] {
        let zh = language == .zh
        func t(_ a: String, _ b: String) -> String { zh ? a : b }
        var out: [(text: String, style: Style)] = []
        func heading(_ text: String) {
            if !out.isEmpty { out.append(("", .plain)) }
            out.append((" " + text, .heading))
        }

        let actions = review.actions
        heading(t("改进措施", "Improvement actions") + "  " + t(
            "逾期 \(actions.overdue) · 期间新增 \(actions.opened) · 关闭 \(actions.closed)",
            "\(actions.overdue) overdue · \(actions.opened) opened · \(actions.closed) closed"))
        let owed = actions.rows.filter { $0.standing == .overdue || $0.standing == .open }
        if owed.isEmpty { out.append(("   " + t("没有未完成的措施。", "Nothing outstanding."), .muted)) }
        for row in owed {
            let mark = row.standing == .overdue ? "!" : "·"
            let text = "   \(mark) \(TextLayout.pad(row.standing.title[language], to: 8)) \(row.incident)  \(row.action.id) \(row.action.title.terminalSafe) — \(row.action.owner.terminalSafe) · " + t("到期 ", "due ") + row.action.due.description
            out.append((text, row.standing == .overdue ? Style(.danger, bold: true) : .plain))
        }

        heading(t("演练得分", "Drill scores") + "  " + t("\(review.drills.runs.count) 次", "\(review.drills.runs.count) run\(review.drills.runs.count == 1 ? "" : "s")"))
        if review.drills.trends.isEmpty { out.append(("   " + t("期间内没有演练。", "No drill in the period."), .muted)) }
        let nameWidth = min(28, max(10, width / 3))
        for trend in review.drills.trends {
            let scores = trend.runs.map(\.percent)
            let text = "   " + TextLayout.pad(TextLayout.truncate(trend.scenario, to: nameWidth), to: nameWidth) + " " + Sparkline.text(scores) + "  " + scores.map { "\($0)%" }.joined(separator: " → ")
            out.append((text, .plain))
        }
        for missed in review.drills.mostMissed.prefix(3) {
            out.append(("   " + t("常未达成：", "Often missed: ") + missed.label[language].terminalSafe + t("（\(missed.runs) 次中 \(missed.misses) 次）", " (\(missed.misses) of \(missed.runs))"), .muted))
        }

        let incidents = review.incidents
        heading(t("事件", "Incidents") + "  " + t("\(incidents.rows.count) 起", "\(incidents.rows.count)") + " · " + t(
            "时限按时 \(incidents.deadlinesMet)，超时 \(incidents.deadlinesMissed)",
            "deadlines \(incidents.deadlinesMet) met, \(incidents.deadlinesMissed) missed"))
        let spanWidth = IncidentReview.Span.allCases.map { DisplayWidth.of($0.title[language]) }.max() ?? 0
        for span in IncidentReview.Span.allCases {
            guard let spread = incidents.spreads[span] else { continue }
            out.append(("   " + TextLayout.pad(span.title[language], to: spanWidth) + "  " + t("中位数 ", "median ") + ReviewText.span(spread.median, language: language) + t("，最长 ", ", worst ") + ReviewText.span(spread.worst, language: language) + " (\(spread.worstId))", .plain))
        }

        heading(t("演练覆盖", "Drill coverage"))
        for coverage in review.coverage {
            let steps = coverage.unexercisedSteps.count
            let deadlines = coverage.unexercisedDeadlines.count
            let summary = steps + deadlines == 0
                ? t("每个步骤和时限都演练过", "every step and deadline exercised")
                : t("未演练：\(steps) 个步骤、\(deadlines) 个时限", "not exercised: \(steps) step\(steps == 1 ? "" : "s"), \(deadlines) deadline\(deadlines == 1 ? "" : "s")")
            out.append(("   " + coverage.playbook + "  " + t("\(coverage.drills.count) 次演练 · ", "\(coverage.drills.count) drill\(coverage.drills.count == 1 ? "" : "s") · ") + summary, steps + deadlines == 0 ? .plain : Style(.warning)))
            if deadlines > 0 {
                out.append(("     " + t("时限：", "deadlines: ") + coverage.unexercisedDeadlines.map(\.id).joined(separator: ", "), .muted))
            }
        }

        if !review.plan.isEmpty {
            heading(t("演练计划", "Drill plan"))
            for row in review.plan.overdue + review.plan.filter({ !$0.isOverdue }) {
                out.append(("   " + row.entry.due.description + "  " + row.entry.scenario + "  " + row.statusText(language), row.isOverdue ? Style(.danger, bold: true) : row.isDone ? .muted : .plain))
            }
        }
        return out
    }
}
