import CordonCore

/// A yes/no question before something that cannot be taken back: `y` or Enter runs `effect`,
/// `n`, `q` or Esc closes. A conforming dialog says only what it asks and what it does.
protocol Confirmation: Dialog {
    /// The question, in the model's language.
    func message(_ model: AppModel) -> String
    /// The widest the frame's content gets.
    var width: Int { get }
    var effect: Effect { get }
}

extension Confirmation {
    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, self.width)
        return Size(width: width, height: min(available.height, TextLayout.wrap(message(model), width: width).count))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        canvas.paragraphs([(message(model), .plain)], in: content)
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .insert("y"), .insert("Y"), .submit: .effect(effect)
        case .insert("n"), .insert("N"), .insert("q"), .cancel: .close
        default: .stay
        }
    }
}
