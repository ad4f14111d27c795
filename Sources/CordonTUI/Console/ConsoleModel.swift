import CordonCore

/// The panes of the console that take the arrow keys, in `Tab` order.
public enum Pane: Sendable, Hashable, CaseIterable {
    case steps
    case timeline
    case deadlines
}

/// Which part of the timeline is on screen. Only indexes: the pane draws the rows it shows
/// straight from the journal, so a long timeline costs no more than a short one.
public struct TimelineViewport: Sendable, Hashable {
    /// The selected entry.
    public var cursor = 0
    /// The first entry on screen.
    public var top = 0
    /// Stays on the newest entry as new ones arrive.
    public var following = true
    /// Entries that arrived while not following.
    public var unseen = 0

    /// Brings the viewport in line with `count` entries shown `rows` at a time.
    mutating func settle(count: Int, rows: Int) {
        let rows = max(1, rows)
        if following {
            cursor = max(0, count - 1)
            unseen = 0
        }
        cursor = min(max(0, cursor), max(0, count - 1))
        if cursor < top { top = cursor }
        if cursor >= top + rows { top = cursor - rows + 1 }
        top = min(max(0, top), max(0, count - rows))
    }

    /// Moves the selection by `delta` entries; reaching the newest resumes following.
    mutating func move(by delta: Int, count: Int, rows: Int) {
        guard count > 0 else { return }
        let target = (following ? count - 1 : cursor) + delta
        if target >= count - 1 {
            following = true
        } else {
            following = false
            cursor = max(0, target)
        }
        settle(count: count, rows: rows)
    }

    /// Scrolls the view and the selection together by `delta` entries, as a pager does.
    mutating func page(by delta: Int, count: Int, rows: Int) {
        guard count > 0 else { return }
        if following { cursor = count - 1 }
        following = false
        top += delta
        cursor += delta
        if cursor >= count - 1 { following = true }
        settle(count: count, rows: rows)
    }

    /// Shows entry `index` in the middle of the pane, without following.
    mutating func reveal(_ index: Int, count: Int, rows: Int) {
        following = index >= count - 1
        cursor = index
        top = index - rows / 2
        settle(count: count, rows: rows)
    }
}

/// Everything the console shows about one open incident, apart from the events themselves.
public struct ConsoleModel: Sendable {
    public var playbook: Playbook
    public var incident: IncidentState
    public var mode: ConsoleMode
    public var focus: Pane = .steps
    /// The phase whose steps the left pane shows; follows the incident's phase unless the
    /// responder looked elsewhere.
    public var phaseIndex: Int
    public var stepIndex: Int
    public var timeline = TimelineViewport()
    public var deadlineIndex = 0
    /// The last search, for `/` then `Enter` to find the next match.
    public var searchQuery: String?
    public var searchHit: Int?
    /// Where the replay player stands, in a replay.
    public var player: ReplayPlayer?
    /// Injects delivered while a dialog was up, oldest first: each opens once the way is clear.
    public var unshownInjects: [String] = []
    /// The drill ended while a dialog was up: its evaluation opens once the way is clear.
    public var evaluationDue = false
    /// An inject on screen holds the drill clock of the console that conducts it, so a fast drill
    /// never runs on while the team reads; the facilitator turns it off with `H`.
    public var holdsClockOnInject = true
    /// The clock is paused because an inject is on screen: it resumes once none is.
    public var heldForInject = false
    /// The facilitator paused or resumed the clock while an inject was on screen: it is theirs
    /// until no inject is.
    public var clockInHand = false

    public init(_ snapshot: IncidentSnapshot, mode: ConsoleMode) {
        playbook = snapshot.playbook
        incident = snapshot.state
        self.mode = mode
        phaseIndex = 0
        stepIndex = 0
        phaseIndex = currentPhaseIndex
        stepIndex = firstOpenStep(in: phaseIndex)
    }

    /// The index of the phase the incident is in.
    public var currentPhaseIndex: Int {
        playbook.phases.firstIndex { $0.id == incident.phase } ?? 0
    }

    public var selectedPhase: Phase { playbook.phases[phaseIndex] }

    public var selectedStep: Step? {
        let steps = selectedPhase.steps
        return steps.indices.contains(stepIndex) ? steps[stepIndex] : nil
    }

    /// The banners the header shows: the mode's, and DRILL for a drill whatever the mode.
    public var banners: [LocalizedText] {
        var out: [LocalizedText] = []
        if incident.isDrill { out.append(DrillBanner.tag) }
        if let banner = mode.banner { out.append(banner) }
        return out
    }

    /// The deadlines that apply now, most pressing first: missed, then under a quarter left,
    /// then running by due time, then those already settled.
    public func deadlines(now: Timestamp) -> [DeadlineStatus] {
        func rank(_ status: DeadlineStatus) -> Int {
            switch status.state {
            case .missed: status.metAt == nil ? 0 : 3
            case .running: status.isUrgent ? 1 : 2
            case .met: 4
            }
        }
        return DeadlineBoard.evaluate(playbook: playbook, state: incident, now: now)
            .enumerated()
            .sorted { (rank($0.element), $0.element.due, $0.offset) < (rank($1.element), $1.element.due, $1.offset) }
            .map(\.element)
    }

    /// The lines above the key hints: the scrub bar and the player's state in a replay, the
    /// drill clock in a drill.
    public var statusLineCount: Int {
        (player == nil ? 0 : 2) + (incident.isDrill ? 1 : 0)
    }

    /// The drill's clock, speed, next inject and score at `now`.
    public func drillBanner(now: Timestamp) -> DrillBanner {
        DrillBanner.make(scenario: mode.scenario, playbook: playbook, state: incident, now: now)
    }

    func firstOpenStep(in phase: Int) -> Int {
        playbook.phases[phase].steps.firstIndex { !incident.stepState($0.id).isSettled } ?? 0
    }

    /// Takes in a newer state; the left pane moves on with the incident's phase if it showed it.
    mutating func absorb(_ snapshot: IncidentSnapshot) {
        let wasShowingCurrent = phaseIndex == currentPhaseIndex
        let previousPhase = incident.phase
        incident = snapshot.state
        if wasShowingCurrent, incident.phase != previousPhase {
            phaseIndex = currentPhaseIndex
            stepIndex = firstOpenStep(in: phaseIndex)
        }
    }
}
