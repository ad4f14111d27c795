/// An event in a timeline that the rules would not have let in where it stands.
public struct Objection: Sendable, Hashable {
    public var seq: Int
    /// What kind of breach (`time-backwards`, the code of the refusal the rules give, …).
    public var code: String
    public var message: LocalizedText

    public init(seq: Int, code: String, message: LocalizedText) {
        self.seq = seq
        self.code = code
        self.message = message
    }
}

/// Re-checks each event of a timeline against the rules at its point: the fold of the lines
/// before it is the state the rules saw when it was recorded, so asking them again with the same
/// command must accept it. A timeline whose chain holds can still have been written by hand (or
/// by any tool that can hash) around the rules; this is what `cordon verify` finds that in.
///
///     var audit = TimelineAudit(playbook: playbook)
///     for event in events { if let objection = audit.check(event, before: state) { … }; state.apply(event) }
///
/// Only what the rules decide from the state is re-asked: steps, phases, grading, roles,
/// notices and withdrawals (of what stands, once), and whether a record of the investigation came after closing where only action
/// updates, custody, checks and notice facts may. Limits on text (which a later version may
/// change), notes, the records' own contents, drill clocks and types this version does not know
/// are left alone, so a history any version of Cordon wrote is never flagged. Events recorded with `--force` and a
/// reason are what the rules accept, and pass.
public struct TimelineAudit: Sendable {
    private let playbook: Playbook?
    private var previous: Event?
    /// The audience of the notice whose steps the lines right after it may complete.
    private var noticeAudience: String?

    /// The refusals that say an event could not have been recorded where it stands. Others (a
    /// text over today's length limit, say) depend on the version that wrote it.
    static let ruleBreaches: Set<String> = [
        "required-steps-open", "reason-required", "step-settled", "step-already-active", "step-already-blocked",
        "step-not-settled", "incident-closed", "drill-ended", "unknown-step", "unknown-role", "unknown-audience",
        "unknown-phase", "same-severity", "already-assigned", "empty-person", "channel-required",
        "unknown-finding", "finding-withdrawn", "finding-in-use", "unknown-accountability", "accountability-withdrawn",
    ]

    /// `playbook` is the incident's frozen playbook; without one only the order of times is checked.
    public init(playbook: Playbook?) {
        self.playbook = playbook
    }

    /// Why `event` could not stand after `state` (the fold of every line before it, `nil` for
    /// the first), or `nil` when it could.
    public mutating func check(_ event: Event, before state: IncidentState?) -> Objection? {
        defer {
            if event.type == EventType.noticeSent {
                noticeAudience = event.data.string("audience")
            } else if !(event.type == EventType.stepCompleted && event.data.string("via") == EventType.noticeSent) {
                noticeAudience = nil
            }
            previous = event
        }
        if let previous, event.ts < previous.ts {
            return Objection(
                seq: event.seq, code: "time-backwards",
                message: LocalizedText(
                    zh: "第 \(event.seq) 行的时间 \(event.ts.iso8601) 早于第 \(previous.seq) 行的时间 \(previous.ts.iso8601)：时间线中的时间只能向前。",
                    en: "line \(event.seq) is dated \(event.ts.iso8601), before line \(previous.seq) at \(previous.ts.iso8601): times in a timeline only move forward."))
        }
        guard let state else { return declarationObjection(event) }
        if let refusal = Self.closedToRecords(event, state: state) { return objection(to: event, refusal) }
        guard let playbook, let command = command(for: event, state: state, playbook: playbook) else { return nil }
        let decision = IncidentRules.decide(command, state: state, playbook: playbook)
        switch decision {
        case .refuse(let refusal) where Self.ruleBreaches.contains(refusal.code):
            return objection(to: event, refusal)
        case .refuse:
            return nil
        case .accept(let drafts):
            guard let first = drafts.first, first.type == event.type, first.data.string("to") == event.data.string("to") else {
                return Objection(
                    seq: event.seq, code: "not-what-the-rules-record",
                    message: LocalizedText(
                        zh: "第 \(event.seq) 行（\(event.type)）不是规则在该处会记录的内容（应为 \(drafts.first?.type ?? "—")\(drafts.first?.data.string("to").map { " → \($0)" } ?? "")）。",
                        en: "line \(event.seq) (\(event.type)) is not what the rules record there (that is \(drafts.first?.type ?? "—")\(drafts.first?.data.string("to").map { " → \($0)" } ?? ""))."))
            }
            return nil
        }
    }

