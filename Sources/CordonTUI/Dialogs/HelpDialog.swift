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
        let contexts: [KeyContext] = model.console != nil ? [.console, .dialog, .home] : [.home, .dialog, .console]
        for context in contexts where context != .home || model.home != nil {
            if !out.isEmpty { out.append(("", .plain)) }
            out.append((context.title[language], .heading))
            for binding in KeyTable.bindings where binding.context == context && (binding.request != .back || model.home != nil) {
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
