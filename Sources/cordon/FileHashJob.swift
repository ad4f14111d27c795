import CordonCore
import CordonStore
import CordonTUI
import Foundation

/// Hashes an evidence file for the console on a thread of its own, so the console's loop keeps
/// drawing, ticking and reading keys while a disk image of several gigabytes is read. The loop
/// only looks at `progress` and `outcome`; the thread stops at the next chunk once cancelled.
final class FileHashJob: EvidenceHashJob, @unchecked Sendable {
    private let lock = NSLock()
    private var current = HashProgress(hashed: 0, total: 0)
    private var finished: Result<EvidenceFile, any Error>?
    private var cancelled = false

    /// Starts hashing `path` (a leading `~` is the home folder) at once.
    init(path: String) {
        let expanded = NSString(string: path).expandingTildeInPath
        Thread.detachNewThread { [self] in
            let outcome: Result<EvidenceFile, any Error> = Result {
                try EvidenceFingerprint.file(at: expanded) { hashed, total in
                    lock.withLock {
                        current = HashProgress(hashed: hashed, total: total)
                        return !cancelled
                    }
                }
            }
            lock.withLock { finished = outcome }
        }
    }

    var progress: HashProgress { lock.withLock { current } }

    var outcome: Result<EvidenceFile, any Error>? { lock.withLock { finished } }

    func cancel() { lock.withLock { cancelled = true } }
}
