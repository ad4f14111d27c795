import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Draft a notice from the playbook's template, filled with the incident's facts. 起草通报。",
        discussion: """
            Example: cordon notice INC-20261129-001 regulator --lang zh > 报告.txt

            The draft states every element PIPL Art. 57 requires; what is still unknown is marked \
            (【待补充：原因】 / [TO BE CONFIRMED: cause]) and listed on standard error. Nothing is \
            recorded: once the notice has gone out, record it with cordon notify. --output FILE \
            writes the draft whole or not at all.

            Reports to the cyberspace regulator come in stages: --stage initial (what is known \
            within the limit), followup (what changed since the last report that went out) and \
            final (the summary once the incident is handled); without --stage, the one due next. \
            The summary states accountability only with --include-accountability.
            """)

    @Argument(help: "Incident id.") var id: String
    @Argument(help: "Audience with a template in the playbook: regulator, individuals, …") var audience: String
    @Option(help: "initial | followup | final, for an audience reported to in stages (default: the one due next).") var stage: ReportStage?
    @Flag(help: "Let the summary report state the accountability (追责) records.") var includeAccountability = false
    @Option(help: ArgumentHelp("Write the draft to FILE, replacing it only once the whole draft is on disk. 写入文件。", valueName: "file")) var output: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let session = try context.open(id)
            let now = session.state.local(context.now)
            let draft = try NoticeDraft.make(
                playbook: session.playbook, state: session.state, audience: audience, stage: stage, language: context.language, now: now,
                includeAccountability: includeAccountability)
            if context.options.json {
                try context.emit(JSONWriter.string(.object([
                    "id": .string(session.state.id), "audience": .string(draft.audience), "stage": draft.stage.map { .string($0.rawValue) } ?? .null,
                    "language": .string(draft.language.rawValue),
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
            if draft.stage == .final, !includeAccountability, session.state.accountability.contains(where: { !$0.isWithdrawn }) {
                context.warn(context.text(
                    "责任处理未写入：追责记录只在加 --include-accountability 时写入总结报告。",
                    "Responsibility is left marked: accountability records go into the summary only with --include-accountability."))
            }
            let stageOption = draft.stage.map { " --stage \($0.rawValue)" } ?? ""
            let notified = session.state.notices.filter { $0.audience == audience && (draft.stage == nil || $0.stage == draft.stage) }
            if notified.isEmpty || draft.stage == .followup {
                context.warn(context.text(
                    "发出后请记录（时间线保存发出的全文）：cordon notify \(session.state.id) \(audience)\(stageOption) --channel …",
                    "Once it has gone out, record it (the timeline keeps the text sent): cordon notify \(session.state.id) \(audience)\(stageOption) --channel …"))
            }
        }
    }
}
