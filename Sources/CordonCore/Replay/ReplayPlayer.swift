/// What a person does to a replay.
public enum ReplayAction: Sendable, Hashable {
    case togglePlay
    case stepForward
    case stepBack
    case nextPhase
    case previousPhase
    case toStart
    case toEnd
    case faster
    case slower
    case speed(Int)
    /// Go to the event at this seq (a click or a drag on the scrub bar).
    case seek(Int)
}

/// The replay player as a value: where it stands, whether it plays and how fast. It reads no
/// clock; the console hands it the wall time with every action and tick, so tests drive it with
/// a `ManualClock` and never sleep.
///
/// Playing runs the incident's own time at `speed` times real time, except that a long gap (see
/// `ReplayTimeline.longGap`) is crossed in at most two seconds; `gap` says when that is happening.
///
///     var player = ReplayPlayer(timeline: replay.timeline)
///     player.perform(.togglePlay, wall: clock.now())
///     player.tick(wall: clock.now())           // on every frame
///     let moment = replay.moment(at: player.position)
public struct ReplayPlayer: Sendable, Equatable {
    /// The speeds `faster` and `slower` step through.
    public static let speeds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]

    public let timeline: ReplayTimeline
    public private(set) var position: ReplayPosition
    public private(set) var isPlaying = false
    public private(set) var speed: Int
    /// The wall time of the last action or tick: playing advances by the wall time since then.
    private var lastWall: Timestamp?

    public init(timeline: ReplayTimeline, at seq: Int = 1, speed: Int = 10) {
        self.timeline = timeline
        position = Self.position(seq, in: timeline)
        self.speed = min(max(speed, 1), 1000)
    }

    public var isAtStart: Bool { position.seq == 1 && position.time <= timeline.time(of: 1) }
    public var isAtEnd: Bool { position.seq == timeline.count }

    /// The compressed gap being played through, if any: "3h12m later".
    public var gap: ReplayGap? {
        guard position.seq < timeline.count, position.time > timeline.time(of: position.seq) else { return nil }
        return timeline.gaps.first { $0.after == position.seq }
    }

    public mutating func perform(_ action: ReplayAction, wall: Timestamp) {
        lastWall = wall
        let seq = position.seq
        let isBetween = position.time > timeline.time(of: seq)
        switch action {
        case .togglePlay:
            if isPlaying {
                isPlaying = false
            } else {
                if isAtEnd { position = at(1) }
                isPlaying = timeline.count > 1
            }
        case .stepForward:
            isPlaying = false
            position = at(seq + 1)
        case .stepBack:
            isPlaying = false
            position = at(isBetween ? seq : seq - 1)
        case .nextPhase:
            position = at(timeline.phaseBoundaries.first { $0 > seq } ?? timeline.count)
        case .previousPhase:
            position = at(timeline.phaseBoundaries.last { $0 < seq || ($0 == seq && isBetween) } ?? 1)
        case .toStart:
            position = at(1)
        case .toEnd:
            isPlaying = false
            position = at(timeline.count)
        case .faster:
            speed = Self.speeds.first { $0 > speed } ?? speed
        case .slower:
            speed = Self.speeds.last { $0 < speed } ?? speed
        case .speed(let value):
            speed = min(max(value, 1), 1000)
        case .seek(let target):
            position = at(target)
        }
        if isAtEnd { isPlaying = false }
    }

    /// Moves playback on by the wall time since the last action or tick.
    public mutating func tick(wall: Timestamp) {
        defer { lastWall = wall }
        guard isPlaying, let last = lastWall else { return }
        var budget = max(0, wall.millis - last.millis)
        while position.seq < timeline.count {
            let from = timeline.time(of: position.seq)
            let target = timeline.time(of: position.seq + 1)
            let rate = self.rate(span: ReplayTimeline.span(from: from, to: target))
            let remaining = max(0, target.millis - position.time.millis)
            let needed = Int64((Double(remaining) / rate).rounded(.up))
            guard needed <= budget else {
                position.time = Timestamp(millis: position.time.millis + Int64(Double(budget) * rate), offsetSeconds: from.offsetSeconds)
                return
            }
            budget -= needed
            position = at(position.seq + 1)
        }
        isPlaying = false
    }

    /// Real milliseconds until the next event shows while playing, so a driver can schedule its
    /// next frame; `nil` when not playing.
    public var wallMillisUntilNextEvent: Int64? {
        guard isPlaying, position.seq < timeline.count else { return nil }
        let from = timeline.time(of: position.seq)
        let target = timeline.time(of: position.seq + 1)
        let remaining = max(0, target.millis - position.time.millis)
        return Int64((Double(remaining) / rate(span: ReplayTimeline.span(from: from, to: target))).rounded(.up))
    }

    /// Incident milliseconds per real millisecond across a gap of `span` milliseconds.
    private func rate(span: Int64) -> Double {
        let plain = Double(speed)
        guard ReplayTimeline.isLong(span) else { return plain }
        return max(plain, Double(span) / Double(ReplayTimeline.longGapWallMillis))
    }

    private func at(_ seq: Int) -> ReplayPosition { Self.position(seq, in: timeline) }

    private static func position(_ seq: Int, in timeline: ReplayTimeline) -> ReplayPosition {
        let seq = min(max(seq, 1), timeline.count)
        return ReplayPosition(seq: seq, time: timeline.time(of: seq))
    }
}
