import CordonCore

/// The home screen: incidents (open first, then closed) and drills, and the playbooks a new
/// one can be declared on.
public struct HomeModel: Sendable {
    public var incidents: [IncidentListing] = []
    public var drills: [IncidentListing] = []
    public var playbooks: [PlaybookListing] = []
    /// The drill scenarios that can be started.
    public var scenarios: [Scenario] = []
    /// Index into `entries`.
    public var selection = 0
    public var isLoaded = false
    /// The year up to the day the home was read: the review screen, and the planned drills the
    /// home screen names.
    public var review: YearReview?
    /// The review screen is open over the home screen, scrolled down this many lines.
    public var showingReview = false
    public var reviewScroll = 0

    public init() {}

    /// Incidents then drills: the rows the selection moves over.
    public var entries: [IncidentListing] { incidents + drills }

    public var selected: IncidentListing? {
        let all = entries
        return all.indices.contains(selection) ? all[selection] : nil
    }

    mutating func load(incidents: [IncidentListing], drills: [IncidentListing], playbooks: [PlaybookListing], scenarios: [Scenario]) {
        let previous = selected?.id
        func openFirst(_ list: [IncidentListing]) -> [IncidentListing] {
            list.filter { !$0.isFinished } + list.filter(\.isFinished)
        }
        self.incidents = openFirst(incidents)
        self.drills = openFirst(drills)
        self.playbooks = playbooks
        self.scenarios = scenarios
        isLoaded = true
        selection = entries.firstIndex { $0.id == previous } ?? 0
    }
}

extension IncidentListing {
    /// Closed, or a drill that has ended: listed after the ones still being worked.
    var isFinished: Bool { state?.isClosed == true || state?.drill?.hasEnded == true }
}
