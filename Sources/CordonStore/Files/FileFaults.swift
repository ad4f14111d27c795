import Foundation

/// Failures a test arranges for the file layer, so that what a dying or full disk does to a
/// write can be checked without one: the next `write`, `fsync` or `ftruncate` on a file under a
/// folder fails with an errno, after writing some of its bytes if asked. Nothing arms a fault
/// outside tests; unarmed, each call costs one check of an empty list.
///
///     FileFaults.arm(.fsync, under: folder, code: EIO)
///     try session.perform(.note("…"))   // throws sync-failed; the timeline is as it was
enum FileFaults {
    enum Operation: Sendable {
        case write
        case fsync
        case truncate
    }

    struct Fault: Sendable {
        var operation: Operation
        /// The start of the paths it hits.
        var prefix: String
        var code: Int32
        /// For a write: bytes actually written before it fails, as a write that ran out of space does.
        var partial: Int
        /// How many calls fail before the fault is used up.
        var remaining: Int
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var armed: [Fault] = []

    /// Makes the next `times` calls of `operation` on files under `folder` fail with `code`.
    static func arm(_ operation: Operation, under folder: String, code: Int32, partial: Int = 0, times: Int = 1) {
        arm(operation, pathsStarting: folder + "/", code: code, partial: partial, times: times)
    }

    /// Makes the next `times` calls of `operation` on files whose path starts with `prefix` fail.
    static func arm(_ operation: Operation, pathsStarting prefix: String, code: Int32, partial: Int = 0, times: Int = 1) {
        lock.withLock { armed.append(Fault(operation: operation, prefix: prefix, code: code, partial: partial, remaining: times)) }
    }

    /// Forgets every fault armed for paths under `folder`.
    static func disarm(under folder: String) {
        lock.withLock { armed.removeAll { $0.prefix.hasPrefix(folder + "/") } }
    }

    /// The fault that a call of `operation` on `path` must suffer, if one is armed; uses it up.
    static func take(_ operation: Operation, path: String) -> Fault? {
        lock.withLock {
            guard !armed.isEmpty,
                  let index = armed.firstIndex(where: { $0.operation == operation && path.hasPrefix($0.prefix) })
            else { return nil }
            let fault = armed[index]
            armed[index].remaining -= 1
            if armed[index].remaining <= 0 { armed.remove(at: index) }
            return fault
        }
    }
}
