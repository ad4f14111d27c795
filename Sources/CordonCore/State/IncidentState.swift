/// Everything that is true of an incident after some prefix of its timeline.
///
/// Built only by folding events (`IncidentState.fold`): the live console, the command line,
/// replay and drills all see an incident through this one type.
public struct IncidentState: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var playbookId: String
    public var playbookVersion: Int
    /// SHA-256 of the playbook file frozen at declaration.
    public var playbookSha256: String?
    /// SHA-256 of the scenario file a drill froze at declaration.
    public var scenarioSha256: String? = nil
    public var isDrill: Bool
    public var declaredAt: Timestamp
    public var detectedAt: Timestamp
    public var severity: Severity?
    public var severityHistory: [SeverityChange]
    /// The id of the phase the team is in.
    public var phase: String
    public var phaseHistory: [PhaseChange]
    public var closedAt: Timestamp?
    /// Steps that have been touched; a step that is absent is pending.
    public var steps: [String: StepProgress]
    /// Role id to the person who holds it.
    public var assignments: [String: String]
    public var notices: [NoticeRecord]
    public var noteCount: Int
    /// The seq and time of the last event folded in.
    public var lastSeq: Int
    public var lastEventAt: Timestamp
    /// Events whose type this version does not know, kept and counted.
    public var unknownEventCount: Int
    /// The drill's plan, clock, injects and debrief, once a drill has started.
    public var drill: DrillState? = nil

    // The records of the investigation and its aftermath (`RecordCommand`), folded in
    // `IncidentState+Evidence.swift` and its siblings.
    public var evidence: [EvidenceRecord] = []
    /// Every scope assessment, oldest first; the last is the current estimate.
    public var scopeHistory: [ScopeAssessment] = []
    public var findings: [Finding] = []
    /// Never shown in the main console view or in `status`.
    public var accountability: [AccountabilityEntry] = []
    public var actions: [ImprovementAction] = []
    public var noticeFacts = NoticeFacts()

    public var isClosed: Bool { closedAt != nil }

    public func stepState(_ id: String) -> StepState { steps[id]?.state ?? .pending }

    /// The current scope estimate.
    public var scope: ScopeAssessment? { scopeHistory.last }
}

public struct SeverityChange: Sendable, Hashable, Codable {
    public var at: Timestamp
    public var severity: Severity?
    public var seq: Int
    public var reason: String?
}

public struct PhaseChange: Sendable, Hashable, Codable {
    public var at: Timestamp
    public var from: String
    /// `nil` when the change closed the incident.
    public var to: String?
    public var forced: Bool
    public var reason: String?
    public var seq: Int
}

public struct NoticeRecord: Sendable, Hashable, Codable {
    public var audience: String
    public var channel: String
    public var reference: String?
    public var at: Timestamp
    public var by: String
    public var seq: Int
    /// Which of the audience's staged reports it was, where the playbook drafts them in stages.
    public var stage: ReportStage?
    /// What was sent, word for word, when it was recorded (notices recorded before Cordon kept
    /// the text have none).
    public var sent: SentText?
}

/// A notice's text exactly as it went out, with the SHA-256 of its UTF-8 bytes, so that a later
/// dispute can show what the regulator and the customers were told.
public struct SentText: Sendable, Hashable, Codable {
    /// The subject line it went out under, when it had one.
    public var subject: String?
    public var text: String
    /// Lowercase hex SHA-256 of `text`'s UTF-8 bytes.
    public var sha256: String
    /// Where the text came from: Cordon's own draft at the moment it was recorded, or a file the
    /// team edited and sent.
    public var source: Source

    public enum Source: String, Sendable, Hashable, Codable {
        case draft
        case file
    }

    /// The most a notice's text may hold, in UTF-8 bytes: a notice is a few KB, and every byte
    /// of it is one timeline line that each reader folds.
    public static let maximumBytes = 64 * 1024

    public init(subject: String?, text: String, sha256: String, source: Source) {
        self.subject = subject
        self.text = text
        self.sha256 = sha256
        self.source = source
    }
}
