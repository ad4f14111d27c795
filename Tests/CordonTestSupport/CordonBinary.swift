import Foundation

/// Runs the real `cordon` executable that `swift build` put beside the test bundle.
public struct CordonBinary: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// The last line of standard output (where `declare` prints the new id).
        public var lastLine: String {
            stdout.split(separator: "\n").last.map(String.init) ?? ""
        }
    }

    public let path: String
    public let home: String
    public var environment: [String: String]
    /// A program `cordon` is run under, with its arguments (`setpriv …`, `strace …`); none when empty.
    public var prefix: [String] = []

    /// `home` is passed as `CORDON_HOME`; the language is pinned to English unless `lang` says otherwise.
    public init(home: String, lang: String = "en") {
        path = CordonBinary.locate()
        self.home = home
        var environment = ProcessInfo.processInfo.environment
        environment["CORDON_HOME"] = home
        environment["CORDON_LANG"] = lang
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        self.environment = environment
    }

    /// The built binary: `$CORDON_BIN`, else `cordon` in the build products folder of this test bundle.
    public static func locate() -> String {
        if let explicit = ProcessInfo.processInfo.environment["CORDON_BIN"] { return explicit }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("cordon").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/cordon").standardized.path
    }

    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        try run(arguments, stdinBytes: stdin.map { Array($0.utf8) })
    }

    /// Runs with `stdinBytes` as standard input, whatever they are: for input that is not UTF-8.
    @discardableResult
    public func run(_ arguments: [String], stdinBytes: [UInt8]?) throws -> Result {
        let process = start(arguments, stdin: stdinBytes.map { _ in "" })
        let stdoutPipe = process.standardOutput as! Pipe
        let stderrPipe = process.standardError as! Pipe
        try process.run()
        if let stdinBytes, let pipe = process.standardInput as? Pipe {
            pipe.fileHandleForWriting.write(Data(stdinBytes))
            try pipe.fileHandleForWriting.close()
        }
        let out = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        let err = stderrPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A configured, not yet started process, for tests that run several at once or kill them.
    public func start(_ arguments: [String], stdin: String? = nil) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: prefix.first ?? path)
        process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [path] + arguments
        process.environment = environment
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        if stdin != nil { process.standardInput = Pipe() }
        return process
    }

    /// Declares an incident and returns its id.
    public func declare(playbook: String = "pi-leak", title: String = "测试事件", extra: [String] = []) throws -> String {
        let result = try run(["declare", "--playbook", playbook, "--title", title] + extra)
        guard result.status == 0 else { throw Failure(result: result) }
        return result.lastLine
    }

    public struct Failure: Error, CustomStringConvertible {
        public var result: Result
        public var description: String { "exit \(result.status): \(result.stderr)" }
    }

    /// Where an incident's timeline is.
    public func timeline(_ id: String) -> String {
        "\(home)/\(id.hasPrefix("DRL") ? "drills" : "incidents")/\(id)/timeline.jsonl"
    }
}

/// A fresh folder under the system temporary folder, removed when the value is dropped.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init(_ name: String = "cordon-test") {
        path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }

    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }
}
