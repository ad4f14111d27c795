/// Folding the drill's own events, and the notes that answer injects or record the debrief.
///
/// Numbers come from a file anyone could have edited before re-chaining it, so offsets,
/// durations and speeds outside what a drill can have make the event unreadable (counted as
/// unknown) instead of reaching arithmetic that would trap.
extension IncidentState {
    /// Ten years, in seconds: longer than any drill.
    static let longestDrillOffset = 315_360_000

    mutating func applyDrill(_ event: Event) -> Bool {
        let data = event.data
        let wall = data.string("wall_at").flatMap(Timestamp.init(iso8601:))
        switch event.type {
        case EventType.drillStarted:
            guard drill == nil, let scenario = data.string("scenario"), let seed = data.int("seed"),
                  let speed = data.int("speed"), DrillRules.speedRange.contains(speed), let wall, let plan = Self.plan(data["plan"]),
                  Self.isDrillOffset(data.int("duration") ?? 0)
            else { return false }
            var started = DrillState(
                scenario: scenario, seed: seed, startedAt: event.ts, plan: plan, duration: data.int("duration"),
                facts: data["facts"]?.array?.compactMap { LocalizedText(json: $0) } ?? [],
                clock: DrillClockSetting(wallAt: wall, drillAt: event.ts, speed: speed, isRunning: true),
                delivered: [], answers: [], debrief: [], endedAt: nil, endReason: nil)
            started.clock.limit = started.nextStop
            started.facilitator = event.actorLabel
            started.facilitatorConsole = data.string("console")
            drill = started
        case EventType.drillClock:
            guard var current = drill, !current.hasEnded, let wall, let action = data.string("action") else { return false }
            let speed = data.int("speed") ?? current.clock.speed
            let to = data.string("to").flatMap(Timestamp.init(iso8601:)) ?? event.ts
            guard DrillRules.speedRange.contains(speed), ["pause", "resume", "speed", "skip", "takeover"].contains(action) else { return false }
            if action == "takeover" {
                // The new facilitator starts with the clock held, to get their bearings.
                guard let console = data.string("console") else { return false }
                current.facilitator = event.actorLabel
                current.facilitatorConsole = console
            }
            let running = action == "pause" || action == "takeover" ? false : action == "resume" ? true : current.clock.isRunning
            current.clock = DrillClockSetting(wallAt: wall, drillAt: max(to, event.ts), speed: speed, isRunning: running, limit: current.nextStop)
            drill = current
        case EventType.injectDelivered:
            guard var current = drill, let inject = data.string("inject"),
                  let from = LocalizedText(json: data["from"]), let message = LocalizedText(json: data["message"])
            else { return false }
            current.delivered.append(DeliveredInject(
                inject: inject, version: data.int("version") ?? 0, due: data.int("due") ?? current.offset(of: event.ts),
                at: event.ts, seq: event.seq, from: from, message: message,
                severity: data.string("severity").flatMap(Severity.init(rawValue:)), affected: data.int("affected")))
            if let wall { current.clock.wallAt = wall }
            current.clock.drillAt = max(current.clock.drillAt, event.ts)
            current.clock.limit = current.nextStop
            drill = current
        case EventType.drillEnded:
            guard var current = drill, !current.hasEnded, let wall else { return false }
            current.endedAt = event.ts
            current.endReason = data.string("reason")
            current.score = data.int("score")
            current.maximumScore = data.int("max_score")
            current.clock = DrillClockSetting(wallAt: wall, drillAt: event.ts, speed: current.clock.speed, isRunning: false)
            drill = current
        default:
            return false
        }
        return true
    }

    /// A note with `inject` answers that inject; one with `debrief` is a lesson or an improvement action.
    mutating func applyDrillNote(_ event: Event) {
        guard var current = drill, let text = event.data.string("text") else { return }
        if let inject = event.data.string("inject") {
            current.answers.append(InjectAnswer(inject: inject, at: event.ts, by: event.actorLabel, seq: event.seq))
        }
        if let kind = event.data.string("debrief").flatMap(DebriefKind.init(rawValue:)) {
            current.debrief.append(DebriefNote(kind: kind, text: text, at: event.ts, by: event.actorLabel, seq: event.seq))
        }
        drill = current
    }

    private static func plan(_ value: JSONValue?) -> [DrillPlan.Entry]? {
        guard let items = value?.array else { return nil }
        var entries: [DrillPlan.Entry] = []
        for item in items {
            guard let object = item.object, let inject = object.string("inject"), let at = object.int("at"), isDrillOffset(at) else { return nil }
            entries.append(DrillPlan.Entry(inject: inject, at: at, version: object.int("version") ?? 0))
        }
        return entries
    }

    private static func isDrillOffset(_ seconds: Int) -> Bool {
        (0...longestDrillOffset).contains(seconds)
    }
}
