import CordonCore

/// A box over the screen that takes every key until it closes: step details, note entry,
/// the declare form, help. Adding one is a new type conforming to this protocol and one line
/// where a request opens it; the frame, the error line and the result handling are shared.
public protocol Dialog: Sendable {
    func title(_ language: Language) -> String
    /// The size of the content (inside the frame) on a screen with `available` room.
    func contentSize(available: Size, model: AppModel) -> Size
    func draw(into canvas: inout Canvas, content: Rect, model: AppModel)
    /// The keys shown in the bottom of the frame.
    func hints(_ language: Language) -> String
    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome
    /// What to show once the dialog's command is on disk: nothing (the default), or the list
    /// a record form was opened from.
    var afterRecording: (any Dialog)? { get }
    /// Names what this dialog is writing, for a form whose text is worth keeping: cancelled with
    /// something typed, it is kept under this name and comes back when the same form is opened
    /// again. `nil` (the default) for dialogs that show rather than gather.
    var draftKey: String? { get }
    /// Whether anything was typed that would be lost.
    var hasDraft: Bool { get }
}

extension Dialog {
    var afterRecording: (any Dialog)? { nil }
    var draftKey: String? { nil }
    var hasDraft: Bool { false }
}

/// What a dialog wants after a key.
public enum DialogOutcome: Sendable {
    case stay
    case close
    /// Record a command; the dialog closes once it is on disk and shows the refusal otherwise.
    case perform(Command)
    /// Run an effect (declare, quit); a failure is shown in the dialog.
    case effect(Effect)
    /// Show why the input cannot be used yet; the dialog stays open.
    case invalid(LocalizedText)
    case replace(any Dialog)
    /// Find `query` in the timeline (empty: the next match of the last search).
    case search(String)
}

/// Where dialogs go: centred below the header row, which stays visible so a DRILL or
/// REPLAY banner is on every screen.
enum DialogFrame {
    /// The room a dialog's content has on a screen of `screen`.
    static func available(in screen: Size) -> Size {
        Size(width: max(0, screen.width - 4), height: max(0, screen.height - 3))
    }
}

/// Keys every dialog shows.
enum DialogHints {
    static func submitOrCancel(_ language: Language, submit: LocalizedText = localized("确认", "confirm")) -> String {
        "Enter \(submit[language])  Esc \(language == .zh ? "取消" : "cancel")"
    }

    static func close(_ language: Language) -> String {
        "Esc \(language == .zh ? "关闭" : "close")"
    }
}

extension Canvas {
    /// Draws a frame around `rect` with a title in its top edge and hints in its bottom edge.
    mutating func frame(_ rect: Rect, title: String, hints: String, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect, style: style)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, width: rect.width, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put("│", x: rect.x, y: y, width: 1, style: style)
            put("│", x: rect.maxX - 1, y: y, width: 1, style: style)
        }
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, width: rect.width, style: style)
        if !title.isEmpty {
            put(" \(title) ", x: rect.x + 2, y: rect.y, width: rect.width - 4, style: style.with(bold: true))
        }
        if !hints.isEmpty {
            let text = " \(hints) "
            let width = min(DisplayWidth.of(text), rect.width - 4)
            put(text, x: rect.maxX - 2 - width, y: rect.maxY - 1, width: width, style: Style(.muted))
        }
    }

    /// Draws wrapped paragraphs from `rect`'s top, skipping the first `skip` lines; returns
    /// how many lines the text takes in all.
    @discardableResult
    mutating func paragraphs(_ items: [(String, Style)], in rect: Rect, skip: Int = 0) -> Int {
        var lines: [(String, Style)] = []
        for (text, style) in items {
            for line in paragraphLines(text, width: rect.width) { lines.append((line, style)) }
        }
        for (index, line) in lines.dropFirst(skip).prefix(rect.height).enumerated() {
            put(line.0, x: rect.x, y: rect.y + index, width: rect.width, style: line.1)
        }
        return lines.count
    }
}

/// How many lines paragraphs take at `width`, for sizing a dialog.
func wrappedLineCount(_ items: [String], width: Int) -> Int {
    items.reduce(0) { $0 + paragraphLines($1, width: max(1, width)).count }
}

/// A paragraph's lines at `width`. A tab marks a hanging indent: what follows it wraps in
/// its own column, as in `Enter          Details: a step's guidance,`
///                     `               an entry in full`.
func paragraphLines(_ text: String, width: Int) -> [String] {
    let parts = text.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return TextLayout.wrap(text.terminalSafe, width: width) }
    let label = String(parts[0]).terminalSafe
    let indent = DisplayWidth.of(label)
    guard indent < width / 2 else { return TextLayout.wrap((label + " " + parts[1]).terminalSafe, width: width) }
    let body = TextLayout.wrap(String(parts[1]).terminalSafe, width: width - indent)
    return body.enumerated().map { ($0.offset == 0 ? label : String(repeating: " ", count: indent)) + $0.element }
}
