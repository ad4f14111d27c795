import CordonCore

/// Asks before leaving: a stray `q` at 3 a.m. should not close the console.
struct QuitDialog: Dialog {
    /// This console conducts a drill still running, which quitting ends and scores.
    let endsDrill: Bool

    init(endsDrill: Bool = false) {
        self.endsDrill = endsDrill
    }

    func title(_ language: Language) -> String { language == .zh ? "退出" : "Quit" }

    private func message(_ language: Language) -> String {
        if endsDrill {
            return language == .zh
                ? "退出 Cordon？演练仍在进行：退出会结束演练并按此刻评分。想先看评估，按 n 后按 E。"
                : "Quit Cordon? The drill is still running: quitting ends it and scores it as it stands. To see the evaluation first, press n, then E."
        }
        return language == .zh ? "退出 Cordon？已记录的一切都已保存在磁盘上。" : "Quit Cordon? Everything recorded is safe on disk."
    }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, 48)
        return Size(width: width, height: min(available.height, TextLayout.wrap(message(model.language), width: width).count))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        canvas.paragraphs([(message(model.language), .plain)], in: content)
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "y 退出  n 留下" : "y quit  n stay"
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .insert("y"), .insert("Y"), .submit: .effect(.quit)
        case .insert("n"), .insert("N"), .cancel, .insert("q"): .close
        default: .stay
        }
    }
}
