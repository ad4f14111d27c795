import ArgumentParser
import CordonCore
import CordonStore

struct ListIncidents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List incidents, open ones first (or drills with --drills). 列出事件。")

    @Flag(help: "List drills instead of real incidents.") var drills = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            try context.store.checkFolders(for: drills ? .drill : .incident)
            let summaries = context.store.list(kind: drills ? .drill : .incident)
            let ordered = summaries.filter { $0.state?.isClosed != true } + summaries.filter { $0.state?.isClosed == true }
            if context.options.json {
                let items: [JSONValue] = ordered.map { summary in
                    guard let state = summary.state else {
                        return .object(["id": .string(summary.id.description), "error": .string(summary.problem?[context.language] ?? "")])
                    }
                    var item: JSONObject = [
                        "id": .string(state.id), "title": .string(state.title), "playbook": .string(state.playbookId),
                        "phase": .string(state.phase), "severity": state.severity.map { .string($0.rawValue) } ?? .null,
                        "closed": .bool(state.isClosed), "declared_at": .string(state.declaredAt.iso8601),
                        "last_event_at": .string(state.lastEventAt.iso8601), "events": .int(state.lastSeq),
                    ]
                    if let drill = state.drill {
                        item["scenario"] = .string(drill.scenario)
                        item["ended"] = .bool(drill.hasEnded)
                        item["score"] = drill.score.map(JSONValue.int) ?? .null
                        item["max_score"] = drill.maximumScore.map(JSONValue.int) ?? .null
                    }
                    return .object(item)
                }
                print(JSONWriter.string(.array(items)))
                return
            }
            if ordered.isEmpty {
                print(context.text("（\(context.home.folder(for: drills ? .drill : .incident)) 下没有\(drills ? "演练" : "事件")）", "(no \(drills ? "drills" : "incidents") under \(context.home.folder(for: drills ? .drill : .incident)))"))
            }
            for summary in ordered {
                guard let state = summary.state else {
                    print("\(summary.id)  ⚠ \(summary.problem?[context.language] ?? "")")
                    continue
                }
                let severity = state.severity?.title[context.language] ?? context.text("未定级", "ungraded")
                var status = state.isClosed ? context.text("已关闭", "closed") : state.phase
                if let drill = state.drill {
                    if drill.hasEnded, let score = drill.score, let maximum = drill.maximumScore {
                        status = context.text("已结束 得分 \(score)/\(maximum)", "ended, score \(score)/\(maximum)")
                    } else if !drill.hasEnded {
                        status = context.text("进行中", "running") + " · " + status
                    }
                }
                print("\(state.id.terminalSafe)  \(status.terminalSafe)  [\(severity)]  \(state.title.terminalSafe)")
            }
        }
    }
}
