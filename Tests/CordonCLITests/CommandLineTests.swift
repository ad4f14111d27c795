import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The command line as a new user meets it: the real binary, a fresh home folder.
@Suite("Command line")
struct CommandLineTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    func status(_ id: String) throws -> JSONObject {
        let result = try cordon.run(["status", id, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONReader.parse(result.stdout).object)
    }

    func timelineBytes(_ id: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: cordon.timeline(id)))
    }

    @Test("declare prints the new id as its last line and the incident starts in containment")
    func declare() throws {
        let result = try cordon.run(["declare", "--playbook", "pi-leak", "--title", "尽调数据室超范围共享", "--severity", "较大", "--detected-at", "2h ago"])
        #expect(result.status == 0, "\(result.stderr)")
        let id = result.lastLine
        #expect(IncidentId(id) != nil)
        let doc = try status(id)
        #expect(doc.string("phase") == "containment")
        #expect(doc.string("severity") == "serious")
        #expect(doc.string("title") == "尽调数据室超范围共享")
        #expect(doc["deadlines"]?.array?.compactMap { $0.object?.string("id") }.contains("cac-report") == true)
        #expect(try cordon.run(["list"]).stdout.contains(id))
    }

    @Test("refused commands print one line, exit 2 and leave the timeline byte for byte unchanged")
    func refusals() throws {
        let id = try cordon.declare()
        let before = try timelineBytes(id)
        let attempts: [[String]] = [
            ["advance", id],
            ["advance", id, "--force"],
            ["step", id, "isolate-source", "skip"],
            ["step", id, "no-such-step", "done"],
            ["step", id, "isolate-source", "reopen"],
            ["assign", id, "cmdr", "王磊"],
            ["classify", id, "huge"],
            ["notify", id, "press", "--channel", "微博"],
            ["note", id, " "],
        ]
        for arguments in attempts {
            let result = try cordon.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try timelineBytes(id) == before)
        let advance = try cordon.run(["advance", id])
        #expect(advance.stderr.contains("confirm-leak") && advance.stderr.contains("--force --reason"))
    }

    @Test("a note typed in Chinese is stored intact, and --actor is recorded beside the login")
    func chineseNote() throws {
        let id = try cordon.declare()
        let text = "已联系数据室供应商（Intralinks）关闭下载；涉及客户约 3.2 万人 ✅"
        let result = try cordon.run(["note", id, text, "--actor", "李娜"])
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(String(decoding: try timelineBytes(id), as: UTF8.self).split(separator: "\n").last)
        #expect(last.contains("\"text\":\"\(text)\""))
        let event = try Event(line: Array(last.utf8))
        #expect(event.data.string("text") == text)
        #expect(event.data.string("as") == "李娜")
        #expect(event.actor != "李娜")
    }

    @Test("text that is not UTF-8 (a GBK terminal) is refused, never stored garbled")
    func notUTF8() throws {
        let id = try cordon.declare()
        let before = try timelineBytes(id)
        for script in [#""$CORDON_BIN" note \#(id) "$(printf '\xd5\xc5\xc8\xfd')""#, #"printf '\xd5\xc5\xc8\xfd' | "$CORDON_BIN" note \#(id) -"#] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            var environment = cordon.environment
            environment["CORDON_BIN"] = cordon.path
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(script)")
            #expect(message.contains("not UTF-8"), "\(message)")
        }
        #expect(try timelineBytes(id) == before)
    }

    @Test("the chain checks out, and an edited line is caught with its number")
    func verify() throws {
        let id = try cordon.declare()
        #expect(try cordon.run(["note", id, "一"]).status == 0)
        let twoLines = try #require(try cordon.run(["verify", id]).stdout.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        for text in ["二", "三"] { #expect(try cordon.run(["note", id, text]).status == 0) }
        let intact = try cordon.run(["verify", id])
        #expect(intact.status == 0)
        #expect(intact.stdout.contains("intact: 4 lines"))
        // The head as SEQ:HASH, ready to paste into --expect.
        let head = try #require(intact.stdout.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.hasPrefix("4:"), "\(intact.stdout)")
        #expect(head.count == 2 + 64)

        let path = cordon.timeline(id)
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"二\"", with: "\"贰\"")
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        let broken = try cordon.run(["verify", id])
        #expect(broken.status == 1)
        // Line 3 was edited; the chain shows only that line 3 or line 4 was, and vouches for 1-2.
        #expect(broken.stdout.contains("BROKEN between lines 3 and 4 (line 4's prev is not the hash of line 3): line 3 was edited, or line 4 was"), "\(broken.stdout)")
        #expect(broken.stdout.contains("The first 2 lines are intact; head of that part: \(twoLines)"), "\(broken.stdout)")
        let json = try JSONReader.parse(try cordon.run(["verify", id, "--json"]).stdout).object
        #expect(json?.int("confirmed_lines") == 2)
        #expect(json?["suspect_lines"] == .array([.int(3), .int(4)]))
        let refused = try cordon.run(["note", id, "四"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("line 4"))
    }

    @Test("several writers at once interleave cleanly: every note arrives, seq stays contiguous")
    func concurrentWriters() throws {
        let id = try cordon.declare()
        let processes = (1...24).map { cordon.start(["note", id, "并发写入 \($0)"]) }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let doc = try status(id)
        #expect(doc.int("notes") == 24)
        #expect(doc.int("seq") == 25)
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("kill -9 in the middle of appends loses no acknowledged event")
    func killDuringAppends() throws {
        let id = try cordon.declare()
        let acks = folder.path + "/acks"
        let loops = (1...2).map { loop in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["bash", "-c", "for i in $(seq 1 400); do \"$CORDON_BIN\" note \(id) \"写入者\(loop)-$i\" >/dev/null 2>&1 && echo \"写入者\(loop)-$i\" >> \(acks); done"]
            var environment = cordon.environment
            environment["CORDON_BIN"] = cordon.path
            process.environment = environment
            return process
        }
        for loop in loops { try loop.run() }
        let deadline = Date().addingTimeInterval(60)
        while ((try? String(contentsOfFile: acks, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 30, Date() < deadline {
            usleep(20_000)
        }
        for loop in loops { kill(-loop.processIdentifier, SIGKILL) }
        for loop in loops { loop.waitUntilExit() }

        let acknowledged = try String(contentsOfFile: acks, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(acknowledged.count >= 30)
        let verify = try cordon.run(["verify", id, "--json"])
        #expect(verify.status == 0, "\(verify.stdout)")
        // The next write moves any torn tail aside; then every acknowledged note must be in the timeline.
        #expect(try cordon.run(["note", id, "事后核对"]).status == 0)
        let recorded = Set(String(decoding: try timelineBytes(id), as: UTF8.self).split(separator: "\n").compactMap { line in
            (try? Event(line: Array(line.utf8)))?.data.string("text")
        })
        #expect(acknowledged.allSatisfy(recorded.contains), "lost: \(acknowledged.filter { !recorded.contains($0) })")
        #expect(try cordon.run(["verify", id]).status == 0)
    }

    @Test("errors name what is wrong: unknown ids, bad ids, bad playbooks")
    func errors() throws {
        let unknown = try cordon.run(["status", "INC-20261129-099"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("no incident INC-20261129-099"))
        let bad = try cordon.run(["status", "../../etc"])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("is not an incident id"))
        let json = try cordon.run(["status", "nope", "--json"])
        #expect(try JSONReader.parse(json.stderr).object?.string("error") == "bad-id")

        let file = folder.write("broken.yaml", "id: broken\nversion: 1\ntitle: {zh: 坏, en: Bad}\nroles: []\nphases: []\n")
        let validate = try cordon.run(["playbooks", "validate", file])
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("broken.yaml:4:"))
        #expect(validate.stdout.contains("at least one role"))
        let declare = try cordon.run(["declare", "--playbook", file, "--title", "x"])
        #expect(declare.status == 3)

        // An id that names nothing says what there is, in the responder's language.
        let noPlaybook = try cordon.run(["declare", "--playbook", "pi-leek", "--title", "x"])
        #expect(noPlaybook.status == 3)
        #expect(noPlaybook.stderr.contains("pi-leek: no playbook with this id; known: data-room-overshare, departing-employee, pi-leak, vendor-breach"))
        let zh = try cordon.run(["declare", "--playbook", "pi-leek", "--title", "x", "--lang", "zh"])
        #expect(zh.stderr.contains("没有 id 为“pi-leek”的剧本；可用：data-room-overshare、departing-employee、pi-leak、vendor-breach"), "\(zh.stderr)")
        let noScenario = try cordon.run(["drill", "vendor-breach", "--headless", "--lang", "zh"])
        #expect(noScenario.status == 3)
        #expect(noScenario.stderr.contains("没有 id 为“vendor-breach”的演练场景；可用：collection-agency-breach"), "\(noScenario.stderr)")
    }

    @Test("messages follow --lang")
    func language() throws {
        let id = try cordon.declare()
        let zh = try cordon.run(["advance", id, "--lang", "zh"])
        #expect(zh.stderr.contains("必需步骤尚未完成"))
        let en = try cordon.run(["advance", id, "--lang", "en"])
        #expect(en.stderr.contains("Required steps are still open"))
    }
}
