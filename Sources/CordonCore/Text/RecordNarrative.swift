/// What Cordon writes from the records themselves, for staged reports and situation reports:
/// what changed since the last report, how the incident was handled, responsibility and
/// rectification.
public struct RecordNarrative: Sendable {
    public let state: IncidentState
    public let playbook: Playbook
    public let language: Language

    public init(state: IncidentState, playbook: Playbook, language: Language) {
        self.state = state
        self.playbook = playbook
        self.language = language
    }

    private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    private var separator: String { language == .zh ? "；" : "; " }

    private func time(_ moment: Timestamp) -> String { state.times.minute(moment) }

    /// One line for each change recorded after `seq`, oldest first, each starting a new line with
    /// `- `: grading, scope, findings, measures taken, phases entered, evidence and improvement
    /// actions. A line saying nothing changed when none did.
    public func changes(since seq: Int) -> String {
        var lines: [(Int, String)] = []
        for change in state.severityHistory where change.seq > seq {
            let severity = change.severity?.title[language] ?? t("未定级", "ungraded")
            lines.append((change.seq, time(change.at) + " " + t("事件级别调整为", "severity set to ") + severity + (change.reason.map { t("（\($0)）", " (\($0))") } ?? "")))
        }
        for scope in state.scopeHistory where scope.seq > seq {
            lines.append((scope.seq, time(scope.at) + " " + t("影响范围更新为：", "scope now: ") + ScopeText.line(scope, language: language)))
        }
        for finding in state.findings where finding.seq > seq && !finding.isWithdrawn {
            lines.append((finding.seq, time(finding.at) + " " + t("查明（", "established (") + finding.kind.title[language] + t("）：", "): ") + finding.text))
        }
        for entry in playbook.allSteps {
            guard let progress = state.steps[entry.step.id], progress.state == .done, progress.seq > seq, let remedial = entry.step.remedial else { continue }
            lines.append((progress.seq, time(progress.completedAt ?? progress.at) + " " + remedial[language]))
        }
        for change in state.phaseHistory where change.seq > seq {
            let what = change.to.flatMap { playbook.phase($0)?.title[language] }.map { t("进入“\($0)”阶段", "entered the \($0) phase") }
                ?? t("事件处置结束", "the incident was closed")
            lines.append((change.seq, time(change.at) + " " + what))
        }
        let evidence = state.evidence.filter { $0.seq > seq }
        if let last = evidence.last {
            lines.append((last.seq, time(last.addedAt) + " " + t("新增保全证据 \(evidence.count) 项", "\(evidence.count) more item(s) of evidence preserved")))
        }
        for notice in state.notices where notice.seq > seq && notice.audience != Sitrep.audience {
            let stage = notice.stage.map { t("\($0.title.zh)", " (\($0.title.en))") } ?? ""
            lines.append((notice.seq, time(notice.at) + " " + t(
                "经\(notice.channel)向\(AudienceText.title(notice.audience).zh)发出通报\(stage.isEmpty ? "" : "（\(stage)）")",
                "notice\(stage) sent to \(AudienceText.title(notice.audience).en) by \(notice.channel)")))
        }
        for action in state.actions where action.seq > seq {
            lines.append((action.seq, time(action.addedAt) + " " + t("确定改进措施：", "improvement action set: ") + action.title))
        }
        guard !lines.isEmpty else { return "\n- " + t("自上次报告以来无新的变化", "nothing has changed since the last report") }
        return lines.sorted { $0.0 < $1.0 }.map { "\n- " + $0.1 }.joined()
    }

    /// Detection, declaration, each phase entered, the measures taken and the close.
    public func handling(measures: String?) -> String {
        var parts = [
            time(state.detectedAt) + " " + t("发现", "detected"),
            time(state.declaredAt) + " " + t("启动应急响应", "emergency response started"),
        ]
        for change in state.phaseHistory {
            if let to = change.to, let phase = playbook.phase(to) {
                parts.append(time(change.at) + " " + t("进入“\(phase.title[language])”阶段", "entered the \(phase.title[language]) phase"))
            } else {
                parts.append(time(change.at) + " " + t("处置结束", "handling ended"))
            }
        }
        var text = parts.joined(separator: separator)
        if let measures { text += separator + t("采取的措施：", "measures taken: ") + measures }
        return text
    }

    /// Each standing accountability record: who, which duty, what measure.
    public func responsibility() -> String? {
        let entries = state.accountability.filter { !$0.isWithdrawn }
        guard !entries.isEmpty else { return nil }
        return entries.map { entry in
            t("\(entry.person)（\(entry.duty)）：\(entry.measure)", "\(entry.person) (\(entry.duty)): \(entry.measure)")
        }.joined(separator: separator)
    }

    /// Each improvement action with its owner, due date and where it stands.
    public func rectification() -> String? {
        guard !state.actions.isEmpty else { return nil }
        return state.actions.map { action in
            t("\(action.title)（负责人 \(action.owner)，期限 \(action.due)，\(action.status.title[language])）",
              "\(action.title) (owner \(action.owner), due \(action.due), \(action.status.title[language]))")
        }.joined(separator: separator)
    }
}
