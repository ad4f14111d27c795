/// The DRILL / 演练 line every screen of a drill shows: the scenario, the drill clock, its speed,
/// the next inject and the score so far.
public struct DrillBanner: Sendable, Hashable {
    public static let label = LocalizedText(zh: "演练", en: "DRILL")
    /// The tag a screen puts before the incident's id: both words, so that whoever looks, in
    /// whichever language, sees at once that this is not a real incident.
    public static let tag = LocalizedText(zh: "\(label.zh) \(label.en)", en: "\(label.en) \(label.zh)")

    public var scenarioTitle: LocalizedText?
    /// Seconds of drill time since the start; `nil` before the clock starts.
    public var elapsed: Int?
    /// The scenario's length in seconds.
    public var duration: Int?
    public var speed: Int?
    public var isPaused: Bool
    public var hasEnded: Bool
    /// Seconds of drill time until the next inject.
    public var nextInjectIn: Int?
    public var score: Int?
    public var maximumScore: Int?

    /// The banner of a drill at drill time `now`; without its scenario (a drill declared by hand)
    /// it says only that it is a drill.
    public static func make(scenario: Scenario?, playbook: Playbook, state: IncidentState, now: Timestamp) -> DrillBanner {
        var banner = DrillBanner(isPaused: false, hasEnded: false)
        banner.scenarioTitle = scenario?.title
        guard let drill = state.drill else { return banner }
        let moment = drill.endedAt.map { min($0, now) } ?? now
        banner.elapsed = drill.offset(of: moment)
        banner.duration = scenario?.duration
        banner.speed = drill.clock.speed
        banner.isPaused = !drill.clock.isRunning && !drill.hasEnded
        banner.hasEnded = drill.hasEnded
        if !drill.hasEnded, let next = drill.upcoming.first {
            banner.nextInjectIn = max(0, next.at - drill.offset(of: moment))
        }
        if let scenario {
            let evaluation = DrillEvaluation.make(scenario: scenario, playbook: playbook, state: state, now: moment)
            banner.score = evaluation.score
            banner.maximumScore = evaluation.maximumScore
        }
        return banner
    }

    /// `演练 · 尽调数据室超范围共享 · T+0:42:10/6:00:00 · ×600 · 下一注入 0:08:00 · 得分 20/100`
    public func text(_ language: Language) -> String {
        var parts = [Self.label[language]]
        if let scenarioTitle { parts.append(scenarioTitle[language].terminalSafe) }
        return (parts + details(language)).joined(separator: " · ")
    }

    /// The clock, its speed, the next inject and the score, without the label and the title,
    /// for a screen that shows those already: `["T+0:42:10/6:00:00", "×600", "下一注入 0:08:00", "得分 20/100"]`.
    public func details(_ language: Language) -> [String] {
        func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        var parts: [String] = []
        if let elapsed {
            parts.append("T+" + DurationText.elapsed(elapsed) + (duration.map { "/" + DurationText.elapsed($0) } ?? ""))
        }
        if hasEnded {
            parts.append(t("已结束", "ended"))
        } else if let speed {
            parts.append("×\(speed)" + (isPaused ? t(" ⏸ 已暂停", " ⏸ paused") : ""))
        }
        if let nextInjectIn { parts.append(t("下一注入 ", "next inject ") + DurationText.elapsed(nextInjectIn)) }
        if let score, let maximumScore { parts.append(t("得分 ", "score ") + "\(score)/\(maximumScore)") }
        return parts
    }
}
