import CordonCore

/// How the console is being used. The live console records; a replay only shows; a drill
/// works like the live console under a banner. Replay and drills add their own status lines
/// (the drill clock, a scrub bar) through `statusLines`.
public struct ConsoleMode: Sendable, Hashable {
    /// Shown at the left of the header on every screen, before the incident's id.
    public var banner: LocalizedText?
    /// Refuses every request that records something.
    public var isReadOnly: Bool
    /// Extra lines shown above the key hints.
    public var statusLines: [LocalizedText]

    public init(banner: LocalizedText? = nil, isReadOnly: Bool = false, statusLines: [LocalizedText] = []) {
        self.banner = banner
        self.isReadOnly = isReadOnly
        self.statusLines = statusLines
    }

    public static let live = ConsoleMode()

    /// Looking at an incident without recording anything.
    public static let replay = ConsoleMode(banner: LocalizedText(zh: "回放·只读", en: "REPLAY · read-only"), isReadOnly: true)

    /// The banner every drill shows, whatever the mode.
    public static let drillBanner = LocalizedText(zh: "演练 DRILL", en: "DRILL 演练")
}
