import CordonTestSupport
import Foundation
import Testing

/// The real `cordon` binary in real terminals (tmux), worked by a team: two consoles racing on
/// one step, Ctrl-C in a form, the question of who is at the keyboard on a shared login, and a
/// terminal that cannot draw.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct TeamEndToEndTests {
    /// A home of its own with one incident declared, and scripts that open consoles on it.
    private struct Setup {
        let home: String
        let cordon: CordonBinary
        let id: String

        init() throws {
            let binary = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
            home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-team-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            var cordon = CordonBinary(home: home)
            cordon.environment["CORDON_BIN"] = binary
            self.cordon = cordon
            id = try cordon.declare(title: "催收外包商客户名单外泄", extra: ["--severity", "serious"])
        }

        /// A script that runs `cordon ARGUMENTS` (once per entry of `runs`), then says how each
        /// run ended and what the terminal was left like.
        func script(_ runs: [String], name: String, environment: String = "") throws -> String {
            let path = "\(home)/\(name).sh"
            var text = """
                export LANG=C.UTF-8 LC_ALL=C.UTF-8 \(environment)
                unset NO_COLOR CORDON_LANG LC_MESSAGES

                """
            for (index, arguments) in runs.enumerated() {
                text += """
                    '\(cordon.path)' \(arguments) --home '\(home)'
                    echo "CORDON-EXIT-\(index):$?"

                    """
            }
            text += """
                echo "TTY:$(stty -a | tr ';' '\\n' | grep -o 'intr = ^C') $(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' ')"
                exec sleep 600
                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        /// The timeline's lines of `type`, as JSON objects.
        func entries(_ type: String) throws -> [[String: Any]] {
            try timeline().split(separator: "\n").compactMap { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["type"] as? String == type ? object : nil
            }
        }

        /// The timeline file's text.
        func timeline() throws -> String {
            try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: home) }
    }

    /// The `done/total` the step pane shows beside its title.
    private func stepCount(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("步骤 · 遏制") }),
              let match = line.firstMatch(of: /(\d+)\/(\d+)/) else { return nil }
        return String(match.output.0)
    }

    @Test func twoConsolesPressingSpaceOnOneStepEndShowingTheSameState() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let wang = try TmuxSession(width: 100, height: 30, script: try setup.script(["open \(setup.id) --lang zh --actor 王磊"], name: "wang"))
        defer { wang.close() }
        let liu = try TmuxSession(width: 100, height: 30, script: try setup.script(["open \(setup.id) --lang zh --actor 刘洋"], name: "liu"))
        defer { liu.close() }
        try wang.waitFor("步骤 · 遏制")
        try liu.waitFor("步骤 · 遏制")

        // Both press space on the same selected step, neither waiting for the other.
        try wang.type(" ")
        try liu.type(" ")

        let done = "[x] 核实泄露线索并初判范围"
        let wangScreen = try wang.waitFor(all: [done, "时间线 · 2 条"], seconds: 15)
        let liuScreen = try liu.waitFor(all: [done, "时间线 · 2 条"], seconds: 15)
        #expect(stepCount(wangScreen) != nil)
        #expect(stepCount(wangScreen) == stepCount(liuScreen), "both step lists count the same")
        let completed = try setup.entries("step.completed")
        #expect(completed.count == 1, "exactly one of them recorded it")
        let winner = try #require((completed.first?["data"] as? [String: Any])?["as"] as? String)
        for screen in [wangScreen, liuScreen] {
            #expect(screen.contains("\(winner)") && screen.contains("完成 核实泄露线索并初判范围"), "each timeline names who did it")
            #expect(!screen.contains("cordon step"))
        }
    }

    @Test func ctrlCInAFormCancelsItTheConsoleRunsOnAndTheDraftComesBack() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: try setup.script(["open \(setup.id) --lang zh --actor 王磊"], name: "console"))
        defer { terminal.close() }
        try terminal.waitFor("步骤 · 遏制")

        try terminal.type("n")
        try terminal.waitFor("添加备注")
        try terminal.type("外包商已确认关闭 SFTP 账号")
        try terminal.waitFor("外包商已确认关闭 SFTP 账号")
        try terminal.press("C-c")
        let after = try terminal.waitForGone("添加备注")
        #expect(after.contains("步骤 · 遏制"), "the console is still running")
        #expect(!after.contains("CORDON-EXIT"))

        try terminal.type("n")
        try terminal.waitFor(all: ["添加备注", "外包商已确认关闭 SFTP 账号"])
        try terminal.press("Enter")
        try terminal.waitFor("备注：外包商已确认关闭 SFTP 账号")
        #expect(try setup.entries("note.added").count == 1)

        // On the main screen Ctrl-C asks, as q does; the terminal comes back with Ctrl-C as its interrupt.
        try terminal.press("C-c")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")
        let ended = try terminal.waitFor("TTY:")
        #expect(ended.contains("CORDON-EXIT-0:0"))
        #expect(ended.contains("intr = ^C"), "the shell's interrupt character is given back")
        #expect(ended.contains("icanon") && ended.contains("echo"))
    }

    @Test(.enabled(if: getuid() == 0, "root is the shared login the console asks on; this run is not root"))
    func aSharedLoginIsAskedOnceWhoIsAtTheKeyboardAndEntriesCarryTheName() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        // The same terminal and session opens the console twice: the second start does not ask.
        let terminal = try TmuxSession(width: 100, height: 30, script: try setup.script(
            ["open \(setup.id) --lang zh", "open \(setup.id) --lang zh", "note \(setup.id) 命令行备注"], name: "shared"))
        defer { terminal.close() }
        try terminal.waitFor("谁在使用这个终端？")
        try terminal.type("王磊")
        try terminal.press("Enter")
        try terminal.waitFor("此终端的记录将署名：王磊")
        try terminal.type(" ")
        try terminal.waitFor("王磊     完成 核实泄露线索并初判范围")
        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")

        // The second start, on the same terminal.
        let second = try terminal.waitFor("此终端的记录将署名：王磊")
        #expect(!second.contains("谁在使用这个终端？"), "asked once per terminal")
        try terminal.type("n")
        try terminal.waitFor("添加备注")
        try terminal.type("第二次打开")
        try terminal.press("Enter")
        try terminal.waitFor("备注：第二次打开")
        try terminal.type("q")
        try terminal.waitFor("退出 Cordon？")
        try terminal.type("y")
        // A command typed at the same terminal records under the same name.
        try terminal.waitFor("CORDON-EXIT-2:0")

        let entries = try setup.entries("step.completed") + setup.entries("note.added")
        #expect(entries.count == 3)
        for entry in entries {
            #expect(entry["actor"] as? String == "root", "the login stays the actor")
            #expect((entry["data"] as? [String: Any])?["as"] as? String == "王磊", "the name typed is data.as")
        }
        let remembered = try String(contentsOfFile: "\(setup.home)/keyboard/root", encoding: .utf8)
        #expect(remembered.hasSuffix("\t王磊\n"))
        #expect(try !setup.timeline().contains("/dev/pts"), "the terminal is never in the timeline")
    }

    @Test func aConsoleOnTheSharedLoginWithActorDoesNotAsk() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: try setup.script(["open \(setup.id) --lang zh --actor 刘洋"], name: "actor"))
        defer { terminal.close() }
        let screen = try terminal.waitFor("步骤 · 遏制")
        #expect(!screen.contains("谁在使用这个终端？"))
        try terminal.type(" ")
        try terminal.waitFor("刘洋     完成 核实泄露线索并初判范围")
    }

    @Test func underTermDumbTheConsoleRefusesAsWithoutATerminalAndWritesNothing() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let before = try setup.timeline()
        let errors = "\(setup.home)/dumb.err"
        let terminal = try TmuxSession(width: 100, height: 30, script: try setup.script(
            ["open \(setup.id) --actor 王磊 2>'\(errors)'"], name: "dumb", environment: "TERM=dumb"))
        defer { terminal.close() }
        let screen = try terminal.waitFor("CORDON-EXIT-0:")
        #expect(screen.contains("CORDON-EXIT-0:64"))
        let said = try String(contentsOfFile: errors, encoding: .utf8)
        let withoutTerminal = try setup.cordon.run(["open", setup.id, "--actor", "王磊"])
        #expect(withoutTerminal.status == 64)
        #expect(said == withoutTerminal.stderr, "the same sentence as without a terminal")
        #expect(said.contains("cordon status"), "it points to the command line")
        #expect(said.contains("控制台需要") && said.contains("The console needs"), "in both languages")
        #expect(try setup.timeline() == before, "nothing was written")
    }
}

extension TmuxSession {
    /// Polls the screen until `text` is no longer on it; returns the screen.
    @discardableResult
    func waitForGone(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        repeat {
            last = try screen()
            if !last.contains(text) { return last }
            usleep(40_000)
        } while Date() < deadline
        throw Timeout(description: "'\(text)' was still there after \(seconds)s. The screen:\n\(last)")
    }
}
