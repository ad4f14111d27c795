import CordonCore

/// One timeline entry in full: the line is long, the pane is not.
struct EventDetailDialog: ReadingDialog {
    let event: Event
    var scroll = 0

    init(event: Event) {
        self.event = event
    }

    func title(_ language: Language) -> String { language == .zh ? "记录 #\(event.seq)" : "Entry #\(event.seq)" }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console else { return [] }
        var out: [(String, Style)] = [
            ("#\(event.seq) · \(TimeText.full(event.ts)) · \(event.actorLabel)", .muted),
            (event.type, .muted),
            ("", .plain),
            (EventText.summary(event, playbook: console.playbook, language: model.language), .plain),
            ("", .plain),
        ]
        for (key, value) in event.data.entries {
            let text: String
            if case .string(let string) = value { text = string } else { text = JSONWriter.string(value) }
            out.append(("\(key): \(text)", .muted))
        }
        return out
    }
}
