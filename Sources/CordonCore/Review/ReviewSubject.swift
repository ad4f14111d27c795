/// One incident or drill as a review reads it: its folded state, the playbook it ran (frozen at
/// declaration) and, for a drill, the scenario it was scored on.
public struct ReviewSubject: Sendable, Hashable {
    public var state: IncidentState
    public var playbook: Playbook
    public var scenario: Scenario?

    public init(state: IncidentState, playbook: Playbook, scenario: Scenario? = nil) {
        self.state = state
        self.playbook = playbook
        self.scenario = scenario
    }
}

/// Everything a review is made from: the incidents and drills of a home, the playbooks the team
/// has now (for coverage), its drill plan, and what could not be read (said, never skipped silently).
public struct ReviewSources: Sendable, Hashable {
    public var subjects: [ReviewSubject]
    public var playbooks: [Playbook]
    public var programme: DrillProgramme?
    /// One sentence per incident, drill or plan that could not be read.
    public var problems: [LocalizedText]

    public init(subjects: [ReviewSubject] = [], playbooks: [Playbook] = [], programme: DrillProgramme? = nil, problems: [LocalizedText] = []) {
        self.subjects = subjects
        self.playbooks = playbooks
        self.programme = programme
        self.problems = problems
    }

    public func review(period: ReviewPeriod, now: Timestamp) -> YearReview {
        YearReview.make(subjects: subjects, playbooks: playbooks, plan: programme, period: period, now: now)
    }
}
