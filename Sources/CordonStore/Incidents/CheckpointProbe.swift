import Dispatch

/// Reads an incident's checkpoint and fingerprints the timeline bytes it covers on another
/// thread, so that starting from a checkpoint overlaps the work a command does anyway (loading
/// its playbook) instead of adding to it. The bytes a checkpoint covers are never rewritten by
/// appends, so reading them without the lock is safe; the covered line itself is checked again
/// under the lock by `Journal.resume(at:prefix:)`.
///
///     let probe = journal.probe(checkpointIn: folder)
///     let playbook = try frozenPlaybook(…)
///     if let (checkpoint, prefix) = probe.wait() { journal.resume(at: …, prefix: prefix) }
final class CheckpointProbe: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written by the probing thread before `done` is signalled, read only after waiting on it.
    private var found: (checkpoint: Checkpoint, prefix: PrefixFingerprint?)?

    init(folder: String, file: FileDescriptor) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            if let checkpoint = Checkpoint.read(folder: folder) {
                found = (checkpoint, try? TimelineReader.fingerprint(file, count: checkpoint.position.offset))
            }
            done.signal()
        }
    }

    /// The checkpoint, if there is a readable one, and the fingerprint of the bytes it covers as
    /// they are in the file now (`nil` when the file is shorter).
    func wait() -> (checkpoint: Checkpoint, prefix: PrefixFingerprint?)? {
        done.wait()
        return found
    }
}
