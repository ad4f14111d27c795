import CordonCore
import CordonTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The year in review and the drill plan as a team meets them: real drills run headless, real
/// incidents with actions, then `cordon review` in its three formats and `cordon drills plan`.
@Suite("The year in review and the drill plan on the command line")
struct ReviewCommandLineTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }
    let today = DueDate.today(SystemClock().now())

    /// Runs a headless drill; returns its id and its evaluation (the last JSON line).
    func drill(_ scenario: String, input: String) throws -> (id: String, evaluation: JSONObject) {
        let result = try cordon.run(["drill", scenario, "--headless", "--speed", "10000", "--seed", "7", "--json"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map { try #require(try JSONReader.parse(String($0)).object) }
        return (try #require(lines.first?.string("drill")), try #require(lines.last))
    }

    @discardableResult
    func ok(_ arguments: [String]) throws -> CordonBinary.Result {
        let result = try cordon.run(arguments)
        #expect(result.status == 0, "cordon \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A home with a plan, three drills (two of one scenario, scoring differently), two incidents
    /// and improvement actions in every state.
    func populate() throws -> (first: String, second: String, other: String, serious: String, major: String) {
        _ = folder.write("home/playbooks/drills/plan.yaml", """
            plan:
              - scenario: data-room-overshare
                due: \(today.adding(days: 10))
                with: [commander, legal, 王磊]
              - scenario: data-room-overshare
                due: \(today.adding(days: 90))
              - scenario: credential-stuffing
                due: \(today.adding(days: -3))

            """)
        let first = try drill("data-room-overshare", input: "q\n")
        let second = try drill("data-room-overshare", input: "f\nf\nf\na buyer-counsel 正在评估，明早前书面答复\nq\n")
        let other = try drill("departing-collections-manager", input: "f\nq\n")
        try ok(["note", second.id, "--lesson", "对外口径应预先准备"])
        try ok(["action", second.id, "add", "准备数据室事件对外口径", "--owner", "王芳", "--due", "+30d"])

        let serious = try cordon.declare(extra: ["--severity", "serious", "--detected-at", "2h ago"])
        let major = try cordon.declare(extra: ["--severity", "major", "--detected-at", "30m ago"])
        for id in [serious, major] { try ok(["advance", id, "--force", "--reason", "已隔离，其余遏制步骤并行"]) }
        try ok(["notify", serious, "regulator", "--channel", "网信办报送系统"])
        try ok(["action", serious, "add", "外包商账号启用双因素认证", "--owner", "李明", "--due", today.adding(days: -20).description])
        try ok(["action", serious, "add", "复核外包商账号权限", "--owner", "赵强", "--due", "+14d"])
        try ok(["action", major, "add", "关闭共享账号", "--owner", "李明", "--due", "+7d"])
        try ok(["action", major, "update", "A1", "--status", "done"])
        #expect(first.evaluation.int("score")! < second.evaluation.int("score")!, "the second run answered the buyer's counsel in time")
        return (first.id, second.id, other.id, serious, major)
    }

    @Test("review: incidents, every drill run with its score, coverage, actions and the plan, in JSON, Markdown and HTML seen in Chromium")
    func yearInReview() throws {
        let ids = try populate()

        // MARK: JSON
        let json = try #require(try JSONReader.parse(try ok(["review", "--format", "json"]).stdout).object)
        let incidents = try #require(json["incidents"]?.object)
        #expect(incidents.int("count") == 2)
        #expect(incidents["by_severity"]?.object?.int("serious") == 1 && incidents["by_severity"]?.object?.int("major") == 1)
        let contained = try #require(incidents["times"]?.object?["contained"]?.object)
        #expect(contained.int("count") == 2)
        #expect(contained.string("worst") == ids.serious, "detected two hours ago, so the longest to contain")
        #expect((7000...7500).contains(contained.int("worst_seconds") ?? 0), "\(contained)")
        #expect(incidents["times"]?.object?["regulator_notified"]?.object?.int("count") == 1)
        #expect((incidents.int("deadlines_met") ?? 0) >= 1, "the CAC report went out within four hours")

        let runs = (json["drills"]?.object?["runs"]?.array ?? []).compactMap(\.object)
        try #require(runs.count == 3)
        #expect(runs.map { $0.string("id") ?? "" } == [ids.first, ids.second, ids.other])
        #expect(runs.allSatisfy { $0.int("max_score") == 100 && $0.bool("ended") == true })
        #expect(runs[1]["answers"]?.array?.first?.object?.string("inject") == "buyer-counsel")

        let coverage = (json["coverage"]?.array ?? []).compactMap(\.object)
        let dataRoom = try #require(coverage.first { $0.string("playbook") == "data-room-overshare" })
        #expect(dataRoom["drills"]?.array?.count == 2)
        let unexercised = dataRoom["unexercised_deadlines"]?.array?.compactMap(\.string) ?? []
        #expect(!unexercised.contains("cac-report"), "the inject that forced a major grading started the CAC clock")
        let cac = dataRoom["deadlines"]?.array?.compactMap(\.object).first { $0.string("id") == "cac-report" }
        #expect(cac?["exercised_by"]?.array?.compactMap(\.string) == [ids.second])
        #expect(dataRoom["unexercised_steps"]?.array?.compactMap(\.string).contains("export-vdr-audit") == true, "no drill exported the audit log")
        let piLeak = try #require(coverage.first { $0.string("playbook") == "pi-leak" })
        #expect(piLeak["drills"]?.array?.isEmpty == true)
        #expect(piLeak["unexercised_steps"]?.array?.count == piLeak["steps"]?.array?.count, "no drill ran pi-leak, so nothing of it is covered")

        let actions = try #require(json["actions"]?.object)
        #expect(actions.int("opened") == 4 && actions.int("closed") == 1 && actions.int("overdue") == 1)
        let list = actions["list"]?.array?.compactMap(\.object) ?? []
        #expect(list.first?.string("state") == "overdue" && list.first?.string("title") == "外包商账号启用双因素认证", "overdue first")
        #expect(actions["lessons"]?.array?.first?.object?.string("text") == "对外口径应预先准备")

        let plan = json["plan"]?.array?.compactMap(\.object) ?? []
        #expect(plan.map { $0.string("status") ?? "" } == ["overdue", "done", "due"])
        #expect(plan[1].string("drill") == ids.first, "the first run of the scenario does the first planned one")

        // MARK: Markdown
        let markdown = try ok(["review"]).stdout
        for expected in ["## Drills", "## Drill coverage", "## Improvement actions", "## Drill plan", "Scores over time ", "Expectations most often missed",
                         "overdue by 3 days", "Not exercised by any drill in the period:", "对外口径应预先准备"] {
            #expect(markdown.contains(expected), "\(expected) in\n\(markdown)")
        }
        let chinese = try ok(["review", "--lang", "zh"]).stdout
        #expect(chinese.contains("## 演练覆盖") && chinese.contains("已逾期 3 天"), "\(chinese)")

        // MARK: HTML, rendered
        let html = try ok(["review", "--format", "html"]).stdout
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3, "three charts")
        for chart in ["class=\"score-line\"", "class=\"contain-bar\"", "class=\"action-bar\""] { #expect(html.contains(chart), "\(chart)") }
        #expect(!html.contains("<script") && !html.contains(" src=") && !html.contains("url("), "no scripts and no external loads")
        try seeInChromium(html)
    }

    /// Renders the page in headless Chromium, keeps the screenshot, and checks that each chart's
    /// colours are on it: a person opening the file would see the lines and the bars.
    func seeInChromium(_ html: String) throws {
        guard let chromium = Self.find("chromium"), let convert = Self.find("convert") else {
            Issue.record("needs chromium and ImageMagick's convert (.ci/run installs them)")
            return
        }
        let output = Fixtures.repository + "/.build/test-output/review"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let page = output + "/review.html"
        let shot = output + "/review.png"
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: shot)
        print("review screenshot: \(shot)")
        let rendered = Self.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + output + "/profile",
            "--window-size=1280,4200", "--screenshot=" + shot, "file://" + page,
        ], within: 120)
        #expect(rendered, "chromium rendered the page")
        let ppm = output + "/review.ppm"
        #expect(Self.run(convert, [shot, "ppm:-"], within: 60, output: ppm), "convert turned the screenshot into a pixel map")
        let image = try PixelMap(ppm: Array(try Data(contentsOf: URL(fileURLWithPath: ppm))))
        #expect(image.width == 1280)
        // Each colour belongs to one chart: the first scenario's score line, the incidents'
        // containment bars, and the actions' overdue, open and done bars.
        let colours = [
            ("score line", (0x1F, 0x77, 0xB4)), ("containment bars", (0x4C, 0x78, 0xA8)),
            ("overdue bar", (0xD6, 0x27, 0x28)), ("open bar", (0xFF, 0x9F, 0x1C)), ("done bar", (0x2C, 0xA0, 0x2C)),
        ]
        for (name, colour) in colours {
            let count = image.count { abs(Int($0.0) - colour.0) < 12 && abs(Int($0.1) - colour.1) < 12 && abs(Int($0.2) - colour.2) < 12 }
            #expect(count > 150, "\(name): \(count) pixels of its colour in \(shot)")
        }
        #expect(image.count { $0.0 < 100 && $0.1 < 100 && $0.2 < 100 } > 5000, "text is drawn, not a blank page")
    }

    @Test("drills plan: each planned drill done by which drill with its score, due or overdue; a plan naming no scenario is refused with file:line")
    func drillsPlan() throws {
        _ = folder.write("home/playbooks/drills/plan.yaml", """
            plan:
              - scenario: departing-collections-manager
                due: \(today.adding(days: 5))
                with: [commander, security]
              - scenario: credential-stuffing
                due: \(today.adding(days: -1))

            """)
        let run = try drill("departing-collections-manager", input: "f\nq\n")
        let shown = try ok(["drills", "plan"]).stdout.split(separator: "\n").map(String.init)
        #expect(shown.count == 2)
        #expect(shown[0] == "! \(today.adding(days: -1))  credential-stuffing  overdue by 1 day", "\(shown)")
        #expect(shown[1].hasPrefix("✓ \(today.adding(days: 5))  departing-collections-manager  done: \(run.id) ("), "\(shown)")
        #expect(shown[1].contains("score \(run.evaluation.int("score") ?? -1)/\(run.evaluation.int("max_score") ?? -1)") && shown[1].hasSuffix("with commander, security"))

        let plan = folder.write("home/playbooks/drills/plan.yaml", "plan:\n  - scenario: credential-stuffng\n    due: 2027-02-30\n")
        let refused = try cordon.run(["drills", "plan"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("\(plan):2:15: plan[0].scenario 'credential-stuffng' is not a drill scenario"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(plan):3:10: plan[0].due '2027-02-30' is not a date"), "\(refused.stderr)")
        #expect(try cordon.run(["playbooks", "validate", plan]).status == 1)
    }

    @Test("--redact masks a mobile number in an incident's title in every format, the chart's tooltip included")
    func redacted() throws {
        _ = try cordon.declare(title: "客户 13812345678 投诉信息泄露", extra: ["--severity", "general"])
        // Markdown escapes the stars it masks with.
        for (format, shown) in [("md", #"138\*\*\*\*5678"#), ("html", "138****5678"), ("json", "138****5678")] {
            #expect(try ok(["review", "--format", format]).stdout.contains("13812345678"), "unredacted \(format) keeps what was written")
            let masked = try ok(["review", "--format", format, "--redact"]).stdout
            #expect(!masked.contains("13812345678") && masked.contains(shown), "\(format): \(masked)")
        }
    }

    @Test("review refuses days it cannot read, or the wrong way round, in one line, and prints nothing else")
    func refusals() throws {
        let swapped = try cordon.run(["review", "--since", "2026-12-31", "--until", "2026-01-01"])
        #expect(swapped.status == 2 && swapped.stdout.isEmpty)
        #expect(swapped.stderr == "cordon: --since 2026-12-31 is after --until 2026-01-01; swap the two days.\n")
        let garbled = try cordon.run(["review", "--since", "31/12/2026", "--lang", "zh"])
        #expect(garbled.status == 2 && garbled.stdout.isEmpty)
        #expect(garbled.stderr == "cordon: --since 的“31/12/2026”不是日期；请写作 2026-01-31。\n")
    }

    @Test("without a plan of its own, a team sees the bundled one")
    func bundledPlan() throws {
        let shown = try ok(["drills", "plan"]).stdout.split(separator: "\n").map(String.init)
        #expect(shown.count == 4, "\(shown)")
        #expect(shown.first?.contains("  credential-stuffing  ") == true && shown.first?.hasSuffix("with commander, security, support, comms") == true, "\(shown)")
    }

    // MARK: - Helpers

    static func find(_ program: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `program` to its end, its standard output into `output`, killing it after `seconds`;
    /// true when it exited 0.
    static func run(_ program: String, _ arguments: [String], within seconds: Double, output: String? = nil) -> Bool {
        let log = NSTemporaryDirectory() + "cordon-review-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let started = ShellSpawn.start(program, arguments, environment: ProcessInfo.processInfo.environment, output: output ?? log, errors: log)
        guard case .success(let pid) = started else { return false }
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return false
            }
            usleep(50_000)
        }
        return SpawnedCommand.End(status: status) == .exited(0)
    }
}

/// A binary PPM (P6, 8 bits): what `convert` turns a screenshot into, read without a PNG decoder.
struct PixelMap {
    struct Bad: Error {}

    let width: Int
    let height: Int
    let pixels: ArraySlice<UInt8>

    init(ppm bytes: [UInt8]) throws {
        var fields: [String] = []
        var index = 0
        while fields.count < 4, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
            let start = index
            while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D) { index += 1 }
            fields.append(String(decoding: bytes[start..<index], as: UTF8.self))
        }
        guard fields.count == 4, fields[0] == "P6", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255" else { throw Bad() }
        index += 1
        guard bytes.count - index >= width * height * 3 else { throw Bad() }
        self.width = width
        self.height = height
        pixels = bytes[index..<(index + width * height * 3)]
    }

    func count(where matches: ((UInt8, UInt8, UInt8)) -> Bool) -> Int {
        var total = 0
        var offset = pixels.startIndex
        while offset < pixels.endIndex {
            if matches((pixels[offset], pixels[offset + 1], pixels[offset + 2])) { total += 1 }
            offset += 3
        }
        return total
    }
}
