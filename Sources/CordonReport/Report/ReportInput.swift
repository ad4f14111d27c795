import CordonCore

/// Where the journal stood when the report was made: what lets a reader match the report to the
/// timeline later (`cordon verify` prints the same head hash while nothing has been added).
public struct JournalSeal: Sendable, Hashable {
    public var lines: Int
    public var headHash: String
    public var intact: Bool

    public init(lines: Int, headHash: String, intact: Bool) {
        self.lines = lines
        self.headHash = headHash
        self.intact = intact
    }
}

/// Everything a report is made from.
public struct ReportInput: Sendable {
    public var playbook: Playbook
    public var state: IncidentState
    public var events: [Event]
    public var seal: JournalSeal
    /// When the report is made, at the incident's offset (its calendar decides what is overdue).
    public var now: Timestamp
    public var language: Language
    /// Accountability (追责) appears only when asked for.
    public var includeAccountability: Bool

    public init(
        playbook: Playbook, state: IncidentState, events: [Event], seal: JournalSeal, now: Timestamp,
        language: Language, includeAccountability: Bool = false
    ) {
        self.playbook = playbook
        self.state = state
        self.events = events
        self.seal = seal
        self.now = state.local(now)
        self.language = language
        self.includeAccountability = includeAccountability
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Every time in a report is shown at the offset the incident was declared in.
    func time(_ moment: Timestamp) -> String { state.times.second(moment) }

    func time(_ moment: Timestamp?) -> String { moment.map(time) ?? "—" }

    /// Who wrote the event with `seq`, as a person reads it.
    func actor(seq: Int) -> String {
        events.first { $0.seq == seq }?.actorLabel ?? "?"
    }

    func duration(_ seconds: Int) -> String { DurationText.clock(seconds, language: language) }

    func optional(_ text: String?) -> String { text ?? "—" }
}

extension Timestamp {
    var json: JSONValue { .string(iso8601) }
}

extension Optional where Wrapped == Timestamp {
    var json: JSONValue { map { .string($0.iso8601) } ?? .null }
}

extension Optional where Wrapped == String {
    var json: JSONValue { map { .string($0) } ?? .null }
}

extension Optional where Wrapped == Int {
    var json: JSONValue { map { .int($0) } ?? .null }
}
