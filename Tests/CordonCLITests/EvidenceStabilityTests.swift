import CordonCore
import CordonTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `cordon evidence add` records the hash of one version of a file, or nothing: not a hash of
/// bytes read across a change, and never a hang on a FIFO swapped in for the file.
@Suite("Evidence read as one version")
struct EvidenceStabilityTests {
    let folder = TemporaryFolder()
    var cordon: CordonBinary { CordonBinary(home: folder.path + "/home") }

    func evidenceEvents(_ id: String) throws -> [Event] {
        let text = try String(contentsOfFile: cordon.timeline(id), encoding: .utf8)
        return try text.split(separator: "\n").map { try Event(line: Array($0.utf8)) }.filter { $0.type.hasPrefix("evidence.") }
    }

    /// Bytes `pid` has read so far, from `/proc/PID/io`.
    func bytesRead(by pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix("rchar:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }

    @Test("a large sparse file written by another process while it is hashed is not recorded")
    func changedWhileHashing() throws {
        let id = try cordon.declare()
        let image = folder.path + "/disk.img"
        #expect(FileManager.default.createFile(atPath: image, contents: nil))
        // 4 GiB of holes: nothing on disk, seconds of hashing.
        #expect(truncate(image, 4 << 30) == 0)
        let hashing = cordon.start(["evidence", id, "add", "--file", image, "--custodian", "王芳"])
        try hashing.run()
        // Once hashing is well under way, a second process writes into the part already read.
        let deadline = Date().addingTimeInterval(120)
        while hashing.isRunning, (bytesRead(by: hashing.processIdentifier) ?? 0) < 64 << 20, Date() < deadline { usleep(1000) }
        #expect(hashing.isRunning, "the file is large enough that hashing is still running when it is written")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf 'overwritten' | dd of=\"$1\" bs=1 seek=4096 conv=notrunc status=none", "sh", image]
        try writer.run()
        writer.waitUntilExit()
        let errors = (hashing.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        hashing.waitUntilExit()
        let message = String(decoding: errors, as: UTF8.self)
        #expect(hashing.terminationStatus != 0)
        #expect(message.contains("changed while it was read") && message.contains("nothing was recorded"), "\(message)")
        #expect(try evidenceEvents(id).isEmpty, "no hash of a version that never existed is recorded")
    }

    @Test("with the path swapped between a file and a FIFO, no run hangs: each hashes the file or refuses the FIFO")
    func fifoSwappedIn() throws {
        let id = try cordon.declare()
        let path = folder.path + "/swapped"
        let original = folder.write("original.csv", "姓名,手机号\n张三,138****0000\n")
        let expected = try sha256sum(original)
        #expect(link(original, path) == 0)
        let stop = ManagedAtomicFlag()
        let swapper = Thread {
            var round = 0
            while !stop.isSet {
                round += 1
                let next = "\(path).next\(round)"
                if round % 2 == 0 { link(original, next) } else { mkfifo(next, 0o600) }
                rename(next, path)
            }
        }
        swapper.start()
        defer { stop.set() }
        var outcomes: [String: Int] = [:]
        for _ in 0..<60 {
            let run = cordon.start(["evidence", id, "add", "--file", path, "--custodian", "王芳"])
            try run.run()
            let deadline = Date().addingTimeInterval(30)
            while run.isRunning, Date() < deadline { usleep(2000) }
            if run.isRunning {
                kill(run.processIdentifier, SIGKILL)
                run.waitUntilExit()
                outcomes["hung", default: 0] += 1
                continue
            }
            let errors = String(decoding: (run.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if run.terminationStatus == 0 {
                outcomes["recorded", default: 0] += 1
            } else if errors.contains("is not a regular file") || errors.contains("changed while it was read") {
                // A FIFO was opened, or the path named something else by the time the file was read whole.
                outcomes["refused", default: 0] += 1
            } else if errors.contains("already registered as E1") {
                // The file read whole again: the same path and hash are not registered twice.
                outcomes["recorded", default: 0] += 1
            } else {
                outcomes[errors, default: 0] += 1
            }
        }
        stop.set()
        #expect(outcomes["hung"] == nil, "\(outcomes)")
        #expect((outcomes["recorded"] ?? 0) + (outcomes["refused"] ?? 0) == 60, "\(outcomes)")
        let recorded = try evidenceEvents(id)
        #expect(recorded.count == ((outcomes["recorded"] ?? 0) > 0 ? 1 : 0))
        #expect(recorded.allSatisfy { $0.data.string("sha256") == expected }, "every recorded hash is the file's")
    }
}

/// The SHA-256 of a file, hex, by `sha256sum`.
private func sha256sum(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: out, as: UTF8.self).prefix(64))
}

/// A flag one thread sets and another reads.
private final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
