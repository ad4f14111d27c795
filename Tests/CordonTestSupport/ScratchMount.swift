import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted on a fresh folder, to run out of space or turn read-only for real.
/// Needs root (CI runs as root); `isAvailable` says whether this machine allows it, and tests
/// that need it are skipped with that reason otherwise.
///
///     let disk = try ScratchMount(kilobytes: 512)
///     defer { disk.unmount() }
///     try disk.makeReadOnly()
public final class ScratchMount: @unchecked Sendable {
    public let path: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether this process may mount a tmpfs: root, and the kernel lets it (tried once).
    public static let isAvailable: Bool = {
        guard getuid() == 0, let probe = try? ScratchMount(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    public init(kilobytes: Int) throws {
        path = NSTemporaryDirectory() + "cordon-disk-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0700") == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw Failure(description: "cannot mount a tmpfs on \(path): \(reason)")
        }
    }

    /// Turns the whole disk read-only, as a remount after an error does.
    public func makeReadOnly() throws {
        guard mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw Failure(description: "cannot remount \(path) read-only: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes a file that takes every free byte; returns its path.
    @discardableResult
    public func fill() -> String {
        let filler = path + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x2E, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        // The last page may still have room for a few bytes; take those too.
        while write(fd, "x", 1) == 1 {}
        return filler
    }

    public func unmount() {
        umount2(path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(atPath: path)
    }
}
