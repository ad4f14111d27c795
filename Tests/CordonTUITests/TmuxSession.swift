import Foundation
import CordonTestSupport
import Testing

/// A detached tmux server with one window running a shell script, for driving the real
/// `cordon` binary as a person would: keys in with `send-keys`, the screen out with `capture-pane`.
/// Waiting is polling against a deadline; a fixed sleep is never what a test asserts on.
final class TmuxSession {
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    static var isAvailable: Bool { (try? TmuxSession.run(["-V"])) != nil }

    let socket: String

    init(width: Int, height: Int, script: String) throws {
        socket = "cordon-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)", "sh " + script])
    }

    /// Ends the server and whatever still runs in it.
    func close() { _ = try? tmux(["kill-server"]) }

    /// Types literal text (Chinese included) into the pane.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// Presses named keys: `Enter`, `Escape`, `Left`, `BSpace`, `C-c`.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

    /// A tmux format value of the pane, such as `#{alternate_on}` or `#{pane_pid}`.
    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `text` shows or `seconds` pass; returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitFor(all: [text], seconds: seconds)
    }

    /// Waits for one screen showing every text at once: after a resize the terminal may be
    /// captured while the program is still part-way through drawing the new frame.
    @discardableResult
    func waitFor(all texts: [String], seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        repeat {
            last = try screen()
            if texts.allSatisfy(last.contains) { return last }
            usleep(40_000)
        } while Date() < deadline
        let missing = texts.filter { !last.contains($0) }.map { "'\($0)'" }.joined(separator: ", ")
        throw Timeout(description: "\(missing) did not appear within \(seconds)s. The screen:\n\(last)")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try TmuxSession.run(["-L", socket] + arguments)
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        try Command.run("tmux", arguments)
    }
}

/// Runs a program to completion and returns its standard output.
///
/// Spawned with `posix_spawn` and reaped with `waitpid` rather than Foundation's `Process`,
/// which on Linux learns of an exit through a descriptor the child inherits: tmux hands that
/// descriptor to the server it leaves running, and the wait would never end. Output goes
/// through files for the same reason.
enum Command {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.path
        let outputPath = "\(folder)/cordon-command-\(UUID().uuidString).out"
        let errorPath = "\(folder)/cordon-command-\(UUID().uuidString).err"
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let pid: pid_t
        switch ShellSpawn.start(
            executable, arguments, environment: ProcessInfo.processInfo.environment,
            output: outputPath, errors: errorPath, searchPath: true)
        {
        case .success(let started): pid = started
        case .failure(let failure): throw Failed(description: "cannot start \(executable): error \(failure.code)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        guard exited, (status >> 8) & 0xFF == 0 else {
            let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw Failed(description: "\(executable) \(arguments.joined(separator: " ")) ended with status \(status): \(errors)")
        }
        return output
    }
}
