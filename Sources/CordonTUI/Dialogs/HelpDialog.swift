import CordonCore

/// Every key, written from the key table.
struct HelpDialog: ReadingDialog {
    var scroll = 0

    init() {}

    func title(_ language: Language) -> String { language == .zh ? "帮助：按键" : "Help: keys" }

    var preferredWidth: Int { 96 }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, preferredWidth), height: available.height)
    }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        let language = model.language
        var out: [(String, Style)] = []
        // The screen's own keys first, as they work there (a replay's Space plays), then the rest.
        let screen = model.screenKeyContexts
        let others: [KeyContext] = model.console != nil ? [.dialog, .home] : [.dialog, .console]
        let bindings = KeyTable.bindings(in: screen) + others.flatMap { KeyTable.bindings(in: [$0]) }
        for context in screen + others where context != .home || model.home != nil {
            if !out.isEmpty { out.append(("", .plain)) }
            out.append((context.title[language], .heading))
            for binding in bindings where binding.context == context && (binding.request != .back || model.home != nil) {
                out.append((TextLayout.pad(binding.label(language), to: 16) + "\t" + binding.help[language], .plain))
            }
        }
        if model.console?.mode.isReadOnly == true {
            out.append(("", .plain))
            out.append((AppModel.readOnlyRefusal[language], .muted))
        }
        return out
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        request == .insert("?") ? .close : handleScrolling(request, model: model)
    }
}
