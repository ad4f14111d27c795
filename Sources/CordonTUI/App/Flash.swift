import CordonCore

/// A one-line message at the foot of the screen: what was recorded, or why not.
public struct Flash: Sendable, Hashable {
    public var text: LocalizedText
    public var tone: Tone

    public init(_ text: LocalizedText, tone: Tone = .normal) {
        self.text = text
        self.tone = tone
    }
}
