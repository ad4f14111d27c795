import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The real console signalled in the middle of an append (caught while it waits for the
/// timeline's lock, held here as a slow writer elsewhere would hold it) and while it draws:
/// the terminal is given back, and the journal holds exactly what was acknowledged.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux (.ci/run installs it)"))
struct ConsoleSignalTests {
    /// A home with one incident, and a script that opens the console on it and then reports
    /// how it ended and what the terminal was left like.
    private struct Setup {
        let cordon: CordonBinary
        let id: String
        let script: String

        init(environment: String = "") throws {
            let binary = try #require(EndToEndTests.binary, "build the cordon executable first (swift build)")
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-signal-\(UUID().uuidString)").path
            var cordon = CordonBinary(home: home)
            cordon.environment["CORDON_BIN"] = binary
            self.cordon = cordon
            id = try cordon.declare(title: "信号测试", extra: ["--severity", "serious"])
            script = home + "/console.sh"
            let text = """
                export LANG=C.UTF-8 LC_ALL=C.UTF-8 \(environment)
                unset NO_COLOR CORDON_LANG LC_MESSAGES
                '\(binary)' open \(id) --home '\(home)' --lang zh --actor 值班员
                echo "CORDON-EXIT:$?"
                echo "TTY:$(stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' ')"
                exec sleep 600
                """
            try text.write(toFile: script, atomically: true, encoding: .utf8)
        }

        /// The console's pid: the only child of the pane's shell.
        func console(in terminal: TmuxSession) throws -> Int32 {
            let shell = try #require(Int32(try terminal.value("#{pane_pid}")))
            let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            return try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        }

        func stepState(_ step: String) throws -> String? {
            let result = try cordon.run(["status", id, "--json"])
            let steps = try JSONReader.parse(result.stdout).object?["steps"]?.array ?? []
            return steps.compactMap(\.object).first { $0.string("id") == step }?.string("state")
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: cordon.home) }
    }

    private func expectTerminalGivenBack(_ terminal: TmuxSession, exit: Int32) throws {
        let after = try terminal.waitFor("TTY:")
        #expect(after.contains("CORDON-EXIT:\(exit)"), "\(after)")
        #expect(after.contains("TTY:icanon echo") || after.contains("TTY:echo icanon"))
        #expect(try terminal.value("#{alternate_on}") == "0")
    }

    @Test("a stop signal in the middle of an append lets it finish, then gives the terminal back", arguments: [SIGTERM, SIGHUP, SIGINT])
    func stopSignalDuringAppend(signal: Int32) throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: setup.script)
        defer { terminal.close() }
        try terminal.waitFor("步骤 · 遏制")
        let console = try setup.console(in: terminal)

        let lock = try TimelineLock(setup.cordon.timeline(setup.id))
        try terminal.type(" ")
        try lock.waitForWaiter(pid: console)
        kill(console, signal)
        lock.release()

        try expectTerminalGivenBack(terminal, exit: 128 + signal)
        #expect(try setup.stepState("confirm-leak") == "done", "the append under way when the signal came was finished and kept")
        #expect(try setup.cordon.run(["verify", setup.id]).status == 0)
    }

    @Test("a crash signal in the middle of an append gives the terminal back and writes nothing", arguments: [SIGSEGV, SIGABRT, SIGBUS])
    func crashDuringAppend(signal: Int32) throws {
        // With Swift's backtracer on, a crash signal sent by kill(2) is reported and survived;
        // off, the console's handler gives the terminal back and the signal ends the process.
        let setup = try Setup(environment: "SWIFT_BACKTRACE=enable=no")
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: setup.script)
        defer { terminal.close() }
        try terminal.waitFor("步骤 · 遏制")
        let console = try setup.console(in: terminal)
        let before = try Data(contentsOf: URL(fileURLWithPath: setup.cordon.timeline(setup.id)))

        let lock = try TimelineLock(setup.cordon.timeline(setup.id))
        try terminal.type(" ")
        try lock.waitForWaiter(pid: console)
        kill(console, signal)
        lock.release()

        try expectTerminalGivenBack(terminal, exit: 128 + signal)
        #expect(try Data(contentsOf: URL(fileURLWithPath: setup.cordon.timeline(setup.id))) == before)
        #expect(try setup.stepState("confirm-leak") == "pending")
        #expect(try setup.cordon.run(["verify", setup.id]).status == 0)
    }

    @Test("signals while the console redraws (resizing, a colleague's notes arriving) give the terminal back", arguments: [SIGTERM, SIGHUP, SIGSEGV])
    func signalWhileDrawing(signal: Int32) throws {
        let setup = try Setup(environment: "SWIFT_BACKTRACE=enable=no")
        defer { setup.cleanUp() }
        let terminal = try TmuxSession(width: 100, height: 30, script: setup.script)
        defer { terminal.close() }
        try terminal.waitFor("步骤 · 遏制")
        let console = try setup.console(in: terminal)
        // Keep it drawing: new notes from elsewhere and a window changing size.
        let writer = try setup.cordon.spawn(["note", setup.id, "同事的备注"])
        for size in [(80, 24), (120, 40), (90, 28)] {
            try terminal.resize(width: size.0, height: size.1)
        }
        kill(console, signal)
        #expect(writer.wait() == .exited(0))
        try expectTerminalGivenBack(terminal, exit: 128 + signal)
        #expect(try setup.cordon.run(["verify", setup.id]).status == 0)
    }
}
