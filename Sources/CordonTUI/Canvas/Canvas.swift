/// One cell of the screen: a character, the columns it covers and how it is drawn.
///
/// A wide character sits in its first cell with `width` 2; the cell to its right is a
/// continuation (`width` 0, empty text) that the driver skips.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}

/// A screen's worth of cells that screens draw into. Pure data: rendering a screen is a
/// function from state to a canvas, and tests read a canvas like the screen.
///
///     var canvas = Canvas(Size(width: 10, height: 1))
///     canvas.put("遏制 Containment", x: 0, y: 0, width: 10)
///     canvas.lines // ["遏制 Conta…"]
public struct Canvas: Sendable, Hashable, CustomStringConvertible {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should blink (a text field being edited), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0 % max(size.width, 1), $0 / max(size.width, 1)) } }
        set { cursorPosition = newValue.map { $0.y * size.width + $0.x } }
    }
    private var cursorPosition: Int?

    public init(_ size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    // MARK: - Drawing

    /// Draws `text` from (`x`, `y`) within `width` columns and returns the columns used.
    ///
    /// Text that does not fit ends in `…`; a wide character that would straddle the edge is
    /// never split. Control characters show as `�`; nothing outside the canvas is touched.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, width: Int, style: Style = .plain) -> Int {
        guard y >= 0, y < size.height, x < size.width, width > 0 else { return 0 }
        let start = max(0, x)
        let available = min(x + width, size.width) - start
        guard available > 0 else { return 0 }
        var glyphs: [(text: String, width: Int)] = []
        var used = 0
        var overflow = false
        for character in text {
            let measured = DisplayWidth.of(character)
            let glyph = measured == nil ? "\u{FFFD}" : String(character)
            let columns = measured ?? 1
            if columns == 0 { continue }
            if used + columns > available {
                overflow = true
                break
            }
            glyphs.append((glyph, columns))
            used += columns
        }
        if overflow {
            while used + 1 > available, let last = glyphs.popLast() { used -= last.width }
            glyphs.append(("…", 1))
            used += 1
        }
        var column = start
        for glyph in glyphs {
            set(x: column, y: y, Cell(glyph.text, width: UInt8(glyph.width), style: style))
            column += glyph.width
        }
        return used
    }

    /// Draws `text` in `rect`'s first row, padded with spaces in `style` to the full width.
    public mutating func line(_ text: some StringProtocol, in rect: Rect, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        fill(rect.row(0), style: style)
        put(text, x: rect.x, y: rect.y, width: rect.width, style: style)
    }

    /// Draws `text` right-aligned in `rect`'s first row and returns the column it starts at.
    @discardableResult
    public mutating func putRight(_ text: some StringProtocol, in rect: Rect, style: Style = .plain) -> Int {
        let width = min(DisplayWidth.of(text), rect.width)
        let x = rect.maxX - width
        put(text, x: x, y: rect.y, width: width, style: style)
        return x
    }

    /// Fills `rect` with spaces drawn in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let x0 = max(0, rect.x), x1 = min(size.width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { set(x: x, y: y, Cell(" ", width: 1, style: style)) }
        }
    }

    /// Sets one cell, keeping wide characters whole: writing over either half of a wide
    /// character blanks its other half, and a wide cell that would cross the right edge is dropped.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, y < size.height, x + Int(max(cell.width, 1)) <= size.width else { return }
        clearOverlap(x: x, y: y)
        let index = y * size.width + x
        cells[index] = cell
        if cell.width == 2 {
            clearOverlap(x: x + 1, y: y)
            cells[index + 1] = Cell("", width: 0, style: cell.style)
        }
    }

    private mutating func clearOverlap(x: Int, y: Int) {
        let index = y * size.width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", width: 1, style: cells[index - 1].style)
        } else if cell.width == 2, x + 1 < size.width {
            cells[index + 1] = Cell(" ", width: 1, style: cell.style)
        }
    }

    // MARK: - Reading

    /// The text of each row as a person reads it, trailing spaces removed.
    public var lines: [String] {
        (0..<size.height).map { y in
            var text = ""
            for x in 0..<size.width where !self[x, y].isContinuation { text += self[x, y].text }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    /// All rows joined with newlines: what a snapshot file holds.
    public var text: String { lines.joined(separator: "\n") }

    /// The screen as text, framed, so a failing test shows what a person would have seen.
    public var description: String {
        let rule = String(repeating: "-", count: size.width)
        return "\n+" + rule + "+\n" + lines.map { "|" + TextLayout.pad($0, to: size.width) + "|" }.joined(separator: "\n") + "\n+" + rule + "+"
    }

    /// Whether any row contains `fragment`.
    public func contains(_ fragment: String) -> Bool { lines.contains { $0.contains(fragment) } }

    /// The style of the first cell where `fragment` starts, if it is on the canvas.
    public func style(of fragment: String) -> Style? {
        let wanted = fragment.map(String.init)
        guard !wanted.isEmpty else { return nil }
        for y in 0..<size.height {
            let row = (0..<size.width).filter { !self[$0, y].isContinuation }
            guard row.count >= wanted.count else { continue }
            for start in 0...(row.count - wanted.count)
            where wanted.indices.allSatisfy({ self[row[start + $0], y].text == wanted[$0] }) {
                return self[row[start], y].style
            }
        }
        return nil
    }
}
