import ArgumentParser
import CordonCore
import CordonReport
import CordonStore
import Foundation

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding",
        abstract: HelpText.pick("记录调查结论：根本原因、促成因素、攻击时间线。", "Record the investigation's findings: root cause, contributing factors, attacker timeline."),
        discussion: """
            cordon finding ID add --kind root-cause "外包商共享账号未启用双因素认证" [--evidence E1]
            cordon finding ID add --kind contributing "数据库审计告警未接入值班"
            cordon finding ID add --kind timeline --at "2026-11-28 23:10" "使用外包商账号登录堡垒机" --evidence E2
            cordon finding ID withdraw F2 --reason TEXT
            cordon finding ID [list]

            Text may be several words; `-` reads it from standard input. A finding is never edited \
            away: withdraw it with a reason and add the corrected one.
            """)

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case list, add, withdraw
    }

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @Argument(help: "list | add | withdraw") var verb: Verb = .list
    @Argument(help: "add: the finding's text; withdraw: the finding (F1).") var words: [String] = []
    @Option(help: "root-cause | contributing | timeline") var kind: String?
    @Option(help: "When it happened (timeline entries): 2026-11-28 23:10, 23:10, \"3h ago\"; read at the incident's UTC offset (its declaration's), never in the future.") var at: String?
    @Option(help: "Evidence it rests on (E1); repeat for several.") var evidence: [String] = []
    @Option(help: "Why it is withdrawn.") var reason: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if verb == .add && kind == nil {
            throw ValidationError("Say what kind of finding: --kind root-cause|contributing|timeline · 请用 --kind 说明结论类型。")
        }
        if verb == .withdraw && words.count != 1 {
            throw ValidationError("Name the one finding to withdraw, e.g. cordon finding \(id) withdraw F2 --reason … · 请写明要撤回的结论编号。")
        }
    }

    func run() throws {
        try CordonCLI.run(global) { context in
            switch verb {
            case .add:
                guard let parsed = Finding.Kind(rawValue: kind ?? "") ?? Finding.Kind.allCases.first(where: { $0.title.zh == kind }) else {
                    throw Refusal("bad-kind", zh: "结论类型请写 root-cause（根本原因）、contributing（促成因素）或 timeline（行为时间线）。", en: "The kind is root-cause, contributing or timeline.")
                }
                var text = words.joined(separator: " ")
                if text == "-" { text = try context.readStandardInput() }
                try context.perform(on: id) { state in
                    let occurredAt = try at.map { try context.happened($0, in: state) }
                    return .record(.addFinding(FindingInput(kind: parsed, text: text, occurredAt: occurredAt, evidence: evidence)))
                }
            case .withdraw:
                try context.perform(.record(.withdrawFinding(id: words[0], reason: reason ?? "")), on: id)
            case .list:
                let session = try context.open(id)
                let findings = session.state.findings
                if context.options.json {
                    context.printJSON(.array(findings.map(RecordJSON.finding)))
                    return
                }
                if findings.isEmpty {
                    print(context.text("（尚无调查结论）", "(no findings yet)"))
                }
                let times = session.state.times
                for finding in findings {
                    var line = "\(finding.id)  " + context.text("［\(finding.kind.title.zh)］", "[\(finding.kind.title.en)]")
                    if let when = finding.occurredAt { line += "  \(times.minute(when))" }
                    line += "  \(finding.text.terminalSafe)"
                    if !finding.evidence.isEmpty { line += "  [\(finding.evidence.joined(separator: ", "))]" }
                    if let withdrawal = finding.withdrawal {
                        line += context.text("  （已撤回：", "  (withdrawn: ") + withdrawal.reason.terminalSafe + context.text("）", ")")
                    }
                    print(line)
                }
                if findings.contains(where: { $0.occurredAt != nil }) {
                    print(context.text("（时间均为 \(times.label)）", "(times are \(times.label))"))
                }
            }
        }
    }
}
