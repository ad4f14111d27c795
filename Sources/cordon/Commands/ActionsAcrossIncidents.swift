import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct ActionsAcrossIncidents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List open and overdue improvement actions across every incident. 列出所有事件中未完成的改进措施。",
        discussion: "Overdue first, then by due date. Closed incidents included: lessons do not die with the incident.")

    @Flag(help: "Also list done and dropped actions.") var all = false
    @Flag(help: "List the actions of drills instead of real incidents.") var drills = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let now = context.now
            // Each incident's actions fall due on its own calendar, at its declaration's offset.
            var rows: [(incident: String, action: ImprovementAction, now: Timestamp)] = []
            var unreadable: [String] = []
            try context.store.checkFolders(for: drills ? .drill : .incident)
            for summary in context.store.list(kind: drills ? .drill : .incident) {
                guard let state = summary.state else {
                    unreadable.append("\(summary.id): \(summary.problem?[context.language] ?? "")")
                    continue
                }
                for action in state.actions where all || action.status.isOutstanding {
                    rows.append((state.id, action, state.local(now)))
                }
            }
            rows.sort { lhs, rhs in
                let (a, b) = (lhs.action.isOverdue(at: lhs.now), rhs.action.isOverdue(at: rhs.now))
                if a != b { return a }
                return (lhs.action.due, lhs.incident, lhs.action.id) < (rhs.action.due, rhs.incident, rhs.action.id)
            }
            for problem in unreadable {
                context.warn(context.text("无法读取 ", "cannot read ") + problem.terminalSafe)
            }
            if context.options.json {
                context.printJSON(.array(rows.map { row in
                    var entry = RecordJSON.action(row.action, now: row.now).object ?? [:]
                    entry["incident"] = .string(row.incident)
                    return .object(entry)
                }))
                return
            }
            if rows.isEmpty {
                print(context.text("（没有未完成的改进措施）", "(no outstanding improvement actions)"))
            }
            for row in rows {
                print(ActionLine.render(row.action, incident: row.incident, now: row.now, context: context))
            }
        }
    }
}
