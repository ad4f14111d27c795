import CordonCore

/// A replay on the console: the engine's replay and player over an incident's events, and the
/// read-only journal through which the one console view shows the moment the player stands at.
///
///     let session = try ReplaySession(events: journal.events, playbook: journal.playbook)
///     session.perform(.togglePlay, wall: clock.now())
///     session.tick(wall: clock.now())   // true when the view moved
public final class ReplaySession {
    public let replay: IncidentReplay
    public let journal: ReplayJournal
    public private(set) var player: ReplayPlayer

    public init(events: [Event], playbook: Playbook, at seq: Int = 1, speed: Int = 10) throws(IncidentState.FoldError) {
        replay = try IncidentReplay(events: events)
        player = ReplayPlayer(timeline: replay.timeline, at: seq, speed: speed)
        journal = ReplayJournal(playbook: playbook, moment: replay.moment(at: player.position))
    }

    /// The time the moment is read at: the deadline clocks show the time left then.
    public var now: Timestamp { journal.moment.now }

    public func perform(_ action: ReplayAction, wall: Timestamp) {
        player.perform(action, wall: wall)
        journal.show(replay.moment(at: player.position))
    }

    /// Plays on to wall time `wall`; returns whether anything on screen moved.
    @discardableResult
    public func tick(wall: Timestamp) -> Bool {
        let before = player
        player.tick(wall: wall)
        guard player.position != before.position || player.isPlaying != before.isPlaying else { return false }
        journal.show(replay.moment(at: player.position))
        return true
    }
}
