/// Something a responder asks to do to an incident. Checked against the folded state by
/// `IncidentRules.decide`, which answers with the events to record or a refusal.
public enum Command: Sendable, Hashable {
    case step(String, StepAction, reason: String? = nil)
    case note(String)
    case assign(role: String, person: String)
    case classify(Severity, reason: String? = nil)
    case advance(force: Bool = false, reason: String? = nil)
    /// A notice that went out; `stage` for an audience reported to in stages (the next one due
    /// when `nil`), `sent` the text as it went out.
    case notify(audience: String, channel: String, reference: String? = nil, stage: ReportStage? = nil, sent: SentText? = nil)
    /// Evidence, scope, findings, accountability, improvement actions and notice facts.
    case record(RecordCommand)
}

public enum StepAction: String, Sendable, CaseIterable, Hashable {
    case start
    case done
    case skip
    case block
    case reopen
}

/// Why a command was not carried out, and what to do instead: one line in each language.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for scripts and tests (`required-steps-open`, `unknown-step`, …).
    public var code: String
    public var message: LocalizedText

    public init(_ code: String, zh: String, en: String) {
        self.code = code
        self.message = LocalizedText(zh: zh, en: en)
    }

    public var description: String { "\(code): \(message.en)" }
}

/// What `decide` answers.
public enum Decision: Sendable, Hashable {
    case accept([EventDraft])
    case refuse(Refusal)

    public var events: [EventDraft]? {
        if case .accept(let drafts) = self { return drafts }
        return nil
    }

    public var refusal: Refusal? {
        if case .refuse(let refusal) = self { return refusal }
        return nil
    }
}
