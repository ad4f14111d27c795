import CordonCore

/// A drill clock speed people can follow: fast enough that a long scenario fits a meeting, slow
/// enough that the team reads each inject and acts before the next falls due.
///
///     DrillPace.suggestedSpeed(for: sixHourScenario) // 10: six hours in 36 minutes
enum DrillPace {
    /// The least real time a whole drill should take.
    static let shortestRun = 30 * 60
    /// The least real time between two injects, for the typical pair (the lower median): an
    /// inject on screen holds the clock while it is read, so this is time to act on it.
    static let typicalGap = 3 * 60

    /// The fastest of the console's speeds at which the drill takes at least `shortestRun` and
    /// injects typically come at least `typicalGap` apart in real time; ×1 if none is that slow.
    static func suggestedSpeed(for scenario: Scenario) -> Int {
        let offsets = scenario.injects.map(\.at).sorted()
        let gaps = zip(offsets, offsets.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.sorted()
        let typical = gaps.isEmpty ? scenario.duration : gaps[(gaps.count - 1) / 2]
        return AppModel.drillSpeeds.last { speed in
            scenario.duration / speed >= shortestRun && typical / speed >= typicalGap
        } ?? 1
    }

    /// How long the whole drill takes in real time at `speed`, in words.
    static func runTime(_ scenario: Scenario, speed: Int, language: Language) -> String {
        DurationText.spoken(max(1, scenario.duration / max(1, speed)), language: language)
    }
}
