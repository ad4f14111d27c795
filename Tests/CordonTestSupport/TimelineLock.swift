import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Holds a timeline's exclusive lock from the test, as a slow writer in another process would,
/// so that a command can be caught in the middle of an append (waiting for the lock) and
/// signalled there. Waiting is polling `/proc/locks` for the blocked process; a fixed sleep is
/// never what a test relies on.
///
///     let lock = try TimelineLock(path)
///     let note = cordon.start(["note", id, "…"]); try note.run()
///     try lock.waitForWaiter(pid: note.processIdentifier)
///     kill(note.processIdentifier, SIGTERM)
///     lock.release()
public final class TimelineLock {
    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    private var fd: Int32

    public init(_ path: String) throws {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, flock(fd, LOCK_EX) == 0 else {
            throw Timeout(description: "cannot lock \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { release() }

    /// Waits until process `pid` (or any of its threads) is blocked on a file lock.
    public func waitForWaiter(pid: Int32, seconds: Double = 15) throws {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
            if locks.split(separator: "\n").contains(where: { $0.contains("->") && $0.split(separator: " ").contains(Substring("\(pid)")) }) {
                return
            }
            usleep(20_000)
        } while Date() < deadline
        throw Timeout(description: "process \(pid) did not wait for the timeline's lock within \(seconds)s")
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
