import Foundation
import Testing

/// The real `cordon` in tmux at 80×24: evidence is registered from the console by typing a
/// file's path, the binary hashes it, and the SHA-256 is in the timeline, on screen and on disk.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct RecordsEndToEndTests {
    @Test func evidenceTypedIntoTheConsoleIsHashedIntoTheTimeline() throws {
        let cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/导出", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let declared = try Command.run(cordon, ["declare", "--playbook", "pi-leak", "--title", "催收外包商客户名单外泄", "--home", home])
        let id = try #require(declared.split(separator: "\n").last.map(String.init))
        try "2026-11-28 23:10 vendor01 sftp get customers.csv\n".write(toFile: home + "/导出/访问日志.log", atomically: true, encoding: .utf8)
        let expected = try #require(try Command.run("sha256sum", [home + "/导出/访问日志.log"]).split(separator: " ").first.map(String.init))
        let script = home + "/console.sh"
        try """
            export LANG=C.UTF-8 LC_ALL=C.UTF-8
            unset NO_COLOR CORDON_LANG LC_MESSAGES
            cd '\(home)'
            '\(cordon)' open \(id) --home '\(home)' --lang zh --actor 值班员
            echo "CORDON-EXIT:$?"
            exec sleep 600
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let terminal = try TmuxSession(width: 80, height: 24, script: script)
        defer { terminal.close() }

        try terminal.waitFor("步骤 · 遏制")
        try terminal.type("r")
        try terminal.waitFor("证据与保管链")
        try terminal.type("2")
        try terminal.waitFor("尚未登记证据")
        try terminal.type("n")
        try terminal.waitFor("登记证据")
        try terminal.type("导出/访问日志.log")
        try terminal.press("Tab", "Tab", "Tab")
        try terminal.type("王芳")
        try terminal.press("Enter")
        try terminal.waitFor("E1  访问日志.log · sha256 \(expected.prefix(12))… · 保管人 王芳")

        try terminal.press("Escape")
        try terminal.waitFor("1-7/Enter 打开")
        try terminal.press("Escape")
        try terminal.waitFor("证据 1 ──")
        try terminal.press("Tab")
        try terminal.press("Enter")
        try terminal.waitFor("sha256: \(expected)")

        let timeline = try String(contentsOfFile: "\(home)/incidents/\(id)/timeline.jsonl", encoding: .utf8)
        let line = try #require(timeline.split(separator: "\n").first { $0.contains("\"type\":\"evidence.added\"") })
        #expect(line.contains("\"sha256\":\"\(expected)\""))
        #expect(line.contains("\"custodian\":\"王芳\""))

        try terminal.press("Escape")
        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")
        try terminal.waitFor("CORDON-EXIT:0")
    }

    /// A console on a fresh incident, in a folder holding `disk.img`: an 8 GiB disk image
    /// (sparse, so it takes no room), typed into the evidence form and submitted.
    private struct DiskImage {
        let cordon: String
        let home: String
        let id: String
        let terminal: TmuxSession

        init() throws {
            cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
            home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-e2e-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: home + "/disk.img", contents: nil))
            #expect(truncate(home + "/disk.img", 8 << 30) == 0)
            let declared = try Command.run(cordon, ["declare", "--playbook", "pi-leak", "--title", "外包商笔记本电脑遗失", "--home", home])
            id = try #require(declared.split(separator: "\n").last.map(String.init))
            let script = home + "/console.sh"
            try """
                export LANG=C.UTF-8 LC_ALL=C.UTF-8
                unset NO_COLOR CORDON_LANG LC_MESSAGES
                cd '\(home)'
                '\(cordon)' open \(id) --home '\(home)' --lang zh --actor 值班员
                echo "CORDON-EXIT:$?"
                echo "TTY:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' ')"
                exec sleep 600
                """.write(toFile: script, atomically: true, encoding: .utf8)
            terminal = try TmuxSession(width: 80, height: 24, script: script)
            try terminal.waitFor("步骤 · 遏制")
            try terminal.type("r")
            try terminal.waitFor("证据与保管链")
            try terminal.type("2")
            try terminal.waitFor("尚未登记证据")
            try terminal.type("n")
            try terminal.waitFor("登记证据")
            try terminal.type("disk.img")
            try terminal.press("Tab", "Tab", "Tab")
            try terminal.type("王芳")
            try terminal.press("Enter")
        }

        func timeline() throws -> String {
            try String(contentsOfFile: "\(home)/incidents/\(id)/timeline.jsonl", encoding: .utf8)
        }

        func cleanUp() {
            terminal.close()
            try? FileManager.default.removeItem(atPath: home)
        }
    }

    @Test func aDiskImageIsHashedWhileTheConsoleKeepsGoingAndEscCancelsIt() throws {
        let image = try DiskImage()
        defer { image.cleanUp() }
        let hashing = try image.terminal.waitFor(all: ["/ 8.0 GiB", "正在计算 SHA-256", "Esc 取消计算"])
        func clocks(_ screen: String) -> [Substring] { screen.split(separator: "\n").filter { $0.contains("已历时") } }
        let before = clocks(hashing)
        #expect(before.count == 1)
        try Command.run(image.cordon, ["note", image.id, "外包商已交出笔记本电脑", "--home", image.home])
        try image.terminal.waitFor("时间线 · 2 条")
        let deadline = Date().addingTimeInterval(5)
        var later = try image.terminal.screen()
        while clocks(later) == before, Date() < deadline {
            usleep(100_000)
            later = try image.terminal.screen()
        }
        #expect(clocks(later) != before, "the header's clock keeps ticking: \(later)")
        #expect(later.contains("正在计算 SHA-256"), "still hashing, and another terminal's note arrived")

        try image.terminal.press("Escape")
        try image.terminal.waitFor("已取消计算哈希")
        #expect(!(try image.timeline().contains("evidence.added")))
        try image.terminal.press("Escape", "Escape", "Escape")
        try image.terminal.type("q")
        try image.terminal.waitFor("退出 Cordon？")
        try image.terminal.type("y")
        try image.terminal.waitFor("CORDON-EXIT:0")
        #expect(!(try image.timeline().contains("evidence.added")))
    }

    @Test func sigtermWhileHashingGivesTheTerminalBackAndRecordsNothing() throws {
        let image = try DiskImage()
        defer { image.cleanUp() }
        try image.terminal.waitFor("/ 8.0 GiB")
        let shell = try #require(Int32(try image.terminal.value("#{pane_pid}")))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let console = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        kill(console, SIGTERM)
        let after = try image.terminal.waitFor("TTY:")
        #expect(after.contains("CORDON-EXIT:143"))
        #expect(after.contains("TTY:icanon echo") || after.contains("TTY:echo icanon"))
        #expect(try image.terminal.value("#{alternate_on}") == "0")
        #expect(!(try image.timeline().contains("evidence.added")))
    }
}
