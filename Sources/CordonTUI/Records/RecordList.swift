import CordonCore

/// A dialog that lists records of one kind and acts on the selected one: `↑↓` choose, letters
/// or `Enter` act, `Esc` goes back. Entries are paragraphs; a tab in one marks where its
/// continuation lines are indented to.
protocol RecordListDialog: Dialog {
    var selection: Int { get set }
    var parent: (any Dialog)? { get }
    /// The entries, each as its lines with their styles.
    func entries(model: AppModel) -> [[(String, Style)]]
    /// Shown above the entries (a warning, a count), if anything.
    func intro(model: AppModel) -> [(String, Style)]
    /// Shown when there are no entries: what to press to add one.
    func empty(_ language: Language) -> String
    var preferredWidth: Int { get }
    /// Answers a key other than moving and going back.
    mutating func act(_ request: Request, model: AppModel) -> DialogOutcome
}

extension RecordListDialog {
    func intro(model: AppModel) -> [(String, Style)] { [] }

    /// What an empty list says: in a replay, that there was nothing yet, not which key adds one.
    func emptyText(_ model: AppModel) -> String {
        guard model.console?.mode.isReadOnly == true else { return empty(model.language) }
        return model.language == .zh ? "此刻尚无记录。" : "Nothing recorded yet at this moment."
    }

    /// In a replay a list is read, never written: only the keys that move and go back.
    func hints(model: AppModel) -> String {
        guard model.console?.mode.isReadOnly == true else { return hints(model.language) }
        return model.language == .zh ? "↑↓ 浏览  Esc 返回（回放只读）" : "↑↓ browse  Esc back (replay is read-only)"
    }

    var preferredWidth: Int { 76 }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, preferredWidth)
        let intro = wrappedLineCount(intro(model: model).map(\.0), width: width)
        let entries = entries(model: model)
        let lines = entries.isEmpty
            ? wrappedLineCount([emptyText(model)], width: width)
            : entries.reduce(0) { $0 + wrappedLineCount($1.map(\.0), width: width - 2) }
        return Size(width: width, height: min(available.height, (intro > 0 ? intro + 1 : 0) + max(lines, 3)))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        var top = content.y
        let intro = intro(model: model)
        if !intro.isEmpty {
            top += canvas.paragraphs(intro, in: content) + 1
        }
        let area = Rect(x: content.x, y: top, width: content.width, height: content.maxY - top)
        let entries = entries(model: model)
        guard !entries.isEmpty else {
            canvas.paragraphs([(emptyText(model), .muted)], in: area)
            return
        }
        let selected = min(selection, entries.count - 1)
        let wrapped = entries.map { entry in entry.flatMap { line in paragraphLines(line.0, width: area.width - 2).map { ($0, line.1) } } }
        // Start at the first entry from which the selected one still fits.
        var first = selected
        var rows = wrapped[selected].count
        while first > 0, rows + wrapped[first - 1].count <= area.height {
            first -= 1
            rows += wrapped[first].count
        }
        var y = area.y
        for index in first..<wrapped.count {
            for (offset, line) in wrapped[index].enumerated() where y < area.maxY {
                let isSelected = index == selected
                let marker = isSelected && offset == 0 ? "> " : "  "
                let style = isSelected ? line.1.with(bold: true) : line.1
                if isSelected && offset == 0 {
                    canvas.line(marker + line.0, in: Rect(x: area.x, y: y, width: area.width, height: 1), style: style.with(reverse: true))
                } else {
                    canvas.put(marker + line.0, x: area.x, y: y, width: area.width, style: style)
                }
                y += 1
            }
        }
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        let count = entries(model: model).count
        switch request {
        case .up: selection = max(0, min(selection, count - 1) - 1)
        case .down: selection = max(0, min(count - 1, selection + 1))
        case .pageUp: selection = max(0, selection - 5)
        case .pageDown: selection = max(0, min(count - 1, selection + 5))
        case .cancel: return parent.map { .replace($0) } ?? .close
        default: return act(request, model: model)
        }
        return .stay
    }

    /// The selected entry's index, kept inside a list that may have shrunk meanwhile.
    func selected(among count: Int) -> Int? {
        count == 0 ? nil : min(selection, count - 1)
    }

    /// The list to come back to after adding an entry: with the new one, the `count + 1`th,
    /// selected.
    func selectingNew(after count: Int) -> Self {
        var list = self
        list.selection = count
        return list
    }

    /// Refuses a key that would record something in a read-only replay.
    func refuseInReplay(_ model: AppModel) -> DialogOutcome? {
        model.console?.mode.isReadOnly == true ? .invalid(AppModel.readOnlyRefusal) : nil
    }
}
