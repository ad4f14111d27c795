import ArgumentParser
import CordonCore
import CordonStore
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every line of a timeline against the hash chain and the rules; print the head as SEQ:HASH. 校验时间线。",
        discussion: """
            Exit 0 when intact; 1 with the first line that breaks the chain, any line dated before the one it follows, \
            any event the rules would have refused where it stands, a checkpoint that covers more than the timeline holds, \
            or an --expect that does not hold. Note the printed head (SEQ:HASH) outside this machine and pass it back with --expect.
            """)

    @Argument(help: "Incident id.") var id: String
    @Option(name: .customLong("expect"), help: ArgumentHelp("Line SEQ must be there, intact, with this SHA-256 (repeatable).", valueName: "SEQ:HASH"))
    var expected: [String] = []
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for text in expected where VerifyReport.LineAnchor(text) == nil {
            throw ValidationError("--expect takes SEQ:HASH, a line number and its 64-hex-digit SHA-256 as verify prints it (e.g. 283:9f86d0…), not '\(text.prefix(80))' · --expect 的格式为 行号:哈希。")
        }
    }

    func run() throws {
        try CordonCLI.run(global) { context in
            let anchors = expected.compactMap(VerifyReport.LineAnchor.init)
            let incident = try IncidentStore.parseId(id)
            let folder = context.home.folder(for: incident)
            guard try context.store.checkIncident(incident) else {
                _ = try context.store.open(incident, stamp: context.stamp)
                return
            }
            let report = try Verifier.verify(folder: folder, expecting: anchors)
            if context.options.json {
                var doc: JSONObject = [
                    "id": .string(incident.description), "intact": .bool(report.isIntact),
                    "lines": .int(report.intactLines), "head": .string(report.headHash),
                    "anchor": .string(VerifyReport.LineAnchor(seq: report.intactLines, hash: report.headHash).description),
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
                if report.damage == nil, let first = report.objections.first { doc["first_bad_seq"] = .int(first.seq) }
                doc["torn_tail_bytes"] = report.tornTail.map { .int($0.length) } ?? .null
                doc["playbook_altered"] = .bool(report.playbookAltered)
                if incident.isDrill { doc["scenario_altered"] = .bool(report.scenarioAltered) }
                doc["declared_as"] = report.misplacedAs.map(JSONValue.string) ?? .null
                doc["checkpoint"] = .string(report.checkpoint.name)
                doc["side_files"] = .array(report.sideFiles.map { .string($0) })
                doc["objections"] = .array(report.objections.map { objection in
                    .object(["seq": .int(objection.seq), "code": .string(objection.code), "message": .string(objection.message[context.language])])
                })
                doc["expected"] = .array(report.anchors.map { finding in
                    var entry: JSONObject = ["anchor": .string(finding.anchor.description), "holds": .bool(finding.outcome == .holds)]
                    switch finding.outcome {
                    case .holds: break
                    case .missing: entry["problem"] = "missing"
                    case .differs(let actual):
                        entry["problem"] = "differs"
                        entry["actual"] = .string(actual)
                    }
                    return .object(entry)
                })
                print(JSONWriter.string(.object(doc)))
            } else {
                if let damage = report.damage {
                    if report.confirmedLines < report.intactLines {
                        let before = damage.line - 1
                        print(context.text(
                            "损坏：第 \(before) 行与第 \(damage.line) 行之间的哈希链断开（第 \(damage.line) 行的 prev 不是第 \(before) 行的哈希）：第 \(before) 行被改动，或第 \(damage.line) 行被改动，或两行之间有行被删除或调换。",
                            "BROKEN between lines \(before) and \(damage.line) (line \(damage.line)'s prev is not the hash of line \(before)): line \(before) was edited, or line \(damage.line) was, or lines between them were removed or reordered."))
                    } else {
                        print(context.text("损坏：第 \(damage.line) 行（seq \(damage.line)）：\(damage.reason.terminalSafe)", "BROKEN at line \(damage.line) (seq \(damage.line)): \(damage.reason.terminalSafe)"))
                    }
                    if report.confirmedLines == 0 {
                        print(context.text("没有可确认完好的行。", "No line can be confirmed intact."))
                    } else {
                        print(context.text("前 \(report.confirmedLines) 行完好，其末行：", "The first \(report.confirmedLines) lines are intact; head of that part: ")
                            + VerifyReport.LineAnchor(seq: report.confirmedLines, hash: report.confirmedHead).description)
                    }
                } else {
                    print(report.isIntact
                        ? context.text("完好：\(report.intactLines) 行，哈希链无断裂，每条记录都符合规则。", "intact: \(report.intactLines) lines, the hash chain holds and every event keeps the rules.")
                        : context.text("哈希链无断裂：\(report.intactLines) 行。", "the hash chain holds: \(report.intactLines) lines."))
                    print(context.text("头（行号:哈希，请在别处记下）：", "head (SEQ:HASH, note it elsewhere): ")
                        + VerifyReport.LineAnchor(seq: report.intactLines, hash: report.headHash).description)
                }
                for objection in report.objections {
                    print(context.text("损坏：", "BROKEN: ") + objection.message[context.language].terminalSafe)
                }
                for finding in report.anchors {
                    let anchor = finding.anchor
                    switch finding.outcome {
                    case .holds:
                        print(context.text("符合：第 \(anchor.seq) 行的哈希与 \(anchor) 一致。", "expected: line \(anchor.seq) is there with that hash (\(anchor))."))
                    case .missing:
                        print(context.text(
                            "损坏：别处记下的第 \(anchor.seq) 行不在时间线中（完好的只有 \(report.intactLines) 行）：末尾的行被删掉了，或时间线在其之前已损坏。",
                            "BROKEN: line \(anchor.seq), noted elsewhere as \(anchor), is not in the timeline (it holds \(report.intactLines) intact lines): lines were cut from its end, or it is damaged before."))
                    case .differs(let actual):
                        print(context.text(
                            "损坏：第 \(anchor.seq) 行的哈希是 \(actual)，不是别处记下的 \(anchor.hash)：该行或其之前的行被改写过。",
                            "BROKEN: line \(anchor.seq) hashes to \(actual), not \(anchor.hash) as noted elsewhere: it, or a line before it, was rewritten."))
                    }
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
                case .truncated(let seq):
                    print(context.text(
                        "损坏：检查点 checkpoint.json 覆盖到第 \(seq) 行，超出时间线现有的内容：末尾的行很可能被删掉了。检查点保持原样，作为时间线原有长度的证据。",
                        "BROKEN: checkpoint.json covers lines up to \(seq), more than the timeline now holds: lines were likely cut from its end. The checkpoint is left as it is, as evidence of how long the timeline was."))
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
        case .truncated: "truncated"
        }
    }
}
