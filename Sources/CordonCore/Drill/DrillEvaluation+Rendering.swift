/// The evaluation as a document: Markdown for people, JSON for scripts. Either can become one
/// section of a fuller after-action report.
extension DrillEvaluation {
    // MARK: - Words

    /// `T+1:05:00`: drill time since the start, as the drill clock showed it, to the nearest second.
    public func clockText(_ moment: Timestamp) -> String {
        guard let startedAt else { return moment.iso8601 }
        let offset = Int((moment.millis - startedAt.millis + 500).floorDiv(1000))
        return (offset < 0 ? "T" : "T+") + DurationText.elapsed(offset)
    }

    /// What happened to one expectation, in a few words.
    public func outcomeText(_ result: Result, language: Language) -> String {
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        switch result.outcome {
        case .pending(let due):
            return t("未定", "open") + (due.map { t("（截止 ", " (due ") + clockText($0) + t("）", ")") } ?? "")
        case .met(let at):
            return t("✅ 达成 ", "✅ met ") + clockText(at)
        case .missed(let at, let why):
            let reason: String
            switch why {
            case .late(let seconds): reason = t("迟了 ", "late by ") + DurationText.clock(seconds)
            case .notInTime: reason = t("到时未完成", "not done in time")
            case .deadlineMissed(let seconds): reason = t("超时 ", "missed by ") + DurationText.clock(seconds)
            case .neverApplied: reason = t("时限从未启动（定级未达要求）", "the deadline never started (graded too low)")
            case .drillEnded: reason = t("演练结束时仍未完成", "not done when the drill ended")
            }
            return t("❌ 未达成 ", "❌ missed ") + clockText(at) + " — " + reason
        }
    }

    // MARK: - Markdown

