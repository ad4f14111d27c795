/// The key hints at the foot of a screen. Help and quit always show; when the line is too
/// narrow, the hints a responder needs least are dropped first, never cut in half.
enum HintLine {
    /// Dropped in this order: moving about before searching before recording.
    private static let dropOrder: [Request] = [.nextPane, .details, .replay, .search, .records, .block, .skip, .assign, .classify, .advance, .note]

    static func compose(_ hints: [(request: Request, text: String)], width: Int) -> String {
        var shown = hints
        func joined() -> String { shown.map(\.text).joined(separator: "  ") }
        for request in dropOrder where DisplayWidth.of(joined()) > width {
            shown.removeAll { $0.request == request }
        }
        while DisplayWidth.of(joined()) > width, let index = shown.lastIndex(where: { $0.request != .help && $0.request != .quit }) {
            shown.remove(at: index)
        }
        return joined()
    }
}
