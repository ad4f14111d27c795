/// What is true of a drill after some prefix of its timeline: the plan, the clock, the injects
/// delivered and answered, and the debrief. `nil` on `IncidentState` until `drill.started`.
public struct DrillState: Sendable, Hashable, Codable {
    public var scenario: String
    public var seed: Int
    /// Drill time when the clock started: offsets of injects and expectations count from here.
    public var startedAt: Timestamp
    public var plan: [DrillPlan.Entry]
    /// How long the drill runs, in seconds of drill time; `nil` runs it until the facilitator ends it.
    public var duration: Int?
    /// What the team was told at the start.
    public var facts: [LocalizedText]
    public var clock: DrillClockSetting
    public var delivered: [DeliveredInject]
    public var answers: [InjectAnswer]
    public var debrief: [DebriefNote]
    public var endedAt: Timestamp?
    /// A `DrillEndReason`: `facilitator`, `time`, `hangup` or `signal`.
    public var endReason: String?
    /// The score recorded when the drill ended, and the most it could have been: what a list of
    /// drills shows without the scenario at hand.
    public var score: Int? = nil
    public var maximumScore: Int? = nil
    /// Who conducts the drill clock (a login, or the name given with `--actor`): whoever started
    /// the drill, or took it over last.
    public var facilitator: String? = nil
    /// The console that conducts it: only that one moves the clock, delivers injects and ends the
    /// drill. `nil` for a drill started before consoles were told apart, which any console may conduct.
    public var facilitatorConsole: String? = nil

    public var hasEnded: Bool { endedAt != nil }

    /// Whole seconds of drill time from the start to `moment`.
    public func offset(of moment: Timestamp) -> Int { startedAt.seconds(to: moment) }

    public func delivery(of inject: String) -> DeliveredInject? { delivered.first { $0.inject == inject } }

    /// The first answer to `inject`.
    public func answer(to inject: String) -> InjectAnswer? { answers.first { $0.inject == inject } }

    /// Planned injects not yet delivered, in the order they fall.
    public var upcoming: [DrillPlan.Entry] {
        plan.filter { entry in !delivered.contains { $0.inject == entry.inject } }
    }

    /// When the scenario's time is up.
    public var endsAt: Timestamp? { duration.map { startedAt.adding(seconds: $0) } }

    /// Whether the console told apart by `console` may conduct the drill now.
    public func isConducted(from console: String?) -> Bool {
        facilitatorConsole == nil || facilitatorConsole == console
    }

    /// Where the clock must wait next: the next inject, else the end.
    var nextStop: Timestamp? {
        upcoming.first.map { startedAt.adding(seconds: $0.at) } ?? endsAt
    }
}

/// An inject as it reached the team.
public struct DeliveredInject: Sendable, Hashable, Codable {
    public var inject: String
    public var version: Int
    /// The planned offset, in seconds of drill time.
    public var due: Int
    public var at: Timestamp
    public var seq: Int
    public var from: LocalizedText
    public var message: LocalizedText
    public var severity: Severity?
    public var affected: Int?
}

/// A note that answers an inject.
public struct InjectAnswer: Sendable, Hashable, Codable {
    public var inject: String
    public var at: Timestamp
    public var by: String
    public var seq: Int
}

/// What the debrief records: a lesson learned or an improvement action.
public enum DebriefKind: String, Sendable, Hashable, Codable, CaseIterable {
    case lesson
    case improvement

    public var title: LocalizedText {
        switch self {
        case .lesson: LocalizedText(zh: "经验教训", en: "Lesson learned")
        case .improvement: LocalizedText(zh: "改进措施", en: "Improvement action")
        }
    }
}

public struct DebriefNote: Sendable, Hashable, Codable {
    public var kind: DebriefKind
    public var text: String
    public var at: Timestamp
    public var by: String
    public var seq: Int
}