    public func markdown(language: Language) -> String {
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        func cell(_ text: String) -> String { text.terminalSafe.replacingOccurrences(of: "|", with: "\\|") }
        var lines: [String] = []
        lines.append("# " + t("演练评估", "Drill evaluation") + " · \(drillId)")
        lines.append("")
        lines.append(t("场景", "Scenario") + ": \(cell(scenario.title[language])) (`\(scenario.id)`) · " + t("剧本", "playbook") + " `\(playbook.id)`"
            + (seed.map { " · " + t("种子", "seed") + " \($0)" } ?? ""))
        if let startedAt {
            let end = endedAt.map { clockText($0) + " (" + cell(DrillEndReason.title(of: endReason)[language]) + ")" }
            let started = MomentFormat(offsetSeconds: startedAt.offsetSeconds).secondWithLabel(startedAt, language: language)
            lines.append(t("开始", "Started") + " \(started) · " + (end.map { t("结束 ", "ended ") + $0 } ?? t("进行中，截至 ", "running, as of ") + clockText(asOf)))
        } else {
            lines.append(t("演练时钟尚未开始。", "The drill clock has not started."))
        }
        lines.append("")
        lines.append("## " + t("得分", "Score") + ": \(score) / \(maximumScore)")
        lines.append("")
        lines.append("| # | " + t("期望", "Expectation") + " | " + t("分值", "Points") + " | " + t("结果", "Result") + " |")
        lines.append("|---|---|---|---|")
        for result in results {
            lines.append("| \(result.number) | \(cell(result.label[language])) | \(result.awarded)/\(result.expectation.points) | \(cell(outcomeText(result, language: language))) |")
        }
        lines.append("")
        lines.append("## " + t("时限", "Deadlines"))
        lines.append("")
        if deadlines.isEmpty {
            lines.append(t("（当前级别下没有适用的时限）", "(no deadline applied at the drill's severity)"))
        }
        for status in deadlines {
            let state: String
            switch status.state {
            case .met: state = t("已满足 ", "met ") + clockText(status.metAt ?? status.due)
            case .missed: state = t("已超时 ", "missed by ") + DurationText.clock(status.lateness)
            case .running: state = t("进行中，剩余 ", "running, ") + DurationText.clock(status.remaining) + t("", " left")
            }
            lines.append("- \(cell(status.deadline.title[language])) (`\(status.deadline.id)`): " + t("截止 ", "due ") + clockText(status.due) + " — " + state)
        }
        lines.append("")
        lines.append("## " + t("注入", "Injects"))
        lines.append("")
        if injects.isEmpty { lines.append(t("（尚无注入送达）", "(no inject delivered yet)")) }
        for inject in injects {
            let answer = answers.first { $0.inject == inject.inject }
            let answered = answer.map { t("\(cell($0.by)) 已回应 ", "answered ") + clockText($0.at) + t("", " by \(cell($0.by))") } ?? t("未回应", "not answered")
            lines.append("- \(clockText(inject.at)) **\(cell(inject.from[language]))** (`\(inject.inject)`): \(cell(inject.message[language])) — \(answered)")
        }
        for (kind, notes) in [(DebriefKind.lesson, lessons), (.improvement, improvements)] {
            lines.append("")
            lines.append("## " + kind.title[language])
            lines.append("")
            if notes.isEmpty {
                let flag = kind == .lesson ? "--lesson" : "--improvement"
                lines.append(t("（尚未记录；用 cordon note \(drillId) \(flag) \"…\" 添加）", "(none yet; add with cordon note \(drillId) \(flag) \"…\")"))
            }
            for note in notes { lines.append("- \(cell(note.text)) — \(cell(note.by))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    public var json: JSONValue {
        func time(_ moment: Timestamp?) -> JSONValue { moment.map { .string($0.iso8601) } ?? .null }
        func offset(_ moment: Timestamp?) -> JSONValue { moment.flatMap(self.offset(of:)).map(JSONValue.int) ?? .null }
        var doc: JSONObject = [
            "id": .string(drillId),
            "scenario": .string(scenario.id),
            "playbook": .string(playbook.id),
            "seed": seed.map(JSONValue.int) ?? .null,
            "started_at": time(startedAt),
            "ended_at": time(endedAt),
            "end_reason": endReason.map(JSONValue.string) ?? .null,
            "as_of": .string(asOf.iso8601),
            "score": .int(score),
            "max_score": .int(maximumScore),
        ]
        doc["expectations"] = .array(results.map { result in
            var entry: JSONObject = ["number": .int(result.number)]
            switch result.expectation.kind {
            case .step(let step, let by):
                entry["kind"] = "step"
                entry["step"] = .string(step)
                entry["by_seconds"] = .int(by)
            case .deadline(let deadline):
                entry["kind"] = "deadline"
                entry["deadline"] = .string(deadline)
            case .answer(let inject, let within):
                entry["kind"] = "answer"
                entry["inject"] = .string(inject)
                entry["within_seconds"] = within.map(JSONValue.int) ?? .null
            }
            entry["label"] = result.label.json
            entry["points"] = .int(result.expectation.points)
            entry["awarded"] = .int(result.awarded)
            switch result.outcome {
            case .pending(let due):
                entry["result"] = "pending"
                entry["due"] = time(due)
            case .met(let at):
                entry["result"] = "met"
                entry["at"] = time(at)
                entry["offset_seconds"] = offset(at)
            case .missed(let at, let why):
                entry["result"] = "missed"
                entry["at"] = time(at)
                entry["offset_seconds"] = offset(at)
                switch why {
                case .late(let seconds): entry["reason"] = "late"; entry["late_seconds"] = .int(seconds)
                case .notInTime: entry["reason"] = "not-in-time"
                case .deadlineMissed(let seconds): entry["reason"] = "deadline-missed"; entry["late_seconds"] = .int(seconds)
                case .neverApplied: entry["reason"] = "never-applied"
                case .drillEnded: entry["reason"] = "drill-ended"
                }
            }
            return .object(entry)
        })
        doc["deadlines"] = .array(deadlines.map { status in
            .object([
                "id": .string(status.deadline.id), "due": .string(status.due.iso8601), "state": .string(status.state.rawValue),
                "met_at": time(status.metAt), "late_seconds": .int(status.lateness),
            ])
        })
        doc["injects"] = .array(injects.map { inject in
            .object([
                "inject": .string(inject.inject), "version": .int(inject.version), "due_seconds": .int(inject.due),
                "at": .string(inject.at.iso8601), "from": inject.from.json, "message": inject.message.json,
                "answered_at": time(answers.first { $0.inject == inject.inject }?.at),
                "answered_by": answers.first { $0.inject == inject.inject }.map { .string($0.by) } ?? .null,
            ])
        })
        func notes(_ list: [DebriefNote]) -> JSONValue {
            .array(list.map { .object(["text": .string($0.text), "by": .string($0.by), "at": .string($0.at.iso8601)]) })
        }
        doc["lessons"] = notes(lessons)
        doc["improvements"] = notes(improvements)
        return .object(doc)
    }
}
