import CordonCore

/// Options to tick, several at once: the data categories a leak involves, the evidence a finding
/// rests on. Laid out down each of `columns` columns; the arrow keys move, space ticks.
///
///     var list = Checklist(options: DataCategory.all.map(\.title), columns: 2)
///     list.apply(.insert(" "))   // ticks the first option
struct Checklist: Sendable, Hashable {
    var options: [LocalizedText]
    var checked: Set<Int>
    var cursor = 0
    var columns: Int
    /// Rows shown at once; a longer list scrolls.
    var visibleRows: Int

    init(options: [LocalizedText], checked: Set<Int> = [], columns: Int = 1, visibleRows: Int = 8) {
        self.options = options
        self.checked = checked
        self.columns = max(1, columns)
        self.visibleRows = max(1, visibleRows)
    }

    /// Rows the whole list takes.
    var rowCount: Int { max(1, (options.count + columns - 1) / columns) }

    var height: Int { min(rowCount, visibleRows) }

    /// The ticked options, in list order.
    var ticked: [Int] { checked.sorted() }

    /// Applies a key; returns `false` for an up or down that leaves the list at its edge, so
    /// the form can move to the field above or below.
    mutating func apply(_ request: Request) -> Bool {
        guard !options.isEmpty else { return request != .up && request != .down }
        let row = cursor % rowCount
        switch request {
        case .up:
            guard row > 0 else { return false }
            cursor -= 1
        case .down:
            guard row < rowCount - 1, cursor + 1 < options.count else { return false }
            cursor += 1
        case .left: cursor = cursor >= rowCount ? cursor - rowCount : cursor
        case .right: cursor = cursor + rowCount < options.count ? cursor + rowCount : cursor
        case .insert(" "):
            if checked.contains(cursor) { checked.remove(cursor) } else { checked.insert(cursor) }
        default: break
        }
        return true
    }

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool, language: Language) {
        guard !rect.isEmpty else { return }
        guard !options.isEmpty else {
            canvas.put(language == .zh ? "（无可选项）" : "(nothing to choose)", x: rect.x, y: rect.y, width: rect.width, style: .muted)
            return
        }
        let rows = min(rect.height, rowCount)
        let top = max(0, min(cursor % rowCount - rows + 1, rowCount - rows))
        let columnWidth = rect.width / columns
        for row in 0..<rows {
            for column in 0..<columns {
                let index = column * rowCount + top + row
                guard index < options.count else { continue }
                let mark = checked.contains(index) ? "[x] " : "[ ] "
                let isCursor = focused && index == cursor
                let style: Style = isCursor ? .selected : checked.contains(index) ? Style(bold: true) : .plain
                canvas.put(mark + options[index][language], x: rect.x + column * columnWidth, y: rect.y + row, width: columnWidth - 1, style: style)
            }
        }
    }
}
