/// The shape of a timeline as a player sees it: when each event happened, where the phases
/// change and the injects fall, and which gaps are long enough to compress.
///
/// The rule for long gaps: a gap of more than `longGap` seconds (10 minutes) between two events is
/// compressed. A player crosses it in at most `longGapWallMillis` (2 s) of real time, whatever the
/// speed, and shows it as such; a scrub bar gives it the width of a `longGap`, so a night between
/// two working days does not squeeze the working days into a few columns.
public struct ReplayTimeline: Sendable, Equatable {
    public static let longGap = 600
    public static let longGapWallMillis: Int64 = 2000

    /// `times[seq - 1]` is the time of the event at `seq`.
    public let times: [Timestamp]
    /// Phase changes, injects and the ends of drills, in seq order.
    public let marks: [ReplayMark]
    /// The compressed gaps, in seq order.
    public let gaps: [ReplayGap]
    /// Each event's place on the compressed axis, in milliseconds from the declaration.
    public let positions: [Int64]

    public init(events: [Event]) {
        var times: [Timestamp] = []
        var marks: [ReplayMark] = []
        var gaps: [ReplayGap] = []
        var positions: [Int64] = []
        times.reserveCapacity(events.count)
        positions.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            if let previous = times.last {
                let span = Self.span(from: previous, to: event.ts)
                if Self.isLong(span) { gaps.append(ReplayGap(after: index, seconds: Int(span / 1000))) }
                positions.append(positions[index - 1] + min(span, Int64(Self.longGap) * 1000))
            } else {
                positions.append(0)
            }
            times.append(event.ts)
            if let kind = ReplayMark.Kind(event) { marks.append(ReplayMark(seq: event.seq, kind: kind)) }
        }
        self.times = times
        self.marks = marks
        self.gaps = gaps
        self.positions = positions
    }

    public var count: Int { times.count }

    public func time(of seq: Int) -> Timestamp { times[min(max(seq, 1), count) - 1] }

    /// The seqs where a phase begins or the incident closes, the declaration first.
    public var phaseBoundaries: [Int] { marks.filter(\.kind.isPhaseBoundary).map(\.seq) }

    /// Milliseconds from one event to the next, never negative (a clock may have stepped back).
    static func span(from: Timestamp, to: Timestamp) -> Int64 { max(0, to.millis - from.millis) }

    static func isLong(_ span: Int64) -> Bool { span > Int64(longGap) * 1000 }
}

/// Something a player and a scrub bar point out.
public struct ReplayMark: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The declaration; the incident starts in this phase.
        case declared(phase: String)
        /// The team moved into this phase.
        case phase(String)
        case closed
        case inject(String)
        case drillEnded

        public var isPhaseBoundary: Bool {
            switch self {
            case .declared, .phase, .closed: true
            case .inject, .drillEnded: false
            }
        }

        init?(_ event: Event) {
            switch event.type {
            case EventType.declared: self = .declared(phase: event.data.string("phase") ?? "")
            case EventType.phaseAdvanced: self = .phase(event.data.string("to") ?? "")
            case EventType.closed: self = .closed
            case EventType.injectDelivered: self = .inject(event.data.string("inject") ?? "")
            case EventType.drillEnded: self = .drillEnded
            default: return nil
            }
        }
    }

    public var seq: Int
    public var kind: Kind
}

/// A compressed gap: between the event at `after` and the next one, `seconds` passed.
public struct ReplayGap: Sendable, Hashable {
    public var after: Int
    public var seconds: Int

    public init(after: Int, seconds: Int) {
        self.after = after
        self.seconds = seconds
    }
}
