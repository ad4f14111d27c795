/// A replay moment handed to the console as if it were the incident: the same view renders it,
/// read-only. Its `clock` reads the moment's time, so deadline clocks show the time left then.
///
///     let journal = ReplayJournal(playbook: playbook, moment: replay.moment(at: player.position))
///     // after every action or tick of the player:
///     journal.show(replay.moment(at: player.position))
public final class ReplayJournal: IncidentJournal {
    public let playbook: Playbook
    public private(set) var moment: ReplayMoment
    /// The timeline up to the moment, copied only when the moment moves to another event.
    public private(set) var events: [Event]

    public init(playbook: Playbook, moment: ReplayMoment) {
        self.playbook = playbook
        self.moment = moment
        events = Array(moment.events)
    }

    public var state: IncidentState { moment.state }
    /// The moment's own time.
    public var clock: any Clock { ReplayClock(moment: moment.now) }

    public func show(_ moment: ReplayMoment) {
        if moment.seq != self.moment.seq { events = Array(moment.events) }
        self.moment = moment
    }

    public func refresh() throws -> [Event] { [] }

    @discardableResult
    public func perform(_ command: Command) throws -> [Event] {
        throw Refusal("replay-read-only", zh: "回放只能查看，不能记录；要继续处置请打开事件本身。", en: "A replay is read-only; open the incident itself to work it.")
    }
}

/// A clock stopped at one moment of a replay.
struct ReplayClock: Clock {
    let moment: Timestamp

    func now() -> Timestamp { moment }
}
