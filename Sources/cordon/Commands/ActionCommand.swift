import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: HelpText.pick("记录改进措施及其进展。", "Record improvement actions and their progress."),
        discussion: """
            cordon action ID add "外包商账号启用双因素认证" --owner 李明 --due 2026-12-31 [--finding F1]
            cordon action ID update A1 [--status open|in-progress|done|dropped] [--owner NAME] [--due DATE] [--note TEXT]
            cordon action ID [list]

            --due takes 2026-12-31 or +30d (days from today on the incident's calendar, at its \
            declaration's UTC offset, as is "overdue"). Updates are accepted after the incident is closed: actions \
            outlive incidents. `cordon actions` lists what is still owed across every incident.

            事件关闭后仍可更新改进措施；cordon actions 列出所有事件中未完成的措施。
            """)

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case list, add, update
    }

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "list | add | update") var verb: Verb = .list
    @Argument(help: "add: what is to be done; update: the action (A1).") var words: [String] = []
    @Option(help: "Who owns it.") var owner: String?
    @Option(help: "Due day: 2026-12-31, +30d or +30天.") var due: String?
    @Option(help: "open | in-progress | done | dropped") var status: String?
    @Option(help: "The finding it answers (F1).") var finding: String?
    @Option(help: "A note on the update (required to drop an action).") var note: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if verb == .update && words.count != 1 {
            throw ValidationError("Name the one action to update, e.g. cordon action \(id) update A1 --status done · 请写明要更新的措施编号。")
        }
    }

    func run() throws {
        try CordonCLI.run(global) { context in
            switch verb {
            case .add:
                guard let due else {
                    throw Refusal("due-required", zh: "改进措施需要完成期限：--due 2026-12-31 或 +30d。", en: "An action needs a due date: --due 2026-12-31 or +30d")
                }
                try context.perform(on: id) { state in
                    .record(.addAction(ActionInput(
                        title: words.joined(separator: " "), owner: owner ?? "", due: try context.dueDate(due, in: state), finding: finding)))
                }
            case .update:
                var parsed: ActionStatus?
                if let status {
                    guard let value = ActionStatus(parsing: status) else {
                        throw Refusal("bad-status", zh: "状态请写 open、in-progress、done 或 dropped。", en: "The status is open, in-progress, done or dropped.")
                    }
                    parsed = value
                }
                try context.perform(on: id) { state in
                    .record(.updateAction(ActionChange(
                        id: words[0], status: parsed, owner: owner, due: try due.map { try context.dueDate($0, in: state) }, note: note)))
                }
            case .list:
                let session = try context.open(id)
                let actions = session.state.actions
                let now = session.state.local(context.now)
                if context.options.json {
                    context.printJSON(.array(actions.map { RecordJSON.action($0, now: now) }))
                    return
                }
                if actions.isEmpty {
                    print(context.text("（尚无改进措施）", "(no improvement actions yet)"))
                }
                for action in actions {
                    print(ActionLine.render(action, incident: nil, now: now, context: context))
                }
            }
        }
    }
}

/// One action as a line: `A1  2026-12-31  逾期 3 天  进行中  李明  启用双因素认证`, where
/// `now` is at the incident's offset so that its calendar decides what is overdue.
enum ActionLine {
    static func render(_ action: ImprovementAction, incident: String?, now: Timestamp, context: Context) -> String {
        var parts: [String] = []
        if let incident { parts.append(incident) }
        parts.append(action.id)
        parts.append(action.due.description)
        if action.isOverdue(at: now) {
            let days = action.due.days(to: DueDate.today(now))
            parts.append(context.text("逾期 \(days) 天", "OVERDUE \(days)d"))
        }
        parts.append(action.status.title[context.language])
        parts.append(action.owner.terminalSafe)
        parts.append(action.title.terminalSafe)
        return parts.joined(separator: "  ")
    }
}
