/// An editable line of text: the cursor moves and deletes by character (grapheme), never by
/// byte or scalar, so `删除` of `“保全证据”` removes `据`, not half of it.
///
///     var field = TextField()
///     field.apply(.insert("备")); field.apply(.insert("注")); field.apply(.left)
///     field.apply(.deleteBackward) // text "注", cursor 0
public struct TextField: Sendable, Hashable {
    public private(set) var text: String
    /// Characters before the cursor.
    public private(set) var cursor: Int
    /// The most characters the field takes; typing beyond it does nothing.
    public var limit: Int

    public init(_ text: String = "", limit: Int = 20_000) {
        self.text = text
        self.cursor = text.count
        self.limit = limit
    }

    /// Applies an editing request; returns whether the field used it.
    @discardableResult
    public mutating func apply(_ request: Request) -> Bool {
        switch request {
        case .insert(let character):
            guard DisplayWidth.of(character) != nil else { return true }
            let before = text.count
            guard before < limit else { return true }
            text.insert(character, at: index(cursor))
            // A combining mark typed after a letter joins it instead of adding a character.
            cursor += text.count - before
        case .deleteBackward:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
        case .deleteForward:
            guard cursor < text.count else { return true }
            text.remove(at: index(cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .lineStart: cursor = 0
        case .lineEnd: cursor = text.count
        default: return false
        }
        return true
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }

    /// Draws the field in `rect`, wrapped by display width, showing the rows around the cursor;
    /// when `focused`, places the terminal cursor where the next character goes.
    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: style)
        var rows: [[Character]] = [[]]
        var rowWidth = 0
        var cursorAt = (row: 0, column: 0)
        for (offset, character) in text.enumerated() {
            let columns = DisplayWidth.of(character) ?? 1
            if rowWidth + columns > rect.width {
                rows.append([])
                rowWidth = 0
            }
            if offset == cursor { cursorAt = (rows.count - 1, rowWidth) }
            rows[rows.count - 1].append(character)
            rowWidth += columns
        }
        if cursor == text.count {
            cursorAt = rowWidth >= rect.width ? (rows.count, 0) : (rows.count - 1, rowWidth)
        }
        let top = max(0, cursorAt.row - rect.height + 1)
        for (index, row) in rows.enumerated().dropFirst(top).prefix(rect.height) {
            canvas.put(String(row), x: rect.x, y: rect.y + index - top, width: rect.width, style: style)
        }
        if focused {
            canvas.cursor = (rect.x + cursorAt.column, rect.y + cursorAt.row - top)
        }
    }
}
