import ArgumentParser
import CordonCore
import CordonStore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("查看事件状态：阶段、步骤、时限。", "Show where an incident stands: phase, steps, deadlines."),
        discussion: "Example: cordon status INC-20261129-001 --json")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let session = try context.open(id)
            // A drill is read at drill time, which its session's clock gives.
            let now = session.state.local(session.stamp.clock.now())
            if context.options.json {
                print(JSONWriter.string(StatusDocument.make(playbook: session.playbook, state: session.state, now: now)))
            } else {
                print(StatusText.render(playbook: session.playbook, state: session.state, now: now, language: context.language))
            }
        }
    }
}

/// `cordon status` for people, every time at the incident's offset, which the third line names.
enum StatusText {
    static func render(playbook: Playbook, state: IncidentState, now: Timestamp, language: Language) -> String {
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        let times = state.times
        var lines: [String] = []
        let severity = state.severity?.title[language] ?? t("未定级", "ungraded")
        let drill = state.isDrill ? t("【演练】", "[DRILL] ") : ""
        lines.append("\(drill)\(state.id)  \(state.title.terminalSafe)  [\(severity)]\(state.isClosed ? t("  已关闭", "  closed") : "")")
        let phaseIndex = playbook.phases.firstIndex { $0.id == state.phase } ?? 0
        let strip = playbook.phases.enumerated().map { index, phase in
            index == phaseIndex && !state.isClosed ? "[\(phase.title[language])]" : phase.title[language]
        }.joined(separator: " › ")
        lines.append(t("阶段：", "Phases: ") + strip)
        lines.append(t("发现", "Detected") + " \(times.minute(state.detectedAt))   " + t("宣布", "declared") + " \(times.minute(state.declaredAt))   "
            + t("已历时", "elapsed") + " \(DurationText.clock(state.detectedAt.seconds(to: state.closedAt ?? now), language: language))   "
            + t("（时间均为 \(times.label)）", "(times are \(times.label))"))
        for (index, phase) in playbook.phases.enumerated() {
            lines.append("")
            lines.append("\(index + 1). \(phase.title[language]) (\(phase.id))\(index == phaseIndex && !state.isClosed ? t("  ← 当前", "  ← current") : "")")
            for step in phase.steps {
                let progress = state.steps[step.id]
                let mark: String
                switch progress?.state ?? .pending {
                case .pending: mark = "[ ]"
                case .active: mark = "[>]"
                case .done: mark = "[x]"
                case .skipped: mark = "[-]"
                case .blocked: mark = "[!]"
                }
                let owner = playbook.role(step.role)?.title[language] ?? step.role
                let who = state.assignments[step.role].map { " \($0.terminalSafe)" } ?? ""
                var line = "   \(mark) \(step.id)\(step.required ? "*" : "")  \(step.title[language])  (\(owner)\(who))"
                if let progress, progress.state != .pending {
                    line += "  \(progress.state.title[language]) \(times.minute(progress.at)) \(progress.by.terminalSafe)"
                    if let reason = progress.reason { line += " — \(reason.terminalSafe)" }
                }
                lines.append(line)
            }
        }
        let deadlines = DeadlineBoard.evaluate(playbook: playbook, state: state, now: now)
        lines.append("")
        let ifGraded = DeadlineBoard.ifGraded(playbook: playbook, state: state, now: now)
        if deadlines.isEmpty, !ifGraded.isEmpty {
            lines.append(t("时限：尚未定级；以下时限自发现时起已在计时，定级后即适用：", "Deadlines: not graded yet; these clocks have run since detection and apply once it is graded:"))
        } else {
            lines.append(t("时限", "Deadlines") + (deadlines.isEmpty ? t("：当前级别下无", ": none apply at this severity") : t("：", ":")))
        }
        for status in deadlines {
            let where_: String
            switch status.state {
            case .running: where_ = t("剩余 ", "") + DurationText.clock(status.remaining, language: language) + t("", " left")
            case .met: where_ = t("已满足 ", "met ") + times.minute(status.metAt!)
            case .missed: where_ = t("已超时 ", "missed by ") + DurationText.clock(status.lateness, language: language)
            }
            let check = status.deadline.verify ? t("  ⚠ 时限待法务确认", "  ⚠ check with legal") : ""
            lines.append("   \(status.deadline.id)  \(status.deadline.title[language])  " + t("截止 ", "due ") + times.minute(status.due) + "  " + where_ + check)
            lines.append("      " + status.deadline.cite)
        }
        for status in ifGraded {
            let severity = status.ifGradedAtLeast?.title[language] ?? ""
            let condition = t("若定为\(severity)及以上：", "if graded \(status.ifGradedAtLeast?.rawValue ?? "") or above: ")
            let where_ = status.state == .running
                ? t("剩余 ", "") + DurationText.clock(status.remaining, language: language) + t("", " left")
                : t("已超时 ", "missed by ") + DurationText.clock(status.lateness, language: language)
            let check = status.deadline.verify ? t("  ⚠ 时限待法务确认", "  ⚠ check with legal") : ""
            lines.append("   \(status.deadline.id)  \(status.deadline.title[language])  " + condition + where_ + "  " + t("截止 ", "due ") + times.minute(status.due) + check)
            lines.append("      " + status.deadline.cite)
        }
        lines.append("")
        lines.append(recordsLine(playbook: playbook, state: state, now: now, language: language))
        lines.append("")
        lines.append(t("* 为必需步骤。[x] 完成 [>] 进行中 [-] 跳过 [!] 受阻", "* marks required steps. [x] done [>] active [-] skipped [!] blocked"))
        return lines.joined(separator: "\n")
    }

    /// Counts of the records, the scope and the severity it suggests; never accountability.
    static func recordsLine(playbook: Playbook, state: IncidentState, now: Timestamp, language: Language) -> String {
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        let outstanding = state.actions.filter { $0.status.isOutstanding }
        let overdue = outstanding.filter { $0.isOverdue(at: now) }.count
        var parts = [
            t("证据 ", "evidence ") + "\(state.evidence.count)",
            t("调查结论 ", "findings ") + "\(state.findings.filter { !$0.isWithdrawn }.count)",
            t("未完成改进措施 ", "actions outstanding ") + "\(outstanding.count)" + (overdue > 0 ? t("（逾期 \(overdue)）", " (\(overdue) overdue)") : ""),
        ]
        if let scope = state.scope {
            parts.append(t("范围：", "scope: ") + ScopeText.line(scope, language: language))
        }
        if let suggestion = SeverityGrading.suggest(playbook: playbook, scope: state.scope), suggestion.severity != state.severity {
            parts.append(t("分级建议：", "grading suggests: ") + suggestion.severity.title[language])
        }
        return t("记录：", "Records: ") + parts.joined(separator: " · ")
    }
}
