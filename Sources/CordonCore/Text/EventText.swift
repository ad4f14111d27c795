/// One-line descriptions of events, for the timeline pane and the command line.
public enum EventText {
    /// What happened, in a few words: `完成 隔离泄露源`, `note: 已联系数据室供应商`.
    /// Unknown event types show their type and data as they are. Accountability entries show
    /// only their id unless `revealAccountability` is set (their own screen, an explicit report).
    public static func summary(_ event: Event, playbook: Playbook, language: Language, revealAccountability: Bool = false) -> String {
        let data = event.data
        let reason = data.string("reason").map { language == .zh ? "（原因：\($0)）" : " (reason: \($0))" } ?? ""
        func step() -> String {
            guard let id = data.string("step") else { return "?" }
            return playbook.step(id).map { $0.step.title[language] } ?? id
        }
        func phase(_ key: String) -> String {
            guard let id = data.string(key) else { return "?" }
            return playbook.phase(id).map { $0.title[language] } ?? id
        }
        func localized(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

        switch event.type {
        case EventType.declared:
            let severity = data.string("severity").flatMap(Severity.init(rawValue:)).map { " [\($0.title[language])]" } ?? ""
            return localized("宣布事件：", "declared: ") + (data.string("title") ?? "") + severity
        case EventType.stepStarted: return localized("开始 ", "started ") + step() + reason
        case EventType.stepCompleted:
            let via: String
            switch data.string("via") {
            case EventType.noticeSent: via = localized("（通报已发出）", " (notice sent)")
            case EventType.classified: via = localized("（随定级完成）", " (done by grading)")
            default: via = ""
            }
            return localized("完成 ", "done ") + step() + via
        case EventType.stepSkipped: return localized("跳过 ", "skipped ") + step() + reason
        case EventType.stepBlocked: return localized("受阻 ", "blocked ") + step() + reason
        case EventType.stepReopened: return localized("重新打开 ", "reopened ") + step() + reason
        case EventType.noteAdded:
            let kind: String
            if let inject = data.string("inject") {
                kind = localized("回应注入 \(inject)：", "answer to \(inject): ")
            } else if let debrief = data.string("debrief").flatMap(DebriefKind.init(rawValue:)) {
                kind = debrief.title[language] + localized("：", ": ")
            } else {
                kind = localized("备注：", "note: ")
            }
            return kind + (data.string("text") ?? "")
        case EventType.roleAssigned:
            let role = data.string("role").map { id in playbook.role(id)?.title[language] ?? id } ?? "?"
            return localized("指派 \(role)：", "assigned \(role): ") + (data.string("person") ?? "")
        case EventType.classified:
            let severity = data.string("severity").flatMap(Severity.init(rawValue:))?.title[language] ?? "?"
            return localized("定级为 ", "graded ") + severity + reason
        case EventType.phaseAdvanced:
            let forced = data.bool("forced") == true ? localized("（强制）", " (forced)") : ""
            return localized("进入阶段 ", "phase ") + phase("to") + forced + reason
        case EventType.closed:
            let forced = data.bool("forced") == true ? localized("（强制）", " (forced)") : ""
            return localized("事件关闭", "incident closed") + forced + reason
        case EventType.noticeSent:
            return localized("已通报", "notice sent to ") + (data.string("audience").map { AudienceText.title($0)[language] } ?? "?") + " · " + (data.string("channel") ?? "")
        case EventType.drillStarted:
            return localized("演练开始", "drill started") + " ×\(data.int("speed") ?? 1)" + (data.int("seed").map { localized("（种子 \($0)）", " (seed \($0))") } ?? "")
        case EventType.drillClock:
            switch data.string("action") {
            case "pause": return localized("演练时钟暂停", "drill clock paused")
            case "resume": return localized("演练时钟继续", "drill clock resumed")
            case "skip": return localized("跳到下一注入", "skipped to the next inject")
            case "takeover":
                let previous = data.string("previous").map { localized("（原主持人 \($0)）", " from \($0)") } ?? ""
                return localized("接管演练时钟\(previous)，时钟暂停", "took over the drill clock\(previous); clock held")
            default: return localized("演练倍速 ", "drill speed ") + "×\(data.int("speed") ?? 1)"
            }
        case EventType.injectDelivered:
            let from = LocalizedText(json: data["from"])?[language] ?? "?"
            let message = LocalizedText(json: data["message"])?[language] ?? ""
            return localized("注入 · \(from)：", "inject · \(from): ") + message
        case EventType.drillEnded:
            let score = data.int("score").map { localized("，得分 \($0)/\(data.int("max_score") ?? 0)", ", score \($0)/\(data.int("max_score") ?? 0)") } ?? ""
            return localized("演练结束", "drill ended") + score
        default:
            if let record = RecordEventText.summary(event, language: language, revealAccountability: revealAccountability) { return record }
            return event.type + " " + JSONWriter.string(.object(data))
        }
    }
}
