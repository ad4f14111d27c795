import CordonCore

/// Finds entries of a timeline by what a person reads in them: the one-line summary (step
/// titles, note text, reasons) and who acted. Case is ignored.
///
/// It looks at entries one by one from the newest and stops at the first match, so a search
/// costs as much as the distance to the match, and nothing is built while merely drawing.
public struct TimelineSearch: Sendable {
    public let query: String
    public let playbook: Playbook
    public let language: Language
    private let needle: String

    public init(query: String, playbook: Playbook, language: Language) {
        self.query = query
        self.playbook = playbook
        self.language = language
        needle = query.lowercased()
    }

    public func matches(_ event: Event) -> Bool {
        if event.actorLabel.lowercased().contains(needle) { return true }
        return EventText.summary(event, playbook: playbook, language: language).lowercased().contains(needle)
    }

    /// The newest index before `end` whose entry matches.
    public func lastMatch<Timeline: RandomAccessCollection>(in timeline: Timeline, before end: Int) -> Int?
    where Timeline.Element == Event, Timeline.Index == Int {
        var index = min(end, timeline.count) - 1
        while index >= 0 {
            if matches(timeline[index]) { return index }
            index -= 1
        }
        return nil
    }
}
