import CordonCore

/// A dialog that only shows text: it scrolls with the arrow keys and closes with `Esc` or `Enter`.
protocol ReadingDialog: Dialog {
    var scroll: Int { get set }
    /// The text, paragraph by paragraph, each with its style.
    func paragraphs(model: AppModel) -> [(String, Style)]
    /// The widest the dialog gets.
    var preferredWidth: Int { get }
}

extension ReadingDialog {
    var preferredWidth: Int { 72 }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, preferredWidth)
        let lines = wrappedLineCount(paragraphs(model: model).map(\.0), width: width)
        return Size(width: width, height: min(available.height, lines))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let total = canvas.paragraphs(paragraphs(model: model), in: content, skip: scroll)
        if total > content.height {
            let more = model.language == .zh ? "↑↓ 滚动" : "↑↓ scroll"
            // Left of the key hints on the same frame line, however long they are.
            let hintWidth = DisplayWidth.of(hints(model.language)) + 4
            canvas.putRight(" \(more) ", in: Rect(x: content.x, y: content.maxY, width: max(0, content.width - hintWidth), height: 1), style: .muted)
        }
    }

    func hints(_ language: Language) -> String { DialogHints.close(language) }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        handleScrolling(request, model: model)
    }

    /// The scrolling and closing every reading dialog shares.
    mutating func handleScrolling(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - 10)
        case .pageDown: scroll += 10
        case .cancel, .submit, .insert("q"): return .close
        default: break
        }
        let size = contentSize(available: DialogFrame.available(in: model.size), model: model)
        let total = wrappedLineCount(paragraphs(model: model).map(\.0), width: size.width)
        scroll = min(scroll, max(0, total - size.height))
        return .stay
    }
}
