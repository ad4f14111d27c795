import Foundation

/// The `write`, `fsync` and `fdatasync` calls of a process and its threads, read from the
/// output of `strace -f -y -e trace=fsync,fdatasync,write -o FILE`, in the order they started.
/// With `-y` strace names the file behind each descriptor, so a test can ask whether the
/// timeline was synced before a command's acknowledgement was printed.
///
///     let trace = try SyscallTrace(file: output)
///     let written = try #require(trace.lastIndex(of: .write, onPathEndingIn: "/timeline.jsonl"))
public struct SyscallTrace: Sendable {
    public enum Call: String, Sendable {
        case write
        case fsync
        case fdatasync
    }

    public struct Entry: Sendable, CustomStringConvertible {
        public var call: Call
        public var fd: Int
        /// The file behind the descriptor, as strace names it (`pipe:[…]`, `/dev/pts/3`, a path).
        public var path: String
        /// The line as strace printed it.
        public var line: String
        public var description: String { line }
    }

    /// Where `strace` is, if it is installed (`.ci/run` installs it).
    public static let strace: String? = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether `strace` is installed and may trace here (ptrace can be forbidden in a container).
    public static let isAvailable: Bool = {
        guard let strace else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-o", "/dev/null", "/bin/true"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// The arguments that run a program under strace, recording into `output`.
    public static func prefix(recordingInto output: String) -> [String] {
        [strace ?? "strace", "-f", "-y", "-qq", "-s", "64", "-e", "trace=fsync,fdatasync,write", "-o", output]
    }

    public let entries: [Entry]

    public init(file: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?:^|\s)(write|fsync|fdatasync)\((\d+)<([^>]*)>"#)
        entries = text.split(separator: "\n").compactMap { raw in
            let line = String(raw)
            let range = NSRange(line.startIndex..., in: line)
            guard let match = pattern.firstMatch(in: line, range: range),
                  let call = Range(match.range(at: 1), in: line).flatMap({ Call(rawValue: String(line[$0])) }),
                  let fd = Range(match.range(at: 2), in: line).flatMap({ Int(line[$0]) }),
                  let path = Range(match.range(at: 3), in: line).map({ String(line[$0]) })
            else { return nil }
            return Entry(call: call, fd: fd, path: path, line: line)
        }
    }

    /// The last call of `call` on a file whose path ends in `suffix`.
    public func lastIndex(of call: Call, onPathEndingIn suffix: String) -> Int? {
        entries.lastIndex { $0.call == call && $0.path.hasSuffix(suffix) }
    }

    /// The first write to standard output or standard error after `index`: whatever a
    /// command prints after writing its line tells someone it was recorded.
    public func firstAcknowledgement(after index: Int) -> Int? {
        entries.indices.first { $0 > index && entries[$0].call == .write && (entries[$0].fd == 1 || entries[$0].fd == 2) }
    }

    /// Whether an `fsync` (or `fdatasync`) of a file or folder whose path ends in `suffix`
    /// starts after `start` and before `end`.
    public func synced(pathEndingIn suffix: String, after start: Int, before end: Int) -> Bool {
        entries.indices.contains { $0 > start && $0 < end && (entries[$0].call == .fsync || entries[$0].call == .fdatasync) && entries[$0].path.hasSuffix(suffix) }
    }

    /// The first write after `index` to a file whose name starts with `prefix` (`/dev/pts/`):
    /// for a console, the first thing drawn after a line was written.
    public func firstWrite(after index: Int, toFileStarting prefix: String) -> Int? {
        entries.indices.first { $0 > index && entries[$0].call == .write && entries[$0].path.hasPrefix(prefix) }
    }
}
