import Foundation
import Testing

/// The real `cordon` binary in tmux, as a facilitator would use it: a drill at 600× from the
/// briefing to its evaluation, and an incident replayed with the player.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct DrillEndToEndTests {
    /// A home folder of its own and a script that runs `arguments` and reports how it ended.
    private struct Setup {
        let home: String
        let cordon: String

        init() throws {
            cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
            home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-e2e-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        }

        func script(_ arguments: String, name: String = "run") throws -> String {
            let path = home + "/\(name).sh"
            let text = """
                export LANG=C.UTF-8 LC_ALL=C.UTF-8
                unset NO_COLOR CORDON_LANG LC_MESSAGES
                '\(cordon)' \(arguments) --home '\(home)' --actor 值班员
                echo "CORDON-EXIT:$?"
                exec sleep 600
                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func folders(_ kind: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(home)/\(kind)")) ?? []).sorted()
        }

        func timeline(_ kind: String, _ id: String) throws -> [String] {
            try String(contentsOfFile: "\(home)/\(kind)/\(id)/timeline.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: home) }
    }

    @Test func aDrillAt600ShowsItsFirstInjectWithinSecondsUnderTheBannerAndEndsScoredUnderDrills() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 80, height: 24, script: try setup.script("drill data-room-overshare --speed 600 --seed 7 --lang zh"))
        defer { terminal.close() }
        func bannerOnTop(_ screen: String) -> Bool { screen.split(separator: "\n").first?.contains("演练 DRILL") == true }

        // One whole frame: on a busy machine the title can be captured before the rest is drawn.
        let briefing = try terminal.waitFor(all: ["演练简报", "Enter 开始计时"])
        #expect(bannerOnTop(briefing))

        try terminal.press("Enter")
        let inject = try terminal.waitFor(all: ["来自 数据室服务商客户经理", "强制事实：受影响客户 4,620,318 人"], seconds: 5)
        #expect(bannerOnTop(inject))
        // Hold the clock before the next inject (40 drill minutes, four seconds away) can arrive.
        try terminal.press("Escape")
        try terminal.type("p")
        let paused = try terminal.waitFor("⏸ 已暂停")
        #expect(bannerOnTop(paused))
        try terminal.type("i")
        try terminal.waitFor("来自 数据室服务商客户经理")
        try terminal.press("Enter")
        try terminal.waitFor("回应（写入时间线")
        try terminal.type("请冻结该顾问账号并保全日志")
        try terminal.press("Enter")
        try terminal.waitFor("回应注入 vdr-confirms")

        try terminal.type("?")
        let help = try terminal.waitFor(all: ["帮助：按键", "暂停或继续演练时钟"])
        #expect(bannerOnTop(help), "the banner stays above help")
        try terminal.press("Escape")

        try terminal.type("E")
        try terminal.waitFor("现在结束演练？")
        try terminal.type("y")
        let evaluation = try terminal.waitFor(all: ["演练评估", "得分 0 / 100"])
        #expect(bannerOnTop(evaluation))
        try terminal.type("l")
        try terminal.waitFor("这次演练让团队学到了什么")
        try terminal.type("数据室上传前应有第二人复核")
        try terminal.press("Enter")
        try terminal.waitFor("数据室上传前应有第二人复核 — ")

        try terminal.press("Escape")
        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")
        try terminal.waitFor("CORDON-EXIT:0")

        let drills = setup.folders("drills")
        #expect(drills.count == 1 && drills[0].hasPrefix("DRL-"))
        #expect(setup.folders("incidents").isEmpty, "a drill never goes under incidents/")
        let lines = try setup.timeline("drills", drills[0])
        #expect(lines.contains { $0.contains("\"type\":\"drill.ended\"") && $0.contains("\"score\":0") })
        #expect(lines.contains { $0.contains("\"inject\":\"vdr-confirms\"") && $0.contains("\"type\":\"note.added\"") })
        #expect(lines.last?.contains("\"debrief\":\"lesson\"") == true)
    }

    @Test func aDrillWhoseFacilitatorsConsoleDiedIsTakenOverFromAnotherTerminal() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let facilitator = try TmuxSession(width: 80, height: 24, script: try setup.script("drill data-room-overshare --speed 600 --seed 7 --lang zh"))
        defer { facilitator.close() }
        try facilitator.waitFor("演练简报")
        try facilitator.press("Enter")
        try facilitator.waitFor("来自 数据室服务商客户经理", seconds: 5)
        let shell = try #require(Int32(try facilitator.value("#{pane_pid}")))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let console = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        kill(console, SIGKILL)
        try facilitator.waitFor("CORDON-EXIT:137")
        let id = try #require(setup.folders("drills").first)

        let colleague = try TmuxSession(width: 80, height: 24, script: try setup.script("open \(id) --lang zh", name: "open"))
        defer { colleague.close() }
        try colleague.waitFor("T 接管")
        try colleague.type("p")
        try colleague.waitFor("若它已断开，按 T 接管")
        try colleague.type("T")
        try colleague.waitFor("上一位主持人：")
        try colleague.type("y")
        try colleague.waitFor("接管演练时钟（原主持人")
        try colleague.waitFor("p 继续")
        try colleague.type("p")
        try colleague.waitFor("来自 数据安全委员会主任", seconds: 10)
        try colleague.press("Escape")
        try colleague.type("E")
        try colleague.waitFor("现在结束演练？")
        try colleague.type("y")
        try colleague.waitFor("演练评估")
        try colleague.press("Escape")
        try colleague.type("q")
        try colleague.waitFor("退出 Cordon？")
        try colleague.type("y")
        try colleague.waitFor("CORDON-EXIT:0")

        let lines = try setup.timeline("drills", id)
        let delivered = lines.filter { $0.contains("\"type\":\"inject.delivered\"") }.compactMap { line in
            line.range(of: "\"inject\":\"[a-z-]+\"", options: .regularExpression).map { String(line[$0]) }
        }
        #expect(delivered.count == Set(delivered).count, "no inject twice: \(delivered)")
        #expect(delivered.first == "\"inject\":\"vdr-confirms\"" && delivered.contains("\"inject\":\"grading-call\""))
        #expect(lines.contains { $0.contains("\"action\":\"takeover\"") })
        #expect(lines.last?.contains("\"type\":\"drill.ended\"") == true)
    }

    @Test func quittingAtOnceStillLeavesAScoredDrill() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 80, height: 24, script: try setup.script("drill credential-stuffing --speed 600 --lang en"))
        defer { terminal.close() }
        try terminal.waitFor("Drill briefing")
        try terminal.press("Escape")
        try terminal.type("q")
        try terminal.waitFor("quitting ends it and scores it")
        try terminal.type("y")
        try terminal.waitFor("CORDON-EXIT:0")
        let drills = setup.folders("drills")
        #expect(drills.count == 1)
        #expect(try setup.timeline("drills", drills[0]).last?.contains("\"type\":\"drill.ended\"") == true)
        #expect(setup.folders("incidents").isEmpty)
    }

    @Test func anIncidentIsReplayedWithThePlayer() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let declared = try Command.run(setup.cordon, ["declare", "--playbook", "pi-leak", "--title", "催收外包商客户名单外泄", "--severity", "serious", "--home", setup.home])
        let id = try #require(declared.split(separator: "\n").last.map(String.init))
        try Command.run(setup.cordon, ["step", id, "confirm-leak", "done", "--home", setup.home])
        try Command.run(setup.cordon, ["note", id, "法务已通知网信办值班室", "--home", setup.home])
        let terminal = try TmuxSession(width: 80, height: 24, script: try setup.script("replay \(id) --lang en"))
        defer { terminal.close() }

        let start = try terminal.waitFor(all: ["event 1/3", "REPLAY · read-only"])
        #expect(!start.contains("done Verify"), "the timeline ends at the cursor")
        try terminal.press("Right")
        try terminal.waitFor("done Verify the report")
        try terminal.waitFor("event 2/3")
        try terminal.press("End")
        try terminal.waitFor("note: 法务已通知网信办值班室")
        try terminal.waitFor("■ at the end")
        try terminal.type("n")
        try terminal.waitFor("Read-only replay: that key records something")
        try terminal.press("Home")
        try terminal.waitFor("event 1/3")
        try terminal.type(" ")
        try terminal.waitFor("■ at the end", seconds: 5)
        try terminal.type("q")
        try terminal.type("y")
        try terminal.waitFor("CORDON-EXIT:0")
        #expect(try setup.timeline("incidents", id).count == 3, "a replay writes nothing")
    }
}
