/// What a cell means to the eye. The driver turns a tone into a colour, or into bold, dim and
/// reverse video on a monochrome terminal or under `NO_COLOR`; the canvas never knows which.
public enum Tone: Sendable, Hashable, CaseIterable {
    case normal
    /// Secondary text: owners, times, hints.
    case muted
    /// Headings and the current phase.
    case accent
    /// Done, met.
    case good
    /// Amber: under a quarter of a deadline left, a blocked step.
    case warning
    /// Red: a deadline missed, a refusal.
    case danger
    /// The DRILL or REPLAY banner.
    case banner
}

/// How a cell is drawn.
public struct Style: Sendable, Hashable {
    public var tone: Tone
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ tone: Tone = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.tone = tone
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let muted = Style(.muted)
    public static let heading = Style(.accent, bold: true)
    public static let selected = Style(reverse: true)

    public func with(reverse: Bool) -> Style {
        var copy = self
        copy.reverse = reverse
        return copy
    }

    public func with(bold: Bool) -> Style {
        var copy = self
        copy.bold = bold
        return copy
    }
}
