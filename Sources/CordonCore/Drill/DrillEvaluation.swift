/// How a drill went, as of a moment: every expectation met, missed or still open with its time,
/// the deadlines, the injects and how they were answered, and the debrief.
///
/// A pure function of the scenario, the playbook and the folded state, so the live drill, the
/// evaluation screen, `cordon report` and a replay of the drill at any event all agree.
public struct DrillEvaluation: Sendable, Hashable {
    public struct Result: Sendable, Hashable {
        public enum Outcome: Sendable, Hashable {
            /// Not decided yet; `due` is when it will be, if known.
            case pending(due: Timestamp?)
            case met(at: Timestamp)
            /// `at` is when it became clear: the moment it was done late, or the moment it was due.
            case missed(at: Timestamp, why: Miss)
        }

        public enum Miss: Sendable, Hashable {
            /// Done or answered, but this many seconds late.
            case late(seconds: Int)
            /// Not done by the time it was due.
            case notInTime
            /// The deadline was missed by this many seconds (or is overdue by them).
            case deadlineMissed(seconds: Int)
            /// The deadline's clock never started: the incident was never graded high enough.
            case neverApplied
            /// The drill ended before it was done or before its inject arrived.
            case drillEnded
        }

        /// 1-based, in scenario order.
        public var number: Int
        public var expectation: Expectation
        public var label: LocalizedText
        public var outcome: Outcome
        public var awarded: Int { if case .met = outcome { expectation.points } else { 0 } }
    }

    public var drillId: String
    public var scenario: Scenario
    public var playbook: Playbook
    public var seed: Int?
    /// At the drill's offset (its declaration's), as its evaluation shows it.
    public var startedAt: Timestamp?
    public var endedAt: Timestamp?
    public var endReason: String?
    /// The moment this evaluation describes: the end of the drill once it has ended.
    public var asOf: Timestamp
    public var results: [Result]
    public var deadlines: [DeadlineStatus]
    public var injects: [DeliveredInject]
    public var answers: [InjectAnswer]
    public var lessons: [DebriefNote]
    public var improvements: [DebriefNote]

    public var score: Int { results.reduce(0) { $0 + $1.awarded } }
    public var maximumScore: Int { scenario.maximumScore }

    public static func make(scenario: Scenario, playbook: Playbook, state: IncidentState, now: Timestamp) -> DrillEvaluation {
        let drill = state.drill
        let asOf = drill?.endedAt.map { min($0, now) } ?? now
        let results = scenario.expectations.enumerated().map { index, expectation in
            Result(
                number: index + 1, expectation: expectation,
                label: expectation.title ?? label(expectation, scenario: scenario, playbook: playbook, drill: drill),
                outcome: drill.map { outcome(expectation, drill: $0, state: state, playbook: playbook, asOf: asOf) } ?? .pending(due: nil))
        }
        return DrillEvaluation(
            drillId: state.id, scenario: scenario, playbook: playbook, seed: drill?.seed, startedAt: (drill?.startedAt).map(state.local),
            endedAt: drill?.endedAt, endReason: drill?.endReason, asOf: asOf, results: results,
            deadlines: DeadlineBoard.evaluate(playbook: playbook, state: state, now: asOf),
            injects: drill?.delivered ?? [], answers: drill?.answers ?? [],
            lessons: drill?.debrief.filter { $0.kind == .lesson } ?? [],
            improvements: drill?.debrief.filter { $0.kind == .improvement } ?? [])
    }

    /// Seconds of drill time from the start to `moment`.
    public func offset(of moment: Timestamp) -> Int? { startedAt.map { $0.seconds(to: moment) } }

    // MARK: - Scoring

    private static func outcome(_ expectation: Expectation, drill: DrillState, state: IncidentState, playbook: Playbook, asOf: Timestamp) -> Result.Outcome {
        let ended = drill.endedAt
        switch expectation.kind {
        case .step(let step, let by):
            let due = drill.startedAt.adding(seconds: by)
            if let progress = state.steps[step], progress.state == .done, let done = progress.completedAt {
                return done <= due ? .met(at: done) : .missed(at: done, why: .late(seconds: due.seconds(to: done)))
            }
            if asOf > due { return .missed(at: due, why: .notInTime) }
            if let ended { return .missed(at: ended, why: .drillEnded) }
            return .pending(due: due)

        case .deadline(let id):
            guard let status = DeadlineBoard.evaluate(playbook: playbook, state: state, now: asOf).first(where: { $0.deadline.id == id }) else {
                if let ended { return .missed(at: ended, why: .neverApplied) }
                return .pending(due: nil)
            }
            switch status.state {
            case .met: return .met(at: status.metAt ?? status.due)
            case .missed: return .missed(at: status.metAt ?? status.due, why: .deadlineMissed(seconds: status.lateness))
            case .running:
                if let ended { return .missed(at: ended, why: .drillEnded) }
                return .pending(due: status.due)
            }

        case .answer(let inject, let within):
            guard let delivery = drill.delivery(of: inject) else {
                if let ended { return .missed(at: ended, why: .drillEnded) }
                return .pending(due: nil)
            }
            let due = within.map { delivery.at.adding(seconds: $0) }
            if let answer = drill.answer(to: inject) {
                guard let due, answer.at > due else { return .met(at: answer.at) }
                return .missed(at: answer.at, why: .late(seconds: due.seconds(to: answer.at)))
            }
            if let due, asOf > due { return .missed(at: due, why: .notInTime) }
            if let ended { return .missed(at: ended, why: .drillEnded) }
            return .pending(due: due)
        }
    }

    // MARK: - Labels

    /// Made from the kind; an answer names whoever the inject came from, in the version that arrived.
    static func label(_ expectation: Expectation, scenario: Scenario, playbook: Playbook, drill: DrillState?) -> LocalizedText {
        switch expectation.kind {
        case .step(let id, let by):
            let title = playbook.step(id)?.step.title ?? LocalizedText(id)
            return LocalizedText(
                zh: "\(DurationText.spoken(by, language: .zh))内完成“\(title.zh)”",
                en: "\(title.en) done within \(DurationText.spoken(by, language: .en))")
        case .deadline(let id):
            let title = playbook.deadline(id)?.title ?? LocalizedText(id)
            return LocalizedText(zh: "按时完成“\(title.zh)”", en: "Deadline met: \(title.en)")
        case .answer(let id, let within):
            let from = drill?.delivery(of: id)?.from ?? scenario.inject(id)?.versions.first?.from ?? LocalizedText(id)
            return LocalizedText(
                zh: "\(within.map { DurationText.spoken($0, language: .zh) + "内" } ?? "")以备注回应\(from.zh)",
                en: "Answer \(from.en) with a note\(within.map { " within " + DurationText.spoken($0, language: .en) } ?? "")")
        }
    }
}
