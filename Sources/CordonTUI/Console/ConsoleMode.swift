import CordonCore

/// How the console is being used. The live console records; a replay only shows, under its
/// player; a drill works like the live console under a banner, and the console that started it
/// also conducts it.
public struct ConsoleMode: Sendable, Hashable {
    /// Shown at the left of the header on every screen, before the incident's id.
    public var banner: LocalizedText?
    /// Refuses every request that records something.
    public var isReadOnly: Bool
    /// The scenario a drill is scored on, when known: the drill line then shows the score, and
    /// the evaluation can be drawn.
    public var scenario: Scenario?
    /// Set when this console runs the drill, to the id that tells it apart from other consoles
    /// on the drill: its clock keys work, it delivers the injects, and quitting ends and scores
    /// the drill, until another console takes it over.
    public var conductor: String?

    public init(banner: LocalizedText? = nil, isReadOnly: Bool = false, scenario: Scenario? = nil, conductor: String? = nil) {
        self.banner = banner
        self.isReadOnly = isReadOnly
        self.scenario = scenario
        self.conductor = conductor
    }

    public static let live = ConsoleMode()

    /// Looking at an incident without recording anything.
    public static let replay = ConsoleMode(banner: LocalizedText(zh: "回放·只读", en: "REPLAY · read-only"), isReadOnly: true)

    /// A replay of a drill, scored against its scenario as it stood at each moment.
    public static func replay(of scenario: Scenario?) -> ConsoleMode {
        var mode = replay
        mode.scenario = scenario
        return mode
    }

    /// Working a drill that another console conducts (or nobody does), scored against `scenario` if known.
    public static func drill(_ scenario: Scenario?) -> ConsoleMode { ConsoleMode(scenario: scenario) }

    /// The facilitator's console on a drill of `scenario`, told apart by `console`.
    public static func conducting(_ scenario: Scenario, console: String) -> ConsoleMode { ConsoleMode(scenario: scenario, conductor: console) }
}
