import CordonCore

/// Asks who is at the keyboard when the console runs under a login several people share (root,
/// a team account), so that each entry is recorded under that person's name (`data.as`) beside
/// the login. Asked once when the console starts; the answer is remembered for the terminal.
/// `Esc` goes on without a name: entries then show the login alone, and the next start asks again.
struct KeyboardDialog: Dialog {
    /// The shared login the console runs under.
    let login: String
    /// The dialog that was up when this one opened (a drill's briefing), shown once it closes.
    let underneath: (any Dialog)?
    // Room past the limit, so that a name too long is refused with the reason, not cut short.
    var field = TextField(limit: TextLimits.text)

    init(login: String, underneath: (any Dialog)?) {
        self.login = login
        self.underneath = underneath
    }

    func title(_ language: Language) -> String { language == .zh ? "谁在使用这个终端？" : "Who is at the keyboard?" }

    private func explanation(_ language: Language) -> String {
        language == .zh
            ? "此终端以多人共用的账号 \(login.terminalSafe) 登录。请输入你的姓名：之后的每条记录都署上这个名字，账号 \(login.terminalSafe) 照常记在旁边。此终端本次登录期间不再询问。"
            : "This terminal runs under \(login.terminalSafe), a login several people share. Type your name: every entry from now on is recorded under it, beside the login \(login.terminalSafe). This terminal will not ask again while you stay logged in."
    }

    func contentSize(available: Size, model: AppModel) -> Size {
        let width = min(available.width, 64)
        return Size(width: width, height: min(available.height, wrappedLineCount([explanation(model.language)], width: width) + 2))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let lines = canvas.paragraphs([(explanation(model.language), .plain)], in: Rect(x: content.x, y: content.y, width: content.width, height: content.height - 1))
        let row = min(content.maxY - 1, content.y + lines + 1)
        field.draw(into: &canvas, rect: Rect(x: content.x, y: row, width: content.width, height: 1), focused: true, style: Style(underline: true))
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "Enter 确认  Esc 不署名" : "Enter confirm  Esc no name"
    }

    var afterRecording: (any Dialog)? { underneath }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .submit:
            let checked: String?
            do {
                checked = try TextLimits.name(field.text, field: localized("姓名", "the name"))
            } catch {
                return .invalid(error.message)
            }
            guard let name = checked else {
                return .invalid(localized("请写下你的姓名，或按 Esc 以账号名记录。", "Write your name, or press Esc to record under the login alone."))
            }
            return .effect(.actAs(name))
        case .cancel:
            return underneath.map { .replace($0) } ?? .close
        default:
            field.apply(request)
            return .stay
        }
    }
}
