import ArgumentParser
import CordonCore
import CordonStore

struct Declare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("宣布新事件，最后一行输出其编号。", "Declare a new incident and print its id as the last line."),
        discussion: "Example: cordon declare --playbook pi-leak --title \"客户信息外泄\" --severity serious --detected-at 09:30")

    @Option(help: "Playbook id (see `cordon playbooks list`) or a path to a playbook file.")
    var playbook: String

    @Option(help: "A short title for the incident.")
    var title: String

    @Option(help: "general 一般 | serious 较大 | major 重大 | critical 特别重大 (may be given later with `cordon classify`).")
    var severity: String?

    @Option(help: "When the leak was detected: 2026-11-29T09:30+08:00, \"2026-11-29 09:30\", 09:30, \"2h ago\" or =-2h (default: now). A time without an offset is read in this terminal's time zone (TZ), which also becomes the incident's: all its times are shown and typed at that offset from then on.")
    var detectedAt: String?

    @Flag(help: "Declare a drill (DRL- id, kept under drills/) instead of a real incident.")
    var drill = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            var severity: Severity?
            if let text = self.severity {
                guard let parsed = Severity(parsing: text) else {
                    throw Refusal("bad-severity", zh: "“\(text)”不是事件级别；可用：general 一般、serious 较大、major 重大、critical 特别重大。", en: "'\(text)' is not a severity; use general, serious, major or critical.")
                }
                severity = parsed
            }
            var detected: Timestamp?
            if let text = detectedAt {
                // There is no incident yet, so its zone is this terminal's, the declaration's.
                detected = try MomentText.happened(text, now: context.now)
            }
            let loaded = try context.catalog.find(playbook)
            let session = try context.store.declare(
                Declaration(playbook: loaded, title: title, severity: severity, detectedAt: detected, kind: drill ? .drill : .incident),
                stamp: context.stamp)
            if context.options.json {
                print(JSONWriter.string(StatusDocument.make(playbook: session.playbook, state: session.state, now: context.stamp.clock.now())))
            } else {
                let phase = session.playbook.phases[0].title[context.language]
                context.warn(context.text("已宣布事件，当前阶段：\(phase)。", "Declared; the incident starts in \(phase)."))
            }
            print(session.id.description)
        }
    }
}
