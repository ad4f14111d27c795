/// What the facilitator can do to the drill clock.
public enum DrillClockAction: Sendable, Hashable {
    case pause
    case resume
    case speed(Int)
    /// Move the clock forward to the next inject (`f` in the console).
    case skipToNextInject
}

/// Why a drill ended.
public enum DrillEndReason: String, Sendable, Hashable {
    /// The facilitator ended it.
    case facilitator
    /// The scenario's time ran out.
    case time
    /// The facilitator's terminal hung up (SIGHUP: a dropped SSH link, a closed window).
    case hangup
    /// The facilitator's console was stopped by Ctrl-C or SIGTERM.
    case signal

    /// How the evaluation and the report say it: `时间到`, `ended by the facilitator`.
    public var title: LocalizedText {
        switch self {
        case .facilitator: LocalizedText(zh: "主持人结束", en: "ended by the facilitator")
        case .time: LocalizedText(zh: "时间到", en: "time up")
        case .hangup: LocalizedText(zh: "主持人的终端断开（挂断）", en: "the facilitator's terminal hung up")
        case .signal: LocalizedText(zh: "主持人的控制台被中止（Ctrl-C 或 SIGTERM）", en: "the facilitator's console was stopped (Ctrl-C or SIGTERM)")
        }
    }

    /// The title of the reason recorded in a timeline; one from a newer version shows as written.
    public static func title(of recorded: String?) -> LocalizedText {
        guard let recorded else { return DrillEndReason.facilitator.title }
        return DrillEndReason(rawValue: recorded)?.title ?? LocalizedText(zh: recorded, en: recorded)
    }
}

/// The rules of running a drill: each answers with events to record or a refusal, like
/// `IncidentRules`, and reads no clock: drill time (`now`, from the `DrillClock`) and wall time
/// (`wall`, its underlying clock) are handed in.
public enum DrillRules {
    /// From real time to a thousand hours a second; `--speed 600` plays ten minutes a second.
    public static let speedRange = 1...10_000

    // MARK: - Starting

    /// Starts the drill clock on a declared drill, fixing the plan from `seed`. The number of
    /// customers thought affected at the start is recorded as the first scope estimate. `console`
    /// tells the starting console apart from others: it alone conducts the drill until another takes over.
    public static func start(scenario: Scenario, seed: Int, speed: Int, state: IncidentState, playbook: Playbook, wall: Timestamp, console: String? = nil) -> Decision {
        guard state.isDrill else {
            return .refuse(Refusal("not-a-drill", zh: "\(state.id) 是真实事件，不是演练；演练用 cordon drill 场景 开始。", en: "\(state.id) is a real incident, not a drill; start drills with: cordon drill SCENARIO"))
        }
        guard state.drill == nil else {
            return .refuse(Refusal("drill-started", zh: "演练 \(state.id) 已经开始。", en: "Drill \(state.id) has already started."))
        }
        if let refusal = refuseBadSpeed(speed) { return .refuse(refusal) }
        guard state.playbookId == scenario.playbook else {
            return .refuse(Refusal("wrong-playbook", zh: "场景 \(scenario.id) 演练剧本 \(scenario.playbook)，而 \(state.id) 使用剧本 \(state.playbookId)。", en: "Scenario \(scenario.id) exercises playbook \(scenario.playbook), but \(state.id) runs \(state.playbookId)."))
        }
        let plan = DrillPlan.make(scenario, seed: seed)
        var data: JSONObject = [
            "scenario": .string(scenario.id),
            "seed": .int(seed),
            "speed": .int(speed),
            "duration": .int(scenario.duration),
            "wall_at": .string(wall.iso8601),
            "plan": .array(plan.entries.map { .object(["inject": .string($0.inject), "at": .int($0.at), "version": .int($0.version)]) }),
        ]
        if !scenario.start.facts.isEmpty { data["facts"] = .array(scenario.start.facts.map(\.json)) }
        if let console { data["console"] = .string(console) }
        var drafts = [EventDraft(EventType.drillStarted, data)]
        if let affected = scenario.start.affected {
            drafts += scope(people: affected, confidence: .low, basis: "演练起始情况 · drill starting situation", state: state, playbook: playbook)
        }
        return .accept(drafts)
    }

    // MARK: - The clock

