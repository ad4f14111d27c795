import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: HelpText.pick("按剧本模板起草通报，填入事件的事实。", "Draft a notice from the playbook's template, filled with the incident's facts."),
        discussion: """
            Example: cordon notice INC-20261129-001 regulator --lang zh > 报告.txt

            The draft states every element PIPL Art. 57 requires; what is still unknown is marked \
            (【待补充：原因】 / [TO BE CONFIRMED: cause]) and listed on standard error. Nothing is \
            recorded: once the notice has gone out, record it with cordon notify. --output FILE \
            writes the draft whole or not at all.
            """)

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "Audience with a template in the playbook: regulator, individuals, …") var audience: String
    @Option(help: ArgumentHelp("Write the draft to FILE, replacing it only once the whole draft is on disk. 写入文件。", valueName: "file")) var output: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let session = try context.open(id)
            let now = session.state.local(context.now)
            let draft = try NoticeDraft.make(playbook: session.playbook, state: session.state, audience: audience, language: context.language, now: now)
            if context.options.json {
                try context.emit(JSONWriter.string(.object([
                    "id": .string(session.state.id), "audience": .string(draft.audience), "language": .string(draft.language.rawValue),
                    "title": .string(draft.title), "body": .string(draft.body),
                    "unknown": .array(draft.unknown.map { .string($0) }), "pending": .array(draft.pending.map { .string($0) }),
                ])) + "\n", to: output)
                return
            }
            let body = draft.body.terminalSafeLines
            // The title is the subject a filing or an e-mail carries; the body is the letter,
            // with its own heading.
            let letter = context.text("主题：", "Subject: ") + draft.title.terminalSafe + "\n"
                + String(repeating: "─", count: 40) + "\n"
                + body + (body.hasSuffix("\n") ? "" : "\n")
            try context.emit(letter, to: output)
            if !draft.unknown.isEmpty {
                let list = draft.unknown.joined(separator: context.language == .zh ? "、" : "; ")
                context.warn(context.text(
                    "草稿中仍有待补充的事项：\(list)。可用 cordon facts \(session.state.id) 查看来源并补充。",
                    "The draft still marks: \(list). See where each comes from, and fill them in, with cordon facts \(session.state.id)."))
            }
            let notified = session.state.notices.filter { $0.audience == audience }
            if notified.isEmpty {
                context.warn(context.text(
                    "发出后请记录：cordon notify \(session.state.id) \(audience) --channel …",
                    "Once it has gone out, record it: cordon notify \(session.state.id) \(audience) --channel …"))
            }
        }
    }
}
