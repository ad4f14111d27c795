import ArgumentParser
import CordonCore
import CordonStore
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.pick("按哈希链逐行校验时间线，并输出链头哈希。", "Check every line of a timeline against the hash chain; print the head hash."),
        discussion: "Exit 0 when intact, 1 with the first line that breaks the chain. Anchor the printed head hash outside this machine.")

    @Argument(help: ArgumentHelp(HelpText.pick("事件编号，如 INC-20261129-001（大小写均可）。", "Incident id, e.g. INC-20261129-001 (any case)."))) var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let incident = try IncidentStore.parseId(id)
            let folder = context.home.folder(for: incident)
            guard FileManager.default.fileExists(atPath: folder + "/" + IncidentStore.timelineFile) else {
                _ = try context.store.open(incident, stamp: context.stamp)
                return
            }
            let report = try Verifier.verify(folder: folder)
            if context.options.json {
                var doc: JSONObject = [
                    "id": .string(incident.description), "intact": .bool(report.isIntact),
                    "lines": .int(report.intactLines), "head": .string(report.headHash),
                ]
                if let damage = report.damage {
                    doc["first_bad_seq"] = .int(damage.line)
                    doc["reason"] = .string(damage.reason)
                    doc["confirmed_lines"] = .int(report.confirmedLines)
                    doc["confirmed_head"] = .string(report.confirmedHead)
                    if report.confirmedLines < report.intactLines {
                        doc["suspect_lines"] = .array([.int(damage.line - 1), .int(damage.line)])
                    }
                }
                doc["torn_tail_bytes"] = report.tornTail.map { .int($0.length) } ?? .null
                doc["playbook_altered"] = .bool(report.playbookAltered)
                if incident.isDrill { doc["scenario_altered"] = .bool(report.scenarioAltered) }
                doc["declared_as"] = report.misplacedAs.map(JSONValue.string) ?? .null
                doc["checkpoint"] = .string(report.checkpoint.name)
                doc["side_files"] = .array(report.sideFiles.map { .string($0) })
                print(JSONWriter.string(.object(doc)))
            } else {
                if let damage = report.damage {
                    if report.confirmedLines < report.intactLines {
                        let before = damage.line - 1
                        print(context.text(
                            "损坏：第 \(before) 行与第 \(damage.line) 行之间的哈希链断开（第 \(damage.line) 行的 prev 不是第 \(before) 行的哈希）：第 \(before) 行被改动，或第 \(damage.line) 行被改动，或两行之间有行被删除或调换。",
                            "BROKEN between lines \(before) and \(damage.line) (line \(damage.line)'s prev is not the hash of line \(before)): line \(before) was edited, or line \(damage.line) was, or lines between them were removed or reordered."))
                    } else {
                        print(context.text("损坏：第 \(damage.line) 行（seq \(damage.line)）：\(damage.reason)", "BROKEN at line \(damage.line) (seq \(damage.line)): \(damage.reason)"))
                    }
                    if report.confirmedLines == 0 {
                        print(context.text("没有可确认完好的行。", "No line can be confirmed intact."))
                    } else {
                        print(context.text("前 \(report.confirmedLines) 行完好，其末行哈希：", "The first \(report.confirmedLines) lines are intact; head of that part: ") + report.confirmedHead)
                    }
                } else {
                    print(context.text("完好：\(report.intactLines) 行，哈希链无断裂。", "intact: \(report.intactLines) lines, the hash chain holds."))
                    print(context.text("头哈希：", "head: ") + report.headHash)
                }
                if let torn = report.tornTail {
                    print(context.text("注意：末尾有 \(torn.length) 字节的不完整行（写入时崩溃），不属于已确认记录；下一次写入会把它移到旁边的文件中。", "note: the file ends in an incomplete line of \(torn.length) bytes (a crash mid-write); it was never acknowledged and the next write moves it to a side file."))
                }
                if report.playbookAltered {
                    print(context.text("损坏：冻结的剧本副本 playbook.yaml 与宣布时记录的哈希不符。", "BROKEN: the frozen playbook.yaml does not match the hash recorded at declaration."))
                }
                if let declared = report.misplacedAs {
                    print(context.text("损坏：此目录的时间线声明的是 \(declared.terminalSafe)，时间线被复制或移动过。", "BROKEN: the timeline in this folder declares \(declared.terminalSafe); it was copied or moved."))
                }
                if report.scenarioAltered {
                    print(context.text("损坏：冻结的演练场景 scenario.yaml 与宣布时记录的哈希不符。", "BROKEN: the frozen drill scenario scenario.yaml does not match the hash recorded at declaration."))
                }
                switch report.checkpoint {
                case .contradicts(let seq):
                    print(context.text(
                        "损坏：检查点 checkpoint.json（覆盖到第 \(seq) 行）与逐行折叠时间线的结果不符，说明它被伪造或改动过。请先保留该目录作为证据，再删除该文件；之后的命令会从第 1 行读取并重建它。",
                        "BROKEN: checkpoint.json (covering lines up to \(seq)) does not match what folding the timeline gives: it was forged or edited. Keep the folder as evidence, then delete that file; commands then read from the first line and rebuild it."))
                case .ignored:
                    print(context.text("注意：检查点 checkpoint.json 与时间线不符，命令不会采用它；下一次命令会重建。", "note: checkpoint.json does not match the timeline, so commands ignore it; the next command rebuilds it."))
                case .unverifiable(let seq):
                    print(context.text("注意：时间线在检查点覆盖的第 \(seq) 行之前已损坏，无法核对检查点。", "note: the timeline is damaged before line \(seq), which checkpoint.json covers, so the checkpoint cannot be checked."))
                case .absent, .agrees:
                    break
                }
                if !report.sideFiles.isEmpty {
                    print(context.text("注意：目录中有 \(report.sideFiles.count) 个先前移出的残缺行文件（从未确认）：", "note: \(report.sideFiles.count) torn tail(s) moved aside earlier (never acknowledged): ") + report.sideFiles.joined(separator: ", ").terminalSafe)
                }
            }
            if !report.isIntact { throw ExitCode(1) }
        }
    }
}

extension VerifyReport.CheckpointFinding {
    /// As `verify --json` names it.
    var name: String {
        switch self {
        case .absent: "absent"
        case .agrees: "agrees"
        case .ignored: "ignored"
        case .contradicts: "contradicts"
        case .unverifiable: "unverifiable"
        }
    }
}
