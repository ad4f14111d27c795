import CordonCore

/// How records read in the console's lists and overview.
enum RecordText {
    /// `E1  access.log · sha256 9f86d081884c… · 保管人 王芳`
    static func evidence(_ item: EvidenceRecord, language: Language) -> String {
        let zh = language == .zh
        var line = "\(item.id)  \(item.label.terminalSafe)"
        if let file = item.file { line += " · sha256 \(file.sha256.prefix(12))…" }
        return line + (zh ? " · 保管人 " : " · custodian ") + item.custodian.terminalSafe
    }

    /// `F1  ［根本原因］外包商共享账号未启用双因素认证`, with its withdrawal when withdrawn.
    static func finding(_ finding: Finding, language: Language) -> String {
        let zh = language == .zh
        var line = "\(finding.id)  " + (zh ? "［\(finding.kind.title.zh)］" : "[\(finding.kind.title.en)] ") + finding.text.terminalSafe
        if let withdrawal = finding.withdrawal {
            line += zh ? "（已撤回：\(withdrawal.reason.terminalSafe)）" : " (withdrawn: \(withdrawal.reason.terminalSafe))"
        }
        return line
    }

    /// `A1  2026-12-31  逾期 3 天  进行中  李明  启用双因素认证`, as `cordon actions` prints it.
    static func action(_ action: ImprovementAction, now: Timestamp, language: Language) -> String {
        let zh = language == .zh
        var parts = [action.id, action.due.description]
        if action.isOverdue(at: now) {
            let days = action.due.days(to: DueDate.today(now))
            parts.append(zh ? "逾期 \(days) 天" : "OVERDUE \(days)d")
        }
        parts += [action.status.title[language], action.owner.terminalSafe, action.title.terminalSafe]
        return parts.joined(separator: "  ")
    }

    static func actionStyle(_ action: ImprovementAction, now: Timestamp) -> Style {
        if action.isOverdue(at: now) { return Style(.danger, bold: true) }
        return action.status.isOutstanding ? .plain : .muted
    }

    /// A choice's label for a finding: `F1 根本原因：外包商共享账号…`.
    static func findingChoice(_ finding: Finding) -> LocalizedText {
        let text = TextLayout.truncate(finding.text.terminalSafe, to: 40)
        return LocalizedText(zh: "\(finding.id) \(finding.kind.title.zh)：\(text)", en: "\(finding.id) \(finding.kind.title.en): \(text)")
    }

    /// Which facts are missing to judge the higher grades, in one sentence rather than a rule
    /// each: `尚缺人数、信息类别，无法判断是否达到：特别重大、较大。`
    private static func undecided(_ rules: [GradingRule], scope: ScopeAssessment, language: Language) -> String {
        let zh = language == .zh
        var missing: [String] = []
        if scope.people == nil, rules.contains(where: { $0.peopleAtLeast != nil }) { missing.append(zh ? "人数" : "the number of people") }
        if scope.records == nil, rules.contains(where: { $0.recordsAtLeast != nil }) { missing.append(zh ? "记录数" : "the number of records") }
        if scope.categories.isEmpty, rules.contains(where: { $0.sensitive || !$0.categories.isEmpty }) { missing.append(zh ? "信息类别" : "the categories") }
        var severities: [Severity] = []
        for rule in rules.sorted(by: { $0.severity > $1.severity }) where !severities.contains(rule.severity) {
            severities.append(rule.severity)
        }
        let names = severities.map { $0.title[language] }
        return zh
            ? "尚缺\(missing.joined(separator: "、"))，无法判断是否达到：\(names.joined(separator: "、"))。"
            : "Missing \(missing.joined(separator: ", ")) to judge whether it reaches: \(names.joined(separator: ", "))."
    }

    /// The suggestion a playbook's grading makes of a scope, in a few lines.
    static func suggestion(playbook: Playbook, scope: ScopeAssessment, current: Severity?, language: Language) -> [(String, Style)] {
        let zh = language == .zh
        guard let suggestion = SeverityGrading.suggest(playbook: playbook, scope: scope) else {
            return [(zh ? "本剧本没有分级门槛，不作级别建议。" : "This playbook has no grading thresholds, so nothing is suggested.", .muted)]
        }
        var line = (zh ? "剧本分级建议：" : "The playbook suggests: ") + suggestion.severity.title[language]
        if let rule = suggestion.rule {
            line += " — \(rule.conditions(language)) — \(rule.cite)"
            if rule.verify { line += zh ? "（门槛待法务确认）" : " (threshold: check with legal)" }
        } else {
            line += zh ? "（未达到任何门槛）" : " (no threshold reached)"
        }
        var out: [(String, Style)] = [(line, Style(.accent, bold: true))]
        if !suggestion.undecided.isEmpty {
            out.append((undecided(suggestion.undecided, scope: scope, language: language), .muted))
        }
        let grade = current?.title[language] ?? (zh ? "未定级" : "ungraded")
        out.append((zh ? "仅为建议：当前级别 \(grade)；定级由您决定，在控制台按 c。" : "A suggestion only: the incident is \(grade); grading is your decision, with c in the console.", .muted))
        return out
    }
}
