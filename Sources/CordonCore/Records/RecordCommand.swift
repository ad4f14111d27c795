/// A record of the investigation and its aftermath, as a form or the command line gathers it.
/// Each case is checked by `RecordRules` and becomes one event; ids (`E1`, `F1`, …) are given
/// by the rules, so a form never has to invent one.
public enum RecordCommand: Sendable, Hashable {
    case addEvidence(EvidenceInput)
    /// Hands an item to another custodian: a custody event.
    case transferEvidence(id: String, to: String, reason: String?)
    /// Records what hashing an evidence file again, from `started`, found; the rules decide
    /// whether that is a match.
    case checkEvidence(id: String, found: EvidenceObservation, started: Timestamp?)
    case assessScope(ScopeInput)
    case addFinding(FindingInput)
    case withdrawFinding(id: String, reason: String)
    case addAccountability(AccountabilityInput)
    case withdrawAccountability(id: String, reason: String)
    case addAction(ActionInput)
    case updateAction(ActionChange)
    case setNoticeFacts(NoticeFacts)
}

/// A new piece of evidence: a hashed file (see `EvidenceFingerprint` in CordonStore), a
/// description, or both.
public struct EvidenceInput: Sendable, Hashable {
    public var file: EvidenceFile?
    public var description: String?
    public var origin: String?
    public var custodian: String

    public init(file: EvidenceFile? = nil, description: String? = nil, origin: String? = nil, custodian: String) {
        self.file = file
        self.description = description
        self.origin = origin
        self.custodian = custodian
    }
}

/// A new scope estimate. Fields left `nil` keep their last assessed value; `categories` replaces
/// the list when given.
public struct ScopeInput: Sendable, Hashable {
    public var categories: [DataCategory]?
    public var records: Int?
    public var people: Int?
    public var confidence: Confidence?
    public var basis: String?

    public init(categories: [DataCategory]? = nil, records: Int? = nil, people: Int? = nil, confidence: Confidence? = nil, basis: String? = nil) {
        self.categories = categories
        self.records = records
        self.people = people
        self.confidence = confidence
        self.basis = basis
    }
}

public struct FindingInput: Sendable, Hashable {
    public var kind: Finding.Kind
    public var text: String
    /// When it happened; required for timeline entries.
    public var occurredAt: Timestamp?
    /// Evidence ids (`E1`) it rests on.
    public var evidence: [String]

    public init(kind: Finding.Kind, text: String, occurredAt: Timestamp? = nil, evidence: [String] = []) {
        self.kind = kind
        self.text = text
        self.occurredAt = occurredAt
        self.evidence = evidence
    }
}

public struct AccountabilityInput: Sendable, Hashable {
    public var person: String
    public var duty: String
    /// The finding id (`F2`) it rests on.
    public var finding: String
    public var measure: String

    public init(person: String, duty: String, finding: String, measure: String) {
        self.person = person
        self.duty = duty
        self.finding = finding
        self.measure = measure
    }
}

public struct ActionInput: Sendable, Hashable {
    public var title: String
    public var owner: String
    public var due: DueDate
    /// The finding id it answers, if any.
    public var finding: String?

    public init(title: String, owner: String, due: DueDate, finding: String? = nil) {
        self.title = title
        self.owner = owner
        self.due = due
        self.finding = finding
    }
}

/// Changes to an action; at least one field must be given. Dropping needs a note saying why.
public struct ActionChange: Sendable, Hashable {
    public var id: String
    public var status: ActionStatus?
    public var owner: String?
    public var due: DueDate?
    public var note: String?

    public init(id: String, status: ActionStatus? = nil, owner: String? = nil, due: DueDate? = nil, note: String? = nil) {
        self.id = id
        self.status = status
        self.owner = owner
        self.due = due
        self.note = note
    }
}
