import ArgumentParser
import CordonCore
import CordonStore

struct SitrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: HelpText.pick("为管理层起草一页态势报告；加 --channel 则记录已发出。", "Draft a one-page situation report for management; with --channel, record that it went out."),
        discussion: """
            Example: cordon sitrep INC-20261129-001                       draft it
                     cordon sitrep INC-20261129-001 --channel 企业微信群     draft it and record it as sent

            The sitrep gives the phase, the clocks, the decisions waiting and what changed since \\
            the last sitrep that went out. A recorded one is kept word for word with its SHA-256, \\
            like a notice, and the next one counts its changes from it.
            """)

    @Argument(help: "Incident id.") var id: String
    @Option(help: "How it went out (e-mail, group chat…): records it as sent.") var channel: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let session = try context.open(id)
            let draft = Sitrep.draft(playbook: session.playbook, state: session.state, now: session.state.local(context.now), language: context.language)
            if let channel {
                let sent = SentText(sealing: draft.body, subject: draft.subject, source: .draft)
                let written = try context.recording(on: session) {
                    try session.perform(.notify(audience: Sitrep.audience, channel: channel, sent: sent))
                }
                if context.options.json {
                    context.printRecorded(written, session: session)
                    return
                }
                context.warn(context.text("态势报告已记录为已发出（时间线保存全文）。", "The sitrep is recorded as sent (the timeline keeps its text)."))
            } else if context.options.json {
                context.printJSON(.object(["id": .string(session.state.id), "subject": .string(draft.subject), "body": .string(draft.body)]))
                return
            }
            print(draft.body.terminalSafeLines, terminator: "")
        }
    }
}
