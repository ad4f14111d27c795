/// A situation report for management (态势报告): one page, at any moment, with the phase, the
/// clocks, the decisions that are waiting and what changed since the last one that went out.
/// Sent sitreps are notices to the `management` audience, kept word for word like any other.
///
///     let sitrep = Sitrep.draft(playbook: playbook, state: state, now: now, language: .zh)
public enum Sitrep {
    /// The audience a sent sitrep is recorded under; every playbook has it.
    public static let audience = "management"

    public struct Draft: Sendable, Hashable {
        public var subject: String
        public var body: String
    }

    public static func draft(playbook: Playbook, state: IncidentState, now: Timestamp, language: Language) -> Draft {
        let t = { (zh: String, en: String) in language == .zh ? zh : en }
        let times = state.times
        let sent = state.notices.filter { $0.audience == audience }
        let number = sent.count + 1
        let phaseIndex = playbook.phases.firstIndex { $0.id == state.phase }.map { $0 + 1 } ?? 0
        let phase = playbook.phase(state.phase)?.title[language] ?? state.phase
        var lines: [String] = [
            t("事件态势报告（第 \(number) 期）：\(state.id) \(state.title)", "Situation report no. \(number): \(state.id) \(state.title)"),
            t("截至 \(times.minuteWithLabel(now, language: language))", "As of \(times.minuteWithLabel(now, language: language))"),
            "",
            t("一、现状", "1. Where it stands"),
        ]
        let status = state.closedAt.map { t("已于 \(times.minute($0)) 关闭", "closed \(times.minute($0))") }
            ?? t("处置中，第 \(phaseIndex)/\(playbook.phases.count) 阶段：\(phase)", "open, phase \(phaseIndex) of \(playbook.phases.count): \(phase)")
        lines.append("- " + t("状态：", "Status: ") + status)
        lines.append("- " + t("事件级别：", "Severity: ") + (state.severity?.title[language] ?? t("未定级", "not graded")))
        lines.append("- " + t("影响范围：", "Scope: ") + (state.scope.map { ScopeText.line($0, language: language) } ?? t("尚未评估", "not assessed yet")))

        lines += ["", t("二、时限", "2. Clocks")]
        let clocks = DeadlineBoard.evaluate(playbook: playbook, state: state, now: now)
        if clocks.isEmpty { lines.append("- " + t("当前级别下没有适用的时限", "no deadline applies at the current severity")) }
        for clock in clocks {
            let title = clock.deadline.title[language]
            let check = clock.deadline.verify ? t("（时限待法务确认）", " (check with legal)") : ""
            switch clock.state {
            case .met: lines.append("- " + t("\(title)：已于 \(times.minute(clock.metAt ?? clock.due)) 完成", "\(title): met \(times.minute(clock.metAt ?? clock.due))"))
            case .missed: lines.append("- " + t("\(title)：已超时（截止 \(times.minute(clock.due))）", "\(title): MISSED (was due \(times.minute(clock.due)))") + check)
            case .running:
                lines.append("- " + t("\(title)：剩余 \(DurationText.clock(clock.remaining, language: language))，截止 \(times.minute(clock.due))",
                                      "\(title): \(DurationText.clock(clock.remaining, language: language)) left, due \(times.minute(clock.due))") + check)
            }
        }

        lines += ["", t("三、需要决策的事项", "3. Decisions needed")]
        let decisions = decisionsNeeded(playbook: playbook, state: state, clocks: clocks, language: language)
        lines += decisions.isEmpty ? ["- " + t("暂无", "none at the moment")] : decisions.map { "- " + $0 }

        let since = sent.last
        lines += ["", since.map { t("四、自上期态势报告（\(times.minute($0.at))）以来的变化", "4. Changed since the last sitrep (\(times.minute($0.at)))") }
            ?? t("四、自宣布事件以来的变化", "4. Changed since the incident was declared")]
        let changes = RecordNarrative(state: state, playbook: playbook, language: language).changes(since: since?.seq ?? 0)
        lines += changes.split(separator: "\n").map(String.init)
        return Draft(
            subject: t("态势报告（第 \(number) 期）：\(state.id) \(state.title)", "Sitrep no. \(number): \(state.id) \(state.title)"),
            body: lines.joined(separator: "\n") + "\n")
    }

    /// What someone has to decide now: grading, blocked steps, required steps still open in the
    /// phase, clocks that ran out.
    static func decisionsNeeded(playbook: Playbook, state: IncidentState, clocks: [DeadlineStatus], language: Language) -> [String] {
        let t = { (zh: String, en: String) in language == .zh ? zh : en }
        var out: [String] = []
        let suggestion = SeverityGrading.suggest(playbook: playbook, scope: state.scope)
        if state.severity == nil {
            out.append(t("定级：尚未定级", "Grading: not graded yet") + (suggestion.map { t("，分级规则建议\($0.severity.title.zh)", "; the grading rules suggest \($0.severity.title.en)") } ?? ""))
        } else if let suggestion, let severity = state.severity, suggestion.severity > severity {
            out.append(t("定级：分级规则建议\(suggestion.severity.title.zh)，当前为\(severity.title.zh)，请应急指挥决定是否调整",
                         "Grading: the rules suggest \(suggestion.severity.title.en), it is \(severity.title.en); the commander decides whether to regrade"))
        }
        for clock in clocks where clock.state == .missed && clock.metAt == nil {
            out.append(t("\(clock.deadline.title.zh)已超时，须立即完成或写明原因", "\(clock.deadline.title.en) is overdue: do it now or record why not"))
        }
        guard !state.isClosed, let phase = playbook.phase(state.phase) else { return out }
        for step in phase.steps where state.stepState(step.id) == .blocked {
            out.append(t("受阻：\(step.title.zh)", "Blocked: \(step.title.en)") + (state.steps[step.id]?.reason.map { t("（\($0)）", " (\($0))") } ?? ""))
        }
        let open = phase.steps.filter { $0.required && !state.stepState($0.id).isSettled && state.stepState($0.id) != .blocked }
        if !open.isEmpty {
            out.append(t("进入下一阶段前须完成：", "To finish before the next phase: ") + open.map { $0.title[language] }.joined(separator: t("、", "; ")))
        }
        return out
    }
}
