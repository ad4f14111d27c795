import CordonCore

/// A key press, as the driver reads it from the terminal (`get_wch`) or a test presses it.
public enum Key: Sendable, Hashable {
    /// A printable character, Chinese included: `.character("n")`, `.character("备")`.
    case character(Character)
    /// A control chord: `.control("c")` for Ctrl-C.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete

    public static let space = Key.character(" ")

    /// The keys a test types for `text`, one per character.
    public static func typing(_ text: String) -> [Key] { text.map { .character($0) } }

    /// The name printed in the help screen and the key hints.
    public func label(_ language: Language) -> String {
        switch self {
        case .character(" "): language == .zh ? "空格" : "Space"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-" + String(character).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "⌫"
        case .delete: "Del"
        }
    }
}
