import CordonCore

/// The whole screen as a function of the model: `render(model, timeline) -> Canvas`.
public enum Screen {
    /// Draws the screen. `timeline` is read only for the rows the timeline pane shows.
    public static func render<Timeline: RandomAccessCollection>(_ model: AppModel, timeline: Timeline) -> Canvas
    where Timeline.Element == Event, Timeline.Index == Int {
        var canvas = Canvas(model.size)
        if model.isTooSmall {
            tooSmall(into: &canvas, model: model)
            return canvas
        }
        if let console = model.console {
            ConsoleScreen.draw(into: &canvas, model: model, console: console, timeline: timeline)
        } else if let home = model.home, home.showingReview, let review = home.review {
            ReviewScreen.draw(into: &canvas, model: model, review: review, scroll: home.reviewScroll)
        } else if let home = model.home {
            HomeScreen.draw(into: &canvas, model: model, home: home)
        }
        if let dialog = model.dialog {
            overlay(dialog, into: &canvas, model: model)
        }
        return canvas
    }

    /// Says how large the terminal needs to be instead of drawing a broken layout.
    static func tooSmall(into canvas: inout Canvas, model: AppModel) {
        let zh = model.language == .zh
        let need = AppModel.minimumSize
        var text = [
            zh ? "终端窗口太小" : "Terminal too small",
            zh ? "至少需要 \(need.width)×\(need.height)，当前 \(model.size.width)×\(model.size.height)。" : "Needs \(need.width)×\(need.height) at least; it is \(model.size.width)×\(model.size.height).",
            zh ? "请放大窗口。q 退出" : "Enlarge the window. q quits",
        ]
        if model.dialog is QuitDialog { text[2] = zh ? "退出？y 退出  n 留下" : "Quit? y quit  n stay" }
        if let banner = model.console?.banners.first { text.insert(banner[model.language], at: 0) }
        let lines = text.flatMap { TextLayout.wrap($0, width: model.size.width) }
        let top = max(0, (model.size.height - lines.count) / 2)
        for (index, line) in lines.prefix(model.size.height).enumerated() {
            let x = max(0, (model.size.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, x: x, y: top + index, width: model.size.width - x, style: index == 0 ? Style(.warning, bold: true) : .plain)
        }
    }

    private static func overlay(_ dialog: any Dialog, into canvas: inout Canvas, model: AppModel) {
        let available = DialogFrame.available(in: model.size)
        let content = dialog.contentSize(available: available, model: model)
        let errorLines = model.dialogError.map { TextLayout.wrap($0[model.language].terminalSafe, width: content.width) } ?? []
        let errorBlock = errorLines.isEmpty ? 0 : errorLines.count + 1
        let height = min(available.height, content.height + errorBlock)
        let area = Rect(x: 0, y: 1, width: model.size.width, height: model.size.height - 1)
        let frame = area.centered(width: content.width + 4, height: height + 2)
        canvas.cursor = nil
        // While a file is hashed for it, a form takes only Esc.
        let hints = model.hashing == nil ? dialog.hints(model.language) : "Esc " + (model.language == .zh ? "取消计算" : "cancel hashing")
        canvas.frame(frame, title: dialog.title(model.language), hints: hints)
        let inner = Rect(x: frame.x + 2, y: frame.y + 1, width: frame.width - 4, height: frame.height - 2)
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - errorBlock)
        dialog.draw(into: &canvas, content: body, model: model)
        for (index, line) in errorLines.enumerated() where body.maxY + 1 + index < inner.maxY {
            canvas.put(line, x: inner.x, y: body.maxY + 1 + index, width: inner.width, style: Style(.danger, bold: true))
        }
    }
}
