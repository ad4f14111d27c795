import CordonCore

/// A dialog that gathers one record: a form, text above and below it, and a submission that
/// becomes a command. `Esc` goes back to the list it was opened from; once the record is on disk,
/// so does the dialog. A refusal is shown under the form and everything typed stays.
protocol FormDialog: Dialog {
    associatedtype Field: CaseIterable & Equatable & Sendable
    var form: Form<Field> { get set }
    /// The list or menu this form was opened from.
    var parent: (any Dialog)? { get }
    /// What the record is about, above the fields.
    func intro(model: AppModel) -> [(String, Style)]
    /// A live suggestion or a reminder, below the fields.
    func notes(model: AppModel) -> [(String, Style)]
    /// The widest the dialog gets.
    var preferredWidth: Int { get }
    /// Checks what was typed and says what to record, or why not yet.
    mutating func submit(model: AppModel) -> DialogOutcome
}

extension FormDialog {
    var afterRecording: (any Dialog)? { parent }

    func intro(model: AppModel) -> [(String, Style)] { [] }

    func notes(model: AppModel) -> [(String, Style)] { [] }

    var preferredWidth: Int { 72 }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, preferredWidth)
        let intro = wrappedLineCount(intro(model: model).map(\.0), width: width)
        let notes = wrappedLineCount(notes(model: model).map(\.0), width: width)
        let height = (intro > 0 ? intro + 1 : 0) + form.height + (notes > 0 ? notes + 1 : 0)
        return Size(width: width, height: min(available.height, height))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        var top = content.y
        let intro = intro(model: model)
        if !intro.isEmpty {
            let lines = canvas.paragraphs(intro, in: Rect(x: content.x, y: top, width: content.width, height: max(0, content.height - form.height - 1)))
            top += min(lines, max(0, content.height - form.height - 1)) + 1
        }
        let used = form.draw(into: &canvas, rect: Rect(x: content.x, y: top, width: content.width, height: content.maxY - top), language: model.language)
        top += used + 1
        if top < content.maxY {
            canvas.paragraphs(notes(model: model), in: Rect(x: content.x, y: top, width: content.width, height: content.maxY - top))
        }
    }

    func hints(_ language: Language) -> String {
        let zh = language == .zh
        var parts = [zh ? "Tab 下一项" : "Tab next"]
        if form.hasChoices { parts.append(zh ? "←→ 选择" : "←→ choose") }
        if form.hasChecklist { parts.append(zh ? "空格 勾选" : "Space tick") }
        parts.append("Enter " + (zh ? "记录" : "record"))
        parts.append("Esc " + (parent == nil ? (zh ? "取消" : "cancel") : (zh ? "返回" : "back")))
        return parts.joined(separator: "  ")
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit:
            if model.console?.mode.isReadOnly == true { return .invalid(AppModel.readOnlyRefusal) }
            return submit(model: model)
        case .cancel:
            return parent.map { .replace($0) } ?? .close
        default:
            form.handle(request)
            return .stay
        }
    }

    /// Moves the focus to `field` and says why its value cannot be used.
    mutating func refuse(_ field: Field, _ zh: String, _ en: String) -> DialogOutcome {
        form.focus = field
        return .invalid(localized(zh, en))
    }
}
