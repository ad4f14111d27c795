/// The home screen's window onto a home folder: the incidents and drills in it, the playbooks
/// that can be declared, and declaring or opening one. `CordonStore` implements it over the
/// folder; tests implement it in memory. Like `IncidentJournal`, it keeps the console off the disk.
public protocol IncidentLibrary: AnyObject {
    /// Incidents (or drills), newest first.
    func incidents(kind: IncidentId.Kind) -> [IncidentListing]
    /// The playbooks a new incident can run, in the order they are found.
    func playbooks() -> [PlaybookListing]
    /// Declares a new incident and returns its journal; throws a `LocalizedFailure`.
    func declare(_ request: DeclareRequest) throws -> any IncidentJournal
    /// Opens an incident by id; throws a `LocalizedFailure`.
    func open(_ id: String) throws -> any IncidentJournal
    /// The drill scenarios that can be started, each checked against its playbook.
    func scenarios() -> [Scenario]
    /// Declares a drill from the scenario with this id, titled in `language`; its clock is
    /// started by a `DrillConductor`. Throws a `LocalizedFailure`.
    func declareDrill(scenario: String, language: Language) throws -> DrillOpening
    /// Every incident and drill with its playbook, the playbooks and the drill plan: what the
    /// review screen and the home screen's planned drills are made from.
    func reviewSources() -> ReviewSources
}

/// A drill just declared: the journal it runs on and the scenario it is scored on.
public struct DrillOpening {
    public var journal: any DrillJournal
    public var scenario: Scenario

    public init(journal: any DrillJournal, scenario: Scenario) {
        self.journal = journal
        self.scenario = scenario
    }
}

/// One line of the home screen's lists.
public struct IncidentListing: Sendable, Hashable {
    public var id: String
    /// The folded state, or `nil` when the incident could not be read.
    public var state: IncidentState?
    /// The title of the phase it is in, from its playbook.
    public var phaseTitle: LocalizedText?
    /// Why it could not be read.
    public var problem: LocalizedText?

    public init(id: String, state: IncidentState?, phaseTitle: LocalizedText? = nil, problem: LocalizedText? = nil) {
        self.id = id
        self.state = state
        self.phaseTitle = phaseTitle
        self.problem = problem
    }
}

/// A playbook that can be declared.
public struct PlaybookListing: Sendable, Hashable {
    public var id: String
    public var version: Int
    public var title: LocalizedText

    public init(id: String, version: Int, title: LocalizedText) {
        self.id = id
        self.version = version
        self.title = title
    }
}

/// What the declare form asks for.
public struct DeclareRequest: Sendable, Hashable {
    public var playbook: String
    public var title: String
    public var severity: Severity?
    public var detectedAt: Timestamp?
    public var kind: IncidentId.Kind

    public init(playbook: String, title: String, severity: Severity? = nil, detectedAt: Timestamp? = nil, kind: IncidentId.Kind = .incident) {
        self.playbook = playbook
        self.title = title
        self.severity = severity
        self.detectedAt = detectedAt
        self.kind = kind
    }
}
