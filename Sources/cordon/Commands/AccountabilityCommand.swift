import ArgumentParser
import CordonCore
import CordonReport
import CordonStore

struct AccountabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accountability",
        abstract: HelpText.pick("记录或列出追责：责任人、未履行的职责、所依据的调查结论、处理措施。", "Record or list accountability: who, duty not met, the finding, the measure."),
        discussion: """
            cordon accountability ID add --person NAME --duty TEXT --finding F1 --measure TEXT
            cordon accountability ID withdraw R1 --reason TEXT
            cordon accountability ID [list]

            These records are shown only here and in `cordon report --include-accountability`: never in \
            status, in the console's main view or in the plain report. The timeline says only that an \
            entry was recorded.

            追责内容只在此处和 report --include-accountability 中显示，不出现在 status 和控制台主界面。
            """)

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case list, add, withdraw
    }

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "list | add | withdraw") var verb: Verb = .list
    @Argument(help: "The entry (R1) to withdraw.") var entry: String?
    @Option(help: "The person responsible.") var person: String?
    @Option(help: "The duty that was not met.") var duty: String?
    @Option(help: "The finding it rests on (F1).") var finding: String?
    @Option(help: "The measure proposed.") var measure: String?
    @Option(help: "Why it is withdrawn.") var reason: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if verb == .withdraw && entry == nil {
            throw ValidationError("Name the entry to withdraw, e.g. cordon accountability \(id) withdraw R1 --reason … · 请写明追责记录编号。")
        }
    }

    func run() throws {
        try CordonCLI.run(global) { context in
            switch verb {
            case .add:
                try context.perform(.record(.addAccountability(AccountabilityInput(
                    person: person ?? "", duty: duty ?? "", finding: finding ?? "", measure: measure ?? ""))), on: id)
            case .withdraw:
                try context.perform(.record(.withdrawAccountability(id: entry ?? "", reason: reason ?? "")), on: id)
            case .list:
                let session = try context.open(id)
                let entries = session.state.accountability
                if context.options.json {
                    context.printJSON(.array(entries.map(RecordJSON.accountability)))
                    return
                }
                context.warn(context.text("内部追责信息，仅限授权人员查阅。", "Internal accountability records: for authorised readers only."))
                if entries.isEmpty {
                    print(context.text("（尚无追责记录）", "(no accountability entries)"))
                }
                for entry in entries {
                    let status = entry.withdrawal.map { context.text("已撤回：", "withdrawn: ") + $0.reason.terminalSafe } ?? context.text("有效", "standing")
                    print("\(entry.id)  \(entry.person.terminalSafe)  [\(status)]")
                    print(context.text("    未履行的职责：", "    duty not met: ") + entry.duty.terminalSafe)
                    print(context.text("    依据：", "    finding: ") + entry.finding + (session.state.findings.first { $0.id == entry.finding }.map { " " + $0.text.terminalSafe } ?? ""))
                    print(context.text("    拟处理措施：", "    measure proposed: ") + entry.measure.terminalSafe)
                }
            }
        }
    }
}
