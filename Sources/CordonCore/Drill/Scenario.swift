/// A tabletop drill: the playbook it exercises, what the team is told, what happens to them and
/// when, and what they are scored on.
///
/// Scenarios are YAML files under `playbooks/drills/` (see `playbooks/drills/data-room-overshare.yaml`);
/// `CordonStore` loads them and `ScenarioRules` checks them against their playbook. Every offset
/// is in seconds of drill time from the moment the drill clock starts.
public struct Scenario: Sendable, Hashable {
    public var id: String
    /// The id of the playbook the drill exercises.
    public var playbook: String
    public var title: LocalizedText
    /// What the facilitator reads out before the clock starts.
    public var briefing: LocalizedText
    /// How long the drill runs on its own clock; it ends by itself then.
    public var duration: Int
    /// The most the seed may move an inject earlier or later, so a team that has run the drill
    /// before cannot wait for the next inject by the clock; 0 keeps every inject on time.
    public var jitter: Int
    public var start: StartingSituation
    public var injects: [Inject]
    public var expectations: [Expectation]

    public init(
        id: String, playbook: String, title: LocalizedText, briefing: LocalizedText, duration: Int, jitter: Int = 0,
        start: StartingSituation = StartingSituation(), injects: [Inject], expectations: [Expectation]
    ) {
        self.id = id
        self.playbook = playbook
        self.title = title
        self.briefing = briefing
        self.duration = duration
        self.jitter = jitter
        self.start = start
        self.injects = injects
        self.expectations = expectations
    }

    public func inject(_ id: String) -> Inject? { injects.first { $0.id == id } }

    /// The most points the drill can give.
    public var maximumScore: Int { expectations.reduce(0) { $0 + $1.points } }
}

/// Where the team stands when the drill clock starts.
public struct StartingSituation: Sendable, Hashable {
    /// The grade the incident is declared with; `nil` leaves grading to the team.
    public var severity: Severity?
    /// How long before the drill starts the leak was detected.
    public var detectedBefore: Int
    /// How many customers are thought to be affected at the start.
    public var affected: Int?
    /// What the team knows, read out with the briefing.
    public var facts: [LocalizedText]

    public init(severity: Severity? = nil, detectedBefore: Int = 0, affected: Int? = nil, facts: [LocalizedText] = []) {
        self.severity = severity
        self.detectedBefore = detectedBefore
        self.affected = affected
        self.facts = facts
    }
}

/// Something that happens to the team during the drill: a call, a message, a discovery.
public struct Inject: Sendable, Hashable {
    public var id: String
    /// Offset on the drill clock, before jitter.
    public var at: Int
    /// What arrives, as written first and then the variants the seed may choose instead.
    /// Never empty.
    public var versions: [InjectContent]
    /// The roles it is addressed to: it pops up on the consoles of the people holding them, and
    /// always on the facilitator's. Empty addresses everyone.
    public var to: [String]

    public init(id: String, at: Int, content: InjectContent, variants: [InjectContent] = [], to: [String] = []) {
        self.id = id
        self.at = at
        self.versions = [content] + variants
        self.to = to
    }

    /// Whether someone known by `names` (a login, a name given with `--actor`) holds a role the
    /// inject is addressed to, as `assignments` stand; true for an inject addressed to everyone.
    public func isAddressed(to names: [String], assignments: [String: String]) -> Bool {
        to.isEmpty || to.contains { role in assignments[role].map(names.contains) ?? false }
    }
}

public struct InjectContent: Sendable, Hashable {
    /// Who it comes from: `{zh: 财新记者, en: A Caixin reporter}`.
    public var from: LocalizedText
    public var message: LocalizedText
    public var forces: ForcedFacts

    public init(from: LocalizedText, message: LocalizedText, forces: ForcedFacts = ForcedFacts()) {
        self.from = from
        self.message = message
        self.forces = forces
    }
}

/// Facts an inject makes true whatever the team thinks, recorded as ordinary events so the one
/// fold handles them: a severity becomes an `incident.classified` event.
public struct ForcedFacts: Sendable, Hashable {
    public var severity: Severity?
    /// The number of customers now known to be affected.
    public var affected: Int?

    public init(severity: Severity? = nil, affected: Int? = nil) {
        self.severity = severity
        self.affected = affected
    }

    public var isEmpty: Bool { severity == nil && affected == nil }
}

/// What the team is scored on.
public struct Expectation: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The step is done within `by` seconds of the drill's start.
        case step(String, by: Int)
        /// The playbook deadline is met.
        case deadline(String)
        /// The inject is answered by a note, within `within` seconds of its delivery if given.
        case answer(inject: String, within: Int?)
    }

    public var kind: Kind
    public var points: Int
    /// What the evaluation calls it; made from the kind when absent.
    public var title: LocalizedText?

    public init(_ kind: Kind, points: Int, title: LocalizedText? = nil) {
        self.kind = kind
        self.points = points
        self.title = title
    }
}
