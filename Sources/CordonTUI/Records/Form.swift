import CordonCore

/// One input of a form: a line of text, one choice among a few, or a list to tick.
struct FormField: Sendable {
    enum Input: Sendable {
        case text(TextField, rows: Int)
        case choice([LocalizedText], selected: Int)
        case checklist(Checklist)
    }

    var label: LocalizedText
    var input: Input
    /// Shown in an empty text field: what may be typed there.
    var placeholder: LocalizedText?

    static func text(_ label: LocalizedText, _ value: String = "", rows: Int = 1, limit: Int = IncidentRules.maximumTextLength, placeholder: LocalizedText? = nil) -> FormField {
        FormField(label: label, input: .text(TextField(value, limit: limit), rows: rows), placeholder: placeholder)
    }

    static func choice(_ label: LocalizedText, _ options: [LocalizedText], selected: Int = 0) -> FormField {
        FormField(label: label, input: .choice(options, selected: min(max(0, selected), max(0, options.count - 1))))
    }

    var height: Int {
        switch input {
        case .text(_, let rows): rows
        case .choice: 1
        case .checklist(let list): list.height
        }
    }
}

/// The fields of a record form, in order, with the one that has the keys. `Tab` and the arrow
/// keys move between fields; everything else goes to the field in focus.
///
///     enum Field: Int, CaseIterable { case person, duty }
///     var form = Form<Field> { field in field == .person ? .text(localized("责任人", "Person")) : .text(localized("职责", "Duty")) }
///     form.handle(.insert("王")); form.text(.person) // "王"
struct Form<Key: CaseIterable & Equatable & Sendable>: Sendable {
    private(set) var fields: [FormField]
    private let keys: [Key]
    var focus: Key

    init(_ make: (Key) -> FormField) {
        keys = Array(Key.allCases)
        fields = keys.map(make)
        focus = keys[0]
    }

    private func index(_ key: Key) -> Int { keys.firstIndex(of: key)! }

    subscript(key: Key) -> FormField { fields[index(key)] }

    func text(_ key: Key) -> String {
        if case .text(let field, _) = self[key].input { return field.text }
        return ""
    }

    /// The cleaned text of a field, `nil` when only blanks were typed.
    func cleaned(_ key: Key) -> String? { IncidentRules.clean(text(key)) }

    func choice(_ key: Key) -> Int {
        if case .choice(_, let selected) = self[key].input { return selected }
        return 0
    }

    func ticked(_ key: Key) -> [Int] {
        if case .checklist(let list) = self[key].input { return list.ticked }
        return []
    }

    /// Whether any text field holds something.
    var hasText: Bool { fields.contains { if case .text(let field, _) = $0.input { !field.text.isEmpty } else { false } } }

    var hasChoices: Bool { fields.contains { if case .choice = $0.input { true } else { false } } }
    var hasChecklist: Bool { fields.contains { if case .checklist = $0.input { true } else { false } } }

    var height: Int { fields.reduce(0) { $0 + $1.height } }

    mutating func handle(_ request: Request) {
        let at = index(focus)
        switch request {
        case .nextField: focus = keys[(at + 1) % keys.count]
        case .previousField: focus = keys[(at + keys.count - 1) % keys.count]
        case .up, .down:
            if case .checklist(var list) = fields[at].input, list.apply(request) {
                fields[at].input = .checklist(list)
                return
            }
            focus = keys[request == .up ? max(0, at - 1) : min(keys.count - 1, at + 1)]
        default:
            switch fields[at].input {
            case .text(var field, let rows):
                field.apply(request)
                fields[at].input = .text(field, rows: rows)
            case .choice(let options, let selected):
                guard !options.isEmpty else { return }
                let step = request == .left ? -1 : request == .right || request == .insert(" ") ? 1 : 0
                fields[at].input = .choice(options, selected: (selected + step + options.count) % options.count)
            case .checklist(var list):
                _ = list.apply(request)
                fields[at].input = .checklist(list)
            }
        }
    }

    /// The columns the labels take: the widest label and a gap.
    func labelWidth(_ language: Language, in width: Int) -> Int {
        min(width / 3, (fields.map { DisplayWidth.of($0.label[language]) }.max() ?? 0) + 2)
    }

    /// Draws the fields from `rect`'s top; when they do not all fit, scrolls so that the field in
    /// focus shows. Returns the rows used.
    @discardableResult
    func draw(into canvas: inout Canvas, rect: Rect, language: Language) -> Int {
        let labelWidth = labelWidth(language, in: rect.width)
        let focusIndex = index(focus)
        var tops: [Int] = []
        var y = 0
        for field in fields {
            tops.append(y)
            y += field.height
        }
        let focusBottom = tops[focusIndex] + fields[focusIndex].height
        let offset = max(0, min(focusBottom - rect.height, tops[focusIndex]))
        for (index, field) in fields.enumerated() {
            let top = tops[index] - offset
            guard top >= 0, top + field.height <= rect.height else { continue }
            let focused = index == focusIndex
            canvas.put(field.label[language], x: rect.x, y: rect.y + top, width: labelWidth - 1, style: focused ? Style(.accent, bold: true) : .muted)
            let input = Rect(x: rect.x + labelWidth, y: rect.y + top, width: rect.width - labelWidth, height: field.height)
            switch field.input {
            case .text(let text, _):
                // Two columns in, where a choice's value starts after its `‹ `.
                let input = Rect(x: input.x + 2, y: input.y, width: input.width - 2, height: input.height)
                text.draw(into: &canvas, rect: input, focused: focused, style: Style(underline: true))
                if text.text.isEmpty, let placeholder = field.placeholder {
                    canvas.put(placeholder[language], x: input.x, y: input.y, width: input.width, style: Style(.muted, underline: true))
                }
            case .choice(let options, let selected):
                let value = options.isEmpty ? (language == .zh ? "（无）" : "(none)") : options[selected][language]
                canvas.put(focused ? "‹ \(value) ›" : "  \(value)", x: input.x, y: input.y, width: input.width, style: focused ? .selected : .plain)
            case .checklist(let list):
                list.draw(into: &canvas, rect: Rect(x: input.x + 2, y: input.y, width: input.width - 2, height: input.height), focused: focused, language: language)
            }
        }
        return min(rect.height, y)
    }
}
