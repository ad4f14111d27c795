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
        let times = model.times
        var out: [(String, Style)] = [("#\(event.seq) · \(times.secondWithLabel(event.ts, language: model.language)) · \(event.actorLabel)", .muted)]
        // The line keeps the offset it was written at; say so when it is not the incident's.
        if event.ts.offsetSeconds != times.offsetSeconds {
            out.append(((model.language == .zh ? "写入时记为 " : "written as ") + event.ts.iso8601, .muted))
        }
        out += [
            ("", .plain),
            (EventText.summary(event, playbook: console.playbook, language: model.language), .plain),
            ("", .plain),
        ]
        // Below the summary, the line's own fields as recorded: what an auditor compares with
        // the file. An event type this version does not know names itself in its summary.
        out.append((model.language == .zh ? "记录原文字段：" : "Fields as recorded:", .muted))
        // An accountability entry names a person: like the timeline pane, its details show
        // only its id, and the accountability screen shows the rest.
        let isPrivate = event.type == EventType.accountabilityAdded || event.type == EventType.accountabilityWithdrawn
        for (key, value) in event.data.entries where !isPrivate || key == "entry" {
            let text: String
            if case .string(let string) = value { text = string } else { text = JSONWriter.string(value) }
            out.append(("\(key): \(text)", .muted))
        }
        if isPrivate {
            out.append(("", .plain))
            out.append((model.language == .zh ? "内容仅在追责界面查看：按 r，再按 7。" : "Its content shows only on the accountability screen: r, then 7.", .muted))
        }
        return out
    }
}
