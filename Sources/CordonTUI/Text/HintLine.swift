/// The key hints at the foot of a screen. Help and quit always show; other hints are dropped
/// from the end when the line is too narrow, so a hint is never cut in half.
enum HintLine {
    static func compose(_ hints: [(request: Request, text: String)], width: Int) -> String {
        let pinned = hints.filter { $0.request == .help || $0.request == .quit }.map(\.text)
        var others = hints.filter { $0.request != .help && $0.request != .quit }.map(\.text)
        func joined() -> String { (others + pinned).joined(separator: "  ") }
        while DisplayWidth.of(joined()) > width, !others.isEmpty { others.removeLast() }
        return joined()
    }
}
