import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `cordon` process started as a shell would start it, for tests that signal it.
///
/// Swift Testing's threads block signals and `Process` passes that mask on, so a child it starts
/// ignores SIGTERM, SIGHUP and SIGINT until it exits. This spawns with no signal blocked and
/// every handler at its default, and reaps with `waitpid`.
///
///     let note = try cordon.spawn(["note", id, "…"])
///     kill(note.pid, SIGTERM)
///     #expect(note.wait() == .signalled(SIGTERM))
public final class SpawnedCommand {
    public enum End: Sendable, Hashable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// From a `waitpid` status.
        public init(status: Int32) {
            self = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        }

        public var description: String {
            switch self {
            case .exited(let status): "exit \(status)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    public let pid: pid_t
    private let output: String
    private var end: End?

    init(executable: String, arguments: [String], environment: [String: String]) throws {
        output = NSTemporaryDirectory() + "cordon-spawn-\(UUID().uuidString).out"
        switch ShellSpawn.start(executable, arguments, environment: environment, output: output) {
        case .success(let pid): self.pid = pid
        case .failure(let error):
            throw CordonBinary.Failure(result: CordonBinary.Result(status: error.code, stdout: "", stderr: "cannot start \(executable)"))
        }
    }

    deinit {
        if end == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        try? FileManager.default.removeItem(atPath: output)
    }

    /// Waits for the process to end and says how it did.
    @discardableResult
    public func wait() -> End {
        if let end { return end }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let ended = End(status: status)
        end = ended
        return ended
    }

    /// How it ended, if it has; never waits.
    public func poll() -> End? {
        if let end { return end }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        let ended = End(status: status)
        end = ended
        return ended
    }

    /// What it printed on standard output and standard error, once it ended.
    public var printed: String {
        (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}

extension CordonBinary {
    /// Starts `cordon` with `arguments` as a shell would (see `SpawnedCommand`).
    public func spawn(_ arguments: [String]) throws -> SpawnedCommand {
        try SpawnedCommand(executable: path, arguments: arguments, environment: environment)
    }
}

/// Starts a program as a shell would: standard input from `/dev/null`, standard output (and
/// standard error, unless it has a file of its own) into a file, no signal blocked and every
/// handler at its default. Test threads block signals and `Process` passes that mask on, so a
/// child it starts ignores SIGTERM and SIGHUP, and tmux could not hang up its panes.
public enum ShellSpawn {
    public struct Failure: Error {
        /// What `posix_spawn` returned.
        public var code: Int32
    }

    /// The child's pid; `searchPath` looks the executable up in `PATH`.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String],
        output: String, errors: String? = nil, searchPath: Bool = false
    ) -> Result<pid_t, Failure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = searchPath
            ? posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
            : posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        return spawned == 0 ? .success(pid) : .failure(Failure(code: spawned))
    }
}
