import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Drills, replay and the drill report as a new user meets them: the real binary, a fresh home.
@Suite("Drills and replay on the command line")
struct DrillCommandLineTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    /// Runs a headless drill with `input` as the facilitator's lines and returns its JSON lines.
    func drill(_ scenario: String, seed: Int, speed: Int = 10_000, input: String) throws -> (id: String, lines: [JSONObject]) {
        let result = try cordon.run(["drill", scenario, "--headless", "--speed", "\(speed)", "--seed", "\(seed)", "--json"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map { try #require(try JSONReader.parse(String($0)).object) }
        return (try #require(lines.first?.string("drill")), lines)
    }

    @Test("a headless drill runs under drills/ only, delivers injects with their forced facts, and ends scored")
    func headlessDrill() throws {
        let (id, lines) = try drill("data-room-overshare", seed: 7, input: "f\nf\nq\n")
        #expect(id.hasPrefix("DRL-"))
        let injects = lines.filter { $0.string("type") == EventType.injectDelivered }.compactMap { $0["data"]?.object?.string("inject") }
        #expect(injects == ["vdr-confirms", "grading-call"], "the start's inject, then one more for each f")
        #expect(lines.contains { $0.string("type") == EventType.classified && $0["data"]?.object?.string("severity") == "major" })
        let evaluation = try #require(lines.last)
        #expect(evaluation.int("max_score") == 100)
        #expect(evaluation.string("end_reason") == "facilitator")
        #expect(evaluation["expectations"]?.array?.count == 8)

        #expect(FileManager.default.fileExists(atPath: cordon.timeline(id)))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/home/incidents"))
        let listed = try cordon.run(["list", "--drills"]).stdout
        #expect(listed.contains("\(id)  ended, score \(evaluation.int("score") ?? -1)/100"), "\(listed)")
        #expect(!(try cordon.run(["list"]).stdout.contains(id)))

        let report = try cordon.run(["report", id, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let section = try JSONReader.parse(report.stdout).object?["sections"]?.object?["drill"]?.object
        #expect(section?.int("score") == evaluation.int("score"), "the after-action report carries the drill's evaluation")
        #expect(section?["expectations"]?.array?.count == 8)
        let markdown = try cordon.run(["report", id, "--lang", "zh"])
        #expect(markdown.stdout.contains("## 演练评估"))
        #expect(markdown.stdout.contains("**得分**: \(evaluation.int("score") ?? -1) / 100"), "\(markdown.stdout)")
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("a line of the headless drill's input that is not UTF-8 is refused with the notes' wording, never recorded garbled")
    func headlessInputNotUTF8() throws {
        let gbk: [UInt8] = [0xB2, 0xBB, 0xD3, 0xE8, 0xD6, 0xC3, 0xC6, 0xC0]  // 不予置评 in GBK
        let input = Array("f\na vdr-confirms ".utf8) + gbk + Array("\na vdr-confirms 不予置评\nq\n".utf8)
        let result = try cordon.run(["drill", "data-room-overshare", "--headless", "--speed", "10000", "--seed", "7", "--json", "--lang", "zh"], stdinBytes: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("这一行输入不是 UTF-8 文本，未记录。如为 GBK 编码，请先转换：iconv -f GBK -t UTF-8。"), "\(result.stderr)")
        let id = try #require(try JSONReader.parse(String(result.stdout.split(separator: "\n")[0])).object?.string("drill"))
        let timeline = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        #expect(!timeline.contains("\u{FFFD}"), "no replacement characters in the timeline")
        let answers = timeline.split(separator: "\n").filter { $0.contains("\"type\":\"note.added\"") && $0.contains("\"inject\":\"vdr-confirms\"") }
        #expect(answers.count == 1 && answers[0].contains("不予置评"), "the line typed in UTF-8 is recorded")

        let notes = try cordon.run(["note", id, "-", "--lang", "en"], stdinBytes: gbk)
        #expect(notes.stderr.contains("Standard input is not UTF-8 text; nothing was recorded. If it is GBK, convert it first: iconv -f GBK -t UTF-8"), "the same words for a note: \(notes.stderr)")
    }

    @Test("a headless drill stopped by a signal records why: a hang-up, or a stop")
    func headlessSignals() throws {
        for (signal, reason) in [(SIGHUP, "hangup"), (SIGTERM, "signal")] {
            let process = cordon.start(["drill", "data-room-overshare", "--headless", "--speed", "1", "--json"], stdin: "")
            let output = process.standardOutput as! Pipe
            try process.run()
            var first = Data()
            while !first.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                first += chunk
            }
            let id = try #require(try JSONReader.parse(String(decoding: first.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)).object?.string("drill"))
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning {
                Issue.record("signal \(signal) did not end the headless drill")
                kill(process.processIdentifier, SIGKILL)
            }
            _ = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let last = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).split(separator: "\n").last ?? ""
            #expect(last.contains("\"type\":\"drill.ended\"") && last.contains("\"reason\":\"\(reason)\""), "\(last)")
        }
    }

    @Test("the same seed gives the same drill: injects, variants and times")
    func sameSeed() throws {
        func injects(_ lines: [JSONObject]) -> [String] {
            lines.filter { $0.string("type") == EventType.injectDelivered }.map {
                "\($0.int("offset_seconds") ?? -1) \($0["data"]?.object?.string("inject") ?? "") \($0["data"]?.object?.int("version") ?? -1)"
            }
        }
        let input = String(repeating: "f\n", count: 9)
        let first = try drill("credential-stuffing", seed: 42, input: input)
        let second = try drill("credential-stuffing", seed: 42, input: input)
        let other = try drill("credential-stuffing", seed: 43, input: input)
        #expect(injects(first.lines).count == 7)
        #expect(injects(first.lines) == injects(second.lines))
        #expect(injects(first.lines) != injects(other.lines))
    }

    @Test("replay at the last event of an ended drill prints what status prints, byte for byte")
    func replayMatchesStatus() throws {
        let (id, _) = try drill("departing-collections-manager", seed: 1, input: "f\nf\nq\n")
        #expect(try cordon.run(["note", id, "--lesson", "先保全证据再约谈"]).status == 0)
        let status = try cordon.run(["status", id, "--json"])
        let events = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).split(separator: "\n").count
        let replay = try cordon.run(["replay", id, "--at", "\(events)", "--json"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == status.stdout, "an ended drill's clock stands still, so both read the same moment")
        let end = try #require(try JSONReader.parse(status.stdout).object?.string("as_of"))
        #expect(try cordon.run(["replay", id, "--at", end, "--json"]).stdout == status.stdout)
    }

    @Test("replay at a seq reads the state at that event's own time; bad moments are refused with a reason")
    func replayAtSeq() throws {
        let id = try cordon.declare(extra: ["--severity", "serious"])
        #expect(try cordon.run(["step", id, "confirm-leak", "done"]).status == 0)
        #expect(try cordon.run(["note", id, "样本比对完成"]).status == 0)
        let line = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8).split(separator: "\n")[1]
        let event = try Event(line: Array(line.utf8))
        let doc = try #require(try JSONReader.parse(try cordon.run(["replay", id, "--at", "2", "--json"]).stdout).object)
        #expect(doc.int("seq") == 2)
        #expect(doc.string("as_of") == event.ts.iso8601)
        #expect(doc.int("notes") == 0)
        #expect(doc["steps"]?.array?.first?.object?.string("state") == "done")

        let human = try cordon.run(["replay", id, "--at", "2", "--lang", "en"])
        #expect(human.stdout.contains("after event 2 of 3"))
        #expect(human.stdout.contains("[x] confirm-leak"))
        for bad in ["0", "4", "yesterday-ish", "2001-01-01 09:00"] {
            let refused = try cordon.run(["replay", id, "--at", bad])
            #expect(refused.status == 64, "a moment the timeline does not have is bad usage: \(bad): \(refused.stderr)")
        }
        let transcript = try cordon.run(["replay", id, "--lang", "en"])
        #expect(transcript.stdout.contains("#3"))
        #expect(transcript.stderr.contains("no terminal here for the replay player"))
    }

    @Test("without a terminal the drill console refuses and creates nothing; bad speeds and unknown scenarios are refused")
    func drillRefusals() throws {
        let console = try cordon.run(["drill", "data-room-overshare", "--lang", "en"])
        #expect(console.status == 64)
        #expect(console.stderr.contains("needs a terminal"))
        #expect(try cordon.run(["drill", "data-room-overshare", "--headless", "--speed", "0"]).status == 2)
        let unknown = try cordon.run(["drill", "no-such-drill", "--headless"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("credential-stuffing"), "the message lists the scenarios there are")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/home/drills"))

        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "--answers", "journalist", "不予置评"]).status == 2)
    }

    @Test("validate checks scenarios against their playbook with file:line; list does not take them for playbooks")
    func validateScenarios() throws {
        let playbooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../playbooks").standardized.path
        let all = try cordon.run(["playbooks", "validate", playbooks])
        #expect(all.status == 0, "\(all.stdout)")
        #expect(all.stdout.split(separator: "\n").filter { $0.hasPrefix("ok") }.count >= 5)

        let bad = folder.write("mine/drills/broken.yaml", try String(contentsOfFile: playbooks + "/drills/data-room-overshare.yaml", encoding: .utf8)
            .replacingOccurrences(of: "  - step: grade-incident", with: "  - step: grade-the-incident"))
        _ = folder.write("mine/pi-leak.yaml", try String(contentsOfFile: playbooks + "/pi-leak.yaml", encoding: .utf8))
        let result = try cordon.run(["playbooks", "validate", bad])
        #expect(result.status == 1)
        let line = try String(contentsOfFile: bad, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("grade-the-incident") }.map { $0 + 1 }
        #expect(result.stdout.contains("broken.yaml:\(line ?? 0):"), "\(result.stdout)")
        #expect(result.stdout.contains("no step 'grade-the-incident'"))

        var listing = cordon
        listing.environment["CORDON_PLAYBOOKS"] = folder.path + "/mine"
        let list = try listing.run(["playbooks", "list", "--json"])
        let items = try #require(try JSONReader.parse(list.stdout).array).compactMap(\.object)
        #expect(items.first?.string("id") == "pi-leak")
        #expect(items.contains { $0.string("path")?.hasSuffix("broken.yaml") == true && $0.string("error") != nil })
        #expect(!items.contains { $0.string("path")?.contains("/drills/") == true && $0.string("id") != nil }, "a scenario is not a playbook")
        #expect(items.first { $0.string("id") == "data-room-overshare" }?["drills"] == ["data-room-overshare"])
    }
}
