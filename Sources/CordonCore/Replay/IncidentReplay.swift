/// Any moment of an incident's timeline, as the one fold made it then: the state after any event,
/// or at any time, with the `now` its deadline clocks are read at.
///
/// Keeps a folded snapshot every `interval` events and folds forward from the nearest one below,
/// so reaching any event costs a copy of one state and at most `interval - 1` applications of the
/// fold. The default interval keeps at most about 128 snapshots, so memory stays bounded on a
/// timeline whose state is large (thousands of notices), while a 100,000-event timeline still
/// seeks in a few milliseconds.
///
///     let replay = try IncidentReplay(events: session.events)
///     let moment = replay.moment(at: 42)
///     StatusDocument.make(playbook: playbook, state: moment.state, now: moment.now)
public struct IncidentReplay: Sendable {
    public let events: [Event]
    public let interval: Int
    /// `snapshots[k]` is the state after the event at index `k * interval`.
    private let snapshots: [IncidentState]
    /// The latest `ts` among the events up to each index: time lookups stay right when a clock stepped back.
    private let reach: [Int64]

    public init(events: [Event], interval: Int? = nil) throws(IncidentState.FoldError) {
        guard let first = events.first else { throw IncidentState.FoldError(seq: 0, reason: "the timeline is empty") }
        for (index, event) in events.enumerated() where event.seq != index + 1 {
            throw IncidentState.FoldError(seq: event.seq, reason: "found seq \(event.seq) where \(index + 1) belongs; replay needs the whole timeline from its first line")
        }
        let interval = max(1, interval ?? max(256, events.count / 128))
        var state = try IncidentState(declaration: first)
        var snapshots = [state]
        var reach = [first.ts.millis]
        snapshots.reserveCapacity(events.count / interval + 1)
        reach.reserveCapacity(events.count)
        for index in 1..<events.count {
            state.apply(events[index])
            if index % interval == 0 { snapshots.append(state) }
            reach.append(max(reach[index - 1], events[index].ts.millis))
        }
        self.events = events
        self.interval = interval
        self.snapshots = snapshots
        self.reach = reach
    }

    /// The number of events, which is also the last seq.
    public var count: Int { events.count }

    /// The state right after the event at `seq` (clamped to the timeline).
    public func state(at seq: Int) -> IncidentState {
        let index = min(max(seq, 1), count) - 1
        var state = snapshots[index / interval]
        var next = index / interval * interval + 1
        while next <= index {
            state.apply(events[next])
            next += 1
        }
        return state
    }

    /// The last seq that had been recorded at `time`: the longest prefix of the timeline whose
    /// events all bear a time at or before it. `nil` before the declaration.
    public func seq(at time: Timestamp) -> Int? {
        guard reach[0] <= time.millis else { return nil }
        var low = 0
        var high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if reach[middle] <= time.millis { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// Right after the event at `seq`: its state, read at that event's own time.
    public func moment(at seq: Int) -> ReplayMoment {
        let seq = min(max(seq, 1), count)
        let state = state(at: seq)
        return ReplayMoment(seq: seq, state: state, now: state.local(events[seq - 1].ts), events: events[..<seq])
    }

    /// At `time`: every event recorded by then, read at `time` shown at the incident's offset,
    /// as `cordon status` shows it. `nil` before the declaration.
    public func moment(at time: Timestamp) -> ReplayMoment? {
        seq(at: time).map { moment(at: ReplayPosition(seq: $0, time: time)) }
    }

    /// Where a player stands: the state after its event, read at its time.
    public func moment(at position: ReplayPosition) -> ReplayMoment {
        let seq = min(max(position.seq, 1), count)
        let state = state(at: seq)
        return ReplayMoment(seq: seq, state: state, now: state.local(position.time), events: events[..<seq])
    }

    /// The marks, gaps and times a player and a scrub bar need.
    public var timeline: ReplayTimeline { ReplayTimeline(events: events) }
}

/// One moment of a replay.
public struct ReplayMoment: Sendable {
    /// The last event that had happened.
    public var seq: Int
    public var state: IncidentState
    /// The time the deadline clocks are read at, at the incident's offset.
    public var now: Timestamp
    /// The timeline up to and including `seq`.
    public var events: ArraySlice<Event>

    /// What `cordon status ID --json` printed at this moment.
    public func status(playbook: Playbook) -> JSONValue {
        StatusDocument.make(playbook: playbook, state: state, now: now)
    }
}

/// Where a replay stands: after the event at `seq`, at `time` (the event's own time, or later
/// while playing through the gap before the next one).
public struct ReplayPosition: Sendable, Hashable {
    public var seq: Int
    public var time: Timestamp

    public init(seq: Int, time: Timestamp) {
        self.seq = seq
        self.time = time
    }
}