    /// Moves the clock for the console told apart by `console`, which must be the one conducting.
    public static func clock(_ action: DrillClockAction, state: IncidentState, now: Timestamp, wall: Timestamp, console: String? = nil) -> Decision {
        let drill: DrillState
        switch running(state, conductedFrom: console) {
        case .success(let current): drill = current
        case .failure(let refusal): return .refuse(refusal)
        }
        var data: JSONObject = ["action": "", "speed": .int(drill.clock.speed), "wall_at": .string(wall.iso8601)]
        switch action {
        case .pause:
            guard drill.clock.isRunning else {
                return .refuse(Refusal("drill-paused", zh: "演练时钟已暂停。", en: "The drill clock is already paused."))
            }
            data["action"] = "pause"
        case .resume:
            guard !drill.clock.isRunning else {
                return .refuse(Refusal("drill-running", zh: "演练时钟正在运行。", en: "The drill clock is already running."))
            }
            data["action"] = "resume"
        case .speed(let speed):
            if let refusal = refuseBadSpeed(speed) { return .refuse(refusal) }
            guard speed != drill.clock.speed else { return .accept([]) }
            data["action"] = "speed"
            data["speed"] = .int(speed)
        case .skipToNextInject:
            guard let next = drill.upcoming.first else {
                return .refuse(Refusal("no-injects-left", zh: "所有注入都已送达；可随时结束演练。", en: "Every inject has been delivered; end the drill when the team is done."))
            }
            let target = drill.startedAt.adding(seconds: next.at)
            guard target > now else { return .accept([]) }
            data["action"] = "skip"
            data["to"] = .string(target.shown(atOffset: now.offsetSeconds).iso8601)
        }
        return .accept([EventDraft(EventType.drillClock, data)])
    }

    /// A facilitator at `console` takes the drill over from whoever conducted it (a console that
    /// crashed, or lost its line without ending the drill): the clock is held where it stands
    /// until they resume it, and from then on only `console` moves it, delivers injects and ends
    /// the drill. The other console, if it still runs, sees this and stops conducting.
    public static func takeOver(console: String, state: IncidentState, now: Timestamp, wall: Timestamp) -> Decision {
        let drill: DrillState
        switch running(state) {
        case .success(let current): drill = current
        case .failure(let refusal): return .refuse(refusal)
        }
        guard drill.facilitatorConsole != console else {
            return .refuse(Refusal("drill-conducted-here", zh: "这个控制台已在主持演练 \(state.id)。", en: "This console already conducts drill \(state.id)."))
        }
        var data: JSONObject = ["action": "takeover", "console": .string(console), "speed": .int(drill.clock.speed), "wall_at": .string(wall.iso8601)]
        if let previous = drill.facilitator { data["previous"] = .string(previous) }
        return .accept([EventDraft(EventType.drillClock, data)])
    }

    // MARK: - Injects

    /// What falls due at drill time `now`: every planned inject whose time has come, each followed
    /// by the facts it forces as ordinary events (a severity as `incident.classified`, a number of
    /// affected customers as `scope.assessed`), and the end of the drill once its time is up. What the
    /// console records on every tick; empty when nothing is due. The drill clock waits at each
    /// inject until it is recorded, so injects are stamped with exactly their planned time.
    /// Only the console conducting the drill (`console`) delivers: decided against the latest
    /// state under the journal's lock, an inject is never delivered twice, even by two consoles
    /// that both believe they conduct the drill.
    public static func due(scenario: Scenario, state: IncidentState, playbook: Playbook, now: Timestamp, wall: Timestamp, console: String? = nil) -> [EventDraft] {
        guard let drill = state.drill, !drill.hasEnded, drill.isConducted(from: console) else { return [] }
        let elapsed = drill.offset(of: now)
        var preview = state
        var drafts: [EventDraft] = []
        for entry in drill.upcoming where entry.at <= elapsed {
            guard let inject = scenario.inject(entry.inject) else { continue }
            let content = inject.versions[min(max(entry.version, 0), inject.versions.count - 1)]
            var data: JSONObject = [
                "inject": .string(inject.id), "version": .int(entry.version), "due": .int(entry.at),
                "from": content.from.json, "message": content.message.json, "wall_at": .string(wall.iso8601),
            ]
            if let severity = content.forces.severity { data["severity"] = .string(severity.rawValue) }
            if let affected = content.forces.affected { data["affected"] = .int(affected) }
            var batch = [EventDraft(EventType.injectDelivered, data)]
            // Recorded reasons name who the inject came from, as the people in the room heard it.
            let because = "演练注入（来自\(content.from.zh)）· drill inject from \(content.from.en)"
            if let severity = content.forces.severity {
                let reason = because
                if var classified = IncidentRules.decide(.classify(severity, reason: reason), state: preview, playbook: playbook).events {
                    classified[0].data["inject"] = .string(inject.id)
                    batch += classified
                }
            }
            if let affected = content.forces.affected {
                var assessed = scope(people: affected, confidence: .high, basis: because, state: preview, playbook: playbook)
                if !assessed.isEmpty { assessed[0].data["inject"] = .string(inject.id) }
                batch += assessed
            }
            preview = preview.previewing(batch, at: now)
            drafts += batch
        }
        if elapsed >= scenario.duration, let ending = end(.time, scenario: scenario, state: preview, playbook: playbook, now: now, wall: wall, console: console).events {
            drafts += ending
        }
        return drafts
    }

    // MARK: - Ending

