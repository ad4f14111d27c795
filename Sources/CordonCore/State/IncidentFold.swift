/// The fold: `state = events.reduce(declaration, apply)`.
extension IncidentState {
    /// Names what the fold below computes. A checkpoint of a state (see `Checkpoint` in
    /// CordonStore) is trusted only by a fold of the same revision, so bump this whenever
    /// `apply` or a state type changes what it makes of an event; `FoldRevisionTests` fails
    /// until it is bumped.
    public static let foldRevision = 3

    public struct FoldError: Error, Equatable, CustomStringConvertible {
        public var seq: Int
        public var reason: String
        public var description: String { "seq \(seq): \(reason)" }
    }

    /// The state right after an `incident.declared` event.
    public init(declaration event: Event) throws(FoldError) {
        let data = event.data
        guard event.type == EventType.declared else {
            throw FoldError(seq: event.seq, reason: "the first event must be \(EventType.declared), not \(event.type)")
        }
        guard let id = data.string("id"), let title = data.string("title"),
              let playbook = data.string("playbook"), let phase = data.string("phase")
        else { throw FoldError(seq: event.seq, reason: "the declaration lacks id, title, playbook or phase") }
        let severity = data.string("severity").flatMap(Severity.init(rawValue:))
        let detectedAt = data.string("detected_at").flatMap(Timestamp.init(iso8601:)) ?? event.ts
        self.init(
            id: id, title: title, playbookId: playbook, playbookVersion: data.int("playbook_version") ?? 1,
            playbookSha256: data.string("playbook_sha256"),
            isDrill: data.bool("drill") ?? false, declaredAt: event.ts, detectedAt: detectedAt,
            severity: severity,
            severityHistory: severity.map { [SeverityChange(at: event.ts, severity: $0, seq: event.seq, reason: nil)] } ?? [],
            phase: phase, phaseHistory: [], closedAt: nil, steps: [:], assignments: [:], notices: [],
            noteCount: 0, lastSeq: event.seq, lastEventAt: event.ts, unknownEventCount: 0
        )
        scenarioSha256 = data.string("scenario_sha256")
    }

    /// Folds a whole timeline, first line first.
    public static func fold(_ events: some Sequence<Event>) throws(FoldError) -> IncidentState {
        var iterator = events.makeIterator()
        guard let first = iterator.next() else { throw FoldError(seq: 0, reason: "the timeline is empty") }
        var state = try IncidentState(declaration: first)
        while let event = iterator.next() {
            state.apply(event)
        }
        return state
    }

    /// Moves the state past one event. Never fails: an event this version cannot read
    /// (a newer type, or data it does not recognise) is counted and otherwise left alone.
    public mutating func apply(_ event: Event) {
        lastSeq = event.seq
        lastEventAt = event.ts
        if !applyKnown(event) {
            unknownEventCount = unknownEventCount.saturatingSuccessor
        }
    }

    private mutating func applyKnown(_ event: Event) -> Bool {
        let data = event.data
        let reason = data.string("reason")
        switch event.type {
        case EventType.stepStarted, EventType.stepCompleted, EventType.stepSkipped,
            EventType.stepBlocked, EventType.stepReopened:
            guard let step = data.string("step") else { return false }
            let state: StepState =
                switch event.type {
                case EventType.stepStarted: .active
                case EventType.stepCompleted: .done
                case EventType.stepSkipped: .skipped
                case EventType.stepBlocked: .blocked
                default: .pending
                }
            steps[step] = StepProgress(
                state: state, at: event.ts, by: event.actorLabel, seq: event.seq, reason: reason,
                completedAt: state == .done ? event.ts : nil
            )
        case EventType.noteAdded:
            guard data.string("text") != nil else { return false }
            noteCount = noteCount.saturatingSuccessor
            applyDrillNote(event)
        case EventType.roleAssigned:
            guard let role = data.string("role"), let person = data.string("person") else { return false }
            assignments[role] = person
        case EventType.classified:
            guard let severity = data.string("severity").flatMap(Severity.init(rawValue:)) else { return false }
            self.severity = severity
            severityHistory.append(SeverityChange(at: event.ts, severity: severity, seq: event.seq, reason: reason))
        case EventType.phaseAdvanced:
            guard let from = data.string("from"), let to = data.string("to") else { return false }
            phase = to
            phaseHistory.append(PhaseChange(at: event.ts, from: from, to: to, forced: data.bool("forced") ?? false, reason: reason, seq: event.seq))
        case EventType.closed:
            closedAt = event.ts
            phaseHistory.append(PhaseChange(at: event.ts, from: phase, to: nil, forced: data.bool("forced") ?? false, reason: reason, seq: event.seq))
        case EventType.noticeSent:
            guard let audience = data.string("audience"), let channel = data.string("channel") else { return false }
            var sent: SentText?
            if let text = data.string("text"), let sha256 = data.string("sha256") {
                sent = SentText(
                    subject: data.string("subject"), text: text, sha256: sha256,
                    source: data.string("source").flatMap(SentText.Source.init(rawValue:)) ?? .draft)
            }
            notices.append(NoticeRecord(
                audience: audience, channel: channel, reference: data.string("reference"), at: event.ts, by: event.actorLabel,
                seq: event.seq, stage: data.string("stage").flatMap(ReportStage.init(rawValue:)), sent: sent))
        default:
            return applyRecord(event) || applyDrill(event)
        }
        return true
    }
}

extension Int {
    /// One more, or `Int.max` where that is already reached: a count in a state read back from
    /// a checkpoint must never trap the fold that continues it.
    var saturatingSuccessor: Int { self == .max ? self : self + 1 }
}

extension IncidentState {
    /// Whether a state read back from outside the fold (a checkpoint) could be the fold of
    /// `seq` lines: its counters fit in that many lines and its drill clock runs at a speed
    /// a drill can have. A checkpoint whose state is not plausible is never trusted.
    public func isPlausible(atSeq seq: Int) -> Bool {
        guard lastSeq == seq, noteCount >= 0, noteCount <= seq, unknownEventCount >= 0, unknownEventCount <= seq else { return false }
        if let drill {
            guard DrillRules.speedRange.contains(drill.clock.speed),
                  drill.plan.allSatisfy({ (0...Self.longestDrillOffset).contains($0.at) }),
                  (0...Self.longestDrillOffset).contains(drill.duration ?? 0)
            else { return false }
        }
        return true
    }
}
