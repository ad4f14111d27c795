/// When each inject of a scenario falls in one run of the drill, and which version of it arrives.
///
/// The seed decides two things and nothing else: each inject's time moves by up to the scenario's
/// `jitter` either way (never before the start or past the end), and where an inject has variants,
/// which one arrives. The same scenario and seed always give the same plan.
///
///     let plan = DrillPlan.make(scenario, seed: 7)
///     plan.entries.first // inject "journalist-call" at 38m12s, version 1
public struct DrillPlan: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, Codable {
        public var inject: String
        /// Offset on the drill clock, in seconds.
        public var at: Int
        /// Index into the inject's `versions`.
        public var version: Int

        public init(inject: String, at: Int, version: Int) {
            self.inject = inject
            self.at = at
            self.version = version
        }
    }

    public var seed: Int
    /// In the order they fall; injects at the same moment keep the scenario's order.
    public var entries: [Entry]

    public static func make(_ scenario: Scenario, seed: Int) -> DrillPlan {
        var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
        var entries: [Entry] = []
        for inject in scenario.injects {
            var at = inject.at
            if scenario.jitter > 0 {
                at += generator.draw(-scenario.jitter...scenario.jitter)
                at = min(max(at, 0), max(scenario.duration - 1, 0))
            }
            let version = inject.versions.count > 1 ? generator.draw(0...(inject.versions.count - 1)) : 0
            entries.append(Entry(inject: inject.id, at: at, version: version))
        }
        let ordered = entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        return DrillPlan(seed: seed, entries: ordered)
    }
}