    /// Ends the drill and stops its clock; the score at that moment is recorded with it. Only the
    /// console conducting the drill (`console`) ends it.
    public static func end(_ reason: DrillEndReason, scenario: Scenario, state: IncidentState, playbook: Playbook, now: Timestamp, wall: Timestamp, console: String? = nil) -> Decision {
        if case .failure(let refusal) = running(state, conductedFrom: console) { return .refuse(refusal) }
        let evaluation = DrillEvaluation.make(scenario: scenario, playbook: playbook, state: state.previewing([EventDraft(EventType.drillEnded, ["wall_at": .string(wall.iso8601)])], at: now), now: now)
        return .accept([EventDraft(EventType.drillEnded, [
            "reason": .string(reason.rawValue), "score": .int(evaluation.score), "max_score": .int(evaluation.maximumScore),
            "wall_at": .string(wall.iso8601),
        ])])
    }

    // MARK: - Notes

    /// A note that answers a delivered inject: what the team would have said to the caller.
    public static func answer(inject: String, text: String, state: IncidentState, playbook: Playbook) -> Decision {
        guard let drill = state.drill else { return .refuse(notStarted(state)) }
        guard drill.delivery(of: inject) != nil else {
            let delivered = drill.delivered.map(\.inject).joined(separator: ", ")
            return .refuse(Refusal("inject-not-delivered", zh: "注入“\(inject)”尚未送达，无法回应；已送达：\(delivered.isEmpty ? "无" : delivered)。", en: "Inject '\(inject)' has not reached the team, so it cannot be answered; delivered so far: \(delivered.isEmpty ? "none" : delivered)."))
        }
        return note(text, state: state, playbook: playbook, key: "inject", value: inject)
    }

    /// A lesson learned or an improvement action for the evaluation.
    public static func debrief(_ kind: DebriefKind, text: String, state: IncidentState, playbook: Playbook) -> Decision {
        guard state.drill != nil else { return .refuse(notStarted(state)) }
        return note(text, state: state, playbook: playbook, key: "debrief", value: kind.rawValue)
    }

    // MARK: - Shared checks

    /// A scope estimate of `people` affected customers, or nothing when the estimate already says so.
    private static func scope(people: Int, confidence: Confidence, basis: String, state: IncidentState, playbook: Playbook) -> [EventDraft] {
        RecordRules.decide(.assessScope(ScopeInput(people: people, confidence: confidence, basis: basis)), state: state, playbook: playbook).events ?? []
    }

    private static func note(_ text: String, state: IncidentState, playbook: Playbook, key: String, value: String) -> Decision {
        switch IncidentRules.decide(.note(text), state: state, playbook: playbook) {
        case .refuse(let refusal): return .refuse(refusal)
        case .accept(var drafts):
            drafts[0].data[key] = .string(value)
            return .accept(drafts)
        }
    }

    private static func running(_ state: IncidentState) -> Result<DrillState, Refusal> {
        guard let drill = state.drill else { return .failure(notStarted(state)) }
        if let refusal = IncidentRules.refuseIfDrillEnded(state) { return .failure(refusal) }
        return .success(drill)
    }

    /// The running drill, if the console told apart by `console` conducts it.
    private static func running(_ state: IncidentState, conductedFrom console: String?) -> Result<DrillState, Refusal> {
        running(state).flatMap { drill in
            guard drill.isConducted(from: console) else {
                let who = drill.facilitator ?? "?"
                return .failure(Refusal(
                    "drill-conducted-elsewhere", zh: "演练 \(state.id) 由 \(who) 在另一控制台主持，不是这一个；未做任何更改。要在这里主持，请在控制台按 T 接管。",
                    en: "Drill \(state.id) is conducted by \(who) at another console, not this one; nothing was changed. To conduct it from here, take it over with T in the console."))
            }
            return .success(drill)
        }
    }

    private static func notStarted(_ state: IncidentState) -> Refusal {
        state.isDrill
            ? Refusal("drill-not-started", zh: "演练 \(state.id) 的时钟尚未开始。", en: "The clock of drill \(state.id) has not started yet.")
            : Refusal("not-a-drill", zh: "\(state.id) 是真实事件，不是演练。", en: "\(state.id) is a real incident, not a drill.")
    }

    private static func refuseBadSpeed(_ speed: Int) -> Refusal? {
        guard !speedRange.contains(speed) else { return nil }
        return Refusal("bad-speed", zh: "倍速须在 \(speedRange.lowerBound) 到 \(speedRange.upperBound) 之间，而不是 \(speed)。", en: "The speed must be between \(speedRange.lowerBound) and \(speedRange.upperBound), not \(speed).")
    }
}

extension IncidentState {
    /// The state as if `drafts` were recorded at `moment`: how a rule that decides several things
    /// at once sees its own earlier decisions.
    public func previewing(_ drafts: [EventDraft], at moment: Timestamp) -> IncidentState {
        var copy = self
        for (offset, draft) in drafts.enumerated() {
            copy.apply(Event(seq: lastSeq + offset + 1, ts: moment, actor: "", type: draft.type, data: draft.data, prev: Event.genesisHash))
        }
        return copy
    }
}
