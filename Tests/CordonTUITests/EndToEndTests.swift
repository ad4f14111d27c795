import Foundation
import Testing

/// The real `cordon` binary in a real terminal (tmux), worked as a new user would:
/// declare with a Chinese title, open at 100×30 with LANG=C.UTF-8, look at the keys, finish a
/// step, type a Chinese note, see a colleague's note arrive, shrink the window, quit.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct EndToEndTests {
    /// The `cordon` built beside this test bundle.
    static var binary: String? {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap { $0 }
        for candidate in candidates {
            var folder = candidate.deletingLastPathComponent()
            for _ in 0..<3 {
                let path = folder.appendingPathComponent("cordon").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                folder.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// A home folder of its own, an incident declared in it, and a script that opens the
    /// console and then reports how it ended and what the terminal was left like.
    private struct Setup {
        let home: String
        let cordon: String
        let id: String
        let script: String

        init() throws {
            cordon = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
            home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-e2e-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let declared = try Command.run(cordon, ["declare", "--playbook", "pi-leak", "--title", "催收外包商客户名单外泄", "--severity", "serious", "--home", home])
            id = try #require(declared.split(separator: "\n").last.map(String.init))
            script = home + "/console.sh"
            let text = """
                export LANG=C.UTF-8 LC_ALL=C.UTF-8
                unset NO_COLOR CORDON_LANG LC_MESSAGES
                '\(cordon)' open \(id) --home '\(home)' --lang zh --actor 值班员
                echo "CORDON-EXIT:$?"
                echo "TTY:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' ')"
                exec sleep 600
                """
            try text.write(toFile: script, atomically: true, encoding: .utf8)
        }

        func note(_ text: String) throws {
            try Command.run(cordon, ["note", id, text, "--home", home, "--actor", "李娜"])
        }

        /// The note texts in the timeline file, exactly as written.
        func notes() throws -> [String] {
            let timeline = try String(contentsOfFile: "\(home)/incidents/\(id)/timeline.jsonl", encoding: .utf8)
            return try timeline.split(separator: "\n").compactMap { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard object?["type"] as? String == "note.added" else { return nil }
                return (object?["data"] as? [String: Any])?["text"] as? String
            }
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: home) }
    }

    @Test func anIncidentIsWorkedInARealTerminalAndQuitCleanly() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: setup.script)
        defer { terminal.close() }

        try terminal.waitFor("催收外包商客户名单外泄")
        try terminal.waitFor("步骤 · 遏制")

        try terminal.type("?")
        try terminal.waitFor("帮助：按键")
        try terminal.waitFor("完成所选步骤")
        try terminal.press("Escape")
        try terminal.waitFor("q 退出")

        try terminal.type(" ")
        try terminal.waitFor("完成 核实泄露线索并初判范围")

        try terminal.type("n")
        try terminal.waitFor("添加备注")
        try terminal.type("已联系外包商关闭 SFTP 账号")
        try terminal.press("Left", "Left", "BSpace", "Enter")
        try terminal.waitFor("备注：已联系外包商关闭 SFTP账号")

        try setup.note("法务已通知网信办值班室")
        try terminal.waitFor("备注：法务已通知网信办值班室", seconds: 3)

        try terminal.resize(width: 80, height: 24)
        // At 80×24 the layout keeps its panes and its key hints.
        try terminal.waitFor(all: ["── 时限 ", "步骤 · 遏制", "q 退出"])
        try terminal.resize(width: 30, height: 8)
        try terminal.waitFor("终端窗口太小")
        try terminal.resize(width: 100, height: 30)
        try terminal.waitFor("步骤 · 遏制")

        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")
        let after = try terminal.waitFor("TTY:")
        #expect(after.contains("CORDON-EXIT:0"))
        #expect(after.contains("TTY:icanon echo") || after.contains("TTY:echo icanon"))
        #expect(try terminal.value("#{alternate_on}") == "0")

        #expect(try setup.notes() == ["已联系外包商关闭 SFTP账号", "法务已通知网信办值班室"])
    }

    @Test func sigtermGivesTheTerminalBack() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: setup.script)
        defer { terminal.close() }
        try terminal.waitFor("步骤 · 遏制")
        try terminal.type(" ")
        try terminal.waitFor("已记录 #2")

        let shell = try #require(Int32(try terminal.value("#{pane_pid}")))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let console = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        kill(console, SIGTERM)

        let after = try terminal.waitFor("TTY:")
        #expect(after.contains("CORDON-EXIT:143"))
        #expect(after.contains("TTY:icanon echo") || after.contains("TTY:echo icanon"))
        #expect(try terminal.value("#{alternate_on}") == "0")
        let status = try Command.run(setup.cordon, ["status", setup.id, "--json", "--home", setup.home])
        #expect(status.contains("\"id\":\"confirm-leak\",\"phase\":\"containment\",\"state\":\"done\""), "the step acknowledged before SIGTERM is on disk")
    }
}
