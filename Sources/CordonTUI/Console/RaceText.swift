import CordonCore

/// What a console says when someone else got there first: who did what to the step and when,
/// and the key that undoes it here — never a command line, since the responder is at a console.
///
///     RaceText.step(completedByWangLei, playbook: playbook, times: times)
///     // “隔离泄露源”已由 王磊 于 02:14 完成；如需重做，按 o 重新打开。
enum RaceText {
    /// The newest entry that changed step `id`, searching `events` from the end.
    static func lastChange<Events: BidirectionalCollection>(of id: String, in events: Events) -> Event? where Events.Element == Event {
        events.last { isStepChange($0) && $0.data.string("step") == id }
    }

    /// Says who changed the step and when, with the key that takes it further from here.
    /// `lost` adds that this console's own command was not recorded.
    static func step(_ event: Event, playbook: Playbook, times: MomentFormat, lost: Bool = false) -> LocalizedText? {
        guard let id = event.data.string("step") else { return nil }
        let title = playbook.step(id)?.step.title ?? LocalizedText(zh: id, en: id)
        let who = event.recordedName
        let at = times.clock(event.ts)
        let (zh, en): (String, String)
        switch event.type {
        case EventType.stepCompleted: (zh, en) = ("完成", "completed")
        case EventType.stepSkipped: (zh, en) = ("跳过", "skipped")
        case EventType.stepBlocked: (zh, en) = ("标记为受阻", "blocked")
        case EventType.stepStarted: (zh, en) = ("开始", "started")
        case EventType.stepReopened: (zh, en) = ("重新打开", "reopened")
        default: return nil
        }
        let next: LocalizedText = switch event.type {
        case EventType.stepCompleted, EventType.stepSkipped, EventType.stepBlocked:
            LocalizedText(zh: "如需重做，按 o 重新打开。", en: "press o to reopen it.")
        case EventType.stepStarted:
            LocalizedText(zh: "完成后按空格标记完成。", en: "press space once it is done.")
        default:
            LocalizedText(zh: "可再按一次。", en: "press the key again if still needed.")
        }
        return LocalizedText(
            zh: "“\(title.zh)”已由 \(who) 于 \(at) \(zh)\(lost ? "，你的操作未记录" : "")；\(next.zh)",
            en: "\(who) \(en) '\(title.en)' at \(at)\(lost ? ", so yours was not recorded" : ""); \(next.en)")
    }

    /// The refusal of a command that lost a race to `arrived`, the entries read while it was
    /// checked: who did what, and that nothing of this console's was recorded.
    static func lost(_ command: Command, refusal: LocalizedText, arrived: [Event], playbook: Playbook, times: MomentFormat) -> LocalizedText {
        if case .step(let id, _, _) = command, let event = lastChange(of: id, in: arrived),
           let said = step(event, playbook: playbook, times: times, lost: true) {
            return said
        }
        guard let last = arrived.last else { return refusal }
        let summary = EventText.summary(last, playbook: playbook, language: .zh).terminalSafe
        let summaryEn = EventText.summary(last, playbook: playbook, language: .en).terminalSafe
        let at = times.clock(last.ts)
        return LocalizedText(
            zh: "\(last.recordedName) 刚于 \(at) 记录了“\(summary)”，你的操作未记录：\(refusal.zh)",
            en: "\(last.recordedName) just recorded '\(summaryEn)' at \(at), so yours was not recorded: \(refusal.en)")
    }

    private static func isStepChange(_ event: Event) -> Bool {
        [EventType.stepCompleted, EventType.stepSkipped, EventType.stepBlocked, EventType.stepStarted, EventType.stepReopened].contains(event.type)
    }
}