    private func objection(to event: Event, _ refusal: Refusal) -> Objection {
        Objection(
            seq: event.seq, code: refusal.code,
            message: LocalizedText(
                zh: "第 \(event.seq) 行（\(event.type)）是规则在该处会拒绝的记录：\(refusal.message.zh)",
                en: "line \(event.seq) (\(event.type)) is one the rules would have refused there: \(refusal.message.en)"))
    }

    /// Records of the investigation that `RecordRules` takes only while the incident is open
    /// (and, for improvement actions, also in an ended drill's debrief).
    static let openOnlyRecords: Set<String> = [
        EventType.evidenceAdded, EventType.scopeAssessed, EventType.findingAdded, EventType.findingWithdrawn,
        EventType.accountabilityAdded, EventType.accountabilityWithdrawn, EventType.actionAdded,
    ]

    /// The refusal a record written after closing meets, as `RecordRules` words it.
    private static func closedToRecords(_ event: Event, state: IncidentState) -> Refusal? {
        guard openOnlyRecords.contains(event.type) else { return nil }
        if event.type == EventType.actionAdded, state.drill?.hasEnded == true { return nil }
        return IncidentRules.refuseIfClosed(state)
    }

    /// A declaration's detection time may lie at most a minute after the declaration itself, as
    /// `declare` allows for clock skew; later, its deadlines would be met before they start.
    private func declarationObjection(_ event: Event) -> Objection? {
        guard event.type == EventType.declared, let text = event.data.string("detected_at"),
              let detected = Timestamp(iso8601: text), detected.millis > event.ts.millis + 60_000
        else { return nil }
        return Objection(
            seq: event.seq, code: "detected-after-declared",
            message: LocalizedText(
                zh: "第 \(event.seq) 行声明的发现时间 \(detected.iso8601) 晚于声明本身的时间 \(event.ts.iso8601)：从发现起算的时限会在起算前就已满足。",
                en: "line \(event.seq) declares a detection at \(detected.iso8601), after the declaration itself at \(event.ts.iso8601): deadlines counted from detection would be met before they start."))
    }

    /// The command that records `event`, as a responder would have given it; `nil` for events
    /// this audit leaves alone.
    private func command(for event: Event, state: IncidentState, playbook: Playbook) -> Command? {
        let data = event.data
        let reason = data.string("reason")
        switch event.type {
        case EventType.stepStarted, EventType.stepCompleted, EventType.stepSkipped, EventType.stepBlocked, EventType.stepReopened:
            guard let step = data.string("step") else { return nil }
            if event.type == EventType.stepCompleted, data.string("via") == EventType.noticeSent {
                // Completed by the notice just before it, as `notify` does for the steps that send
                // it and are not done yet; anything else is asked as a step done by hand.
                if let audience = noticeAudience, playbook.step(step)?.step.notice == audience, !state.isClosed, state.stepState(step) != .done {
                    return nil
                }
                return .step(step, .done)
            }
            let action: StepAction =
                switch event.type {
                case EventType.stepStarted: .start
                case EventType.stepCompleted: .done
                case EventType.stepSkipped: .skip
                case EventType.stepBlocked: .block
                default: .reopen
                }
            return .step(step, action, reason: reason)
        case EventType.phaseAdvanced, EventType.closed:
            return .advance(force: data.bool("forced") ?? false, reason: reason)
        case EventType.classified:
            guard let severity = data.string("severity").flatMap(Severity.init(rawValue:)) else { return nil }
            return .classify(severity, reason: reason)
        case EventType.roleAssigned:
            guard let role = data.string("role"), let person = data.string("person") else { return nil }
            return .assign(role: role, person: person)
        case EventType.noticeSent:
            guard let audience = data.string("audience"), let channel = data.string("channel") else { return nil }
            return .notify(audience: audience, channel: channel, reference: data.string("reference"))
        case EventType.findingWithdrawn:
            guard let finding = data.string("finding"), let reason else { return nil }
            return .record(.withdrawFinding(id: finding, reason: reason))
        case EventType.accountabilityWithdrawn:
            guard let entry = data.string("entry"), let reason else { return nil }
            return .record(.withdrawAccountability(id: entry, reason: reason))
        default:
            return nil
        }
    }
}
