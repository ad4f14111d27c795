#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore
import Crypto
import Foundation

/// The secret that seals checkpoints: 32 random bytes in `<home>/checkpoint.key`, `0600`, made
/// the first time a checkpoint is written.
///
/// A checkpoint decides writes (the state it holds is what `advance` checks its required steps
/// against), so a seal anyone can compute, as an unkeyed hash is, would let whoever can write
/// the incident folder forge a state the rules then trust. An HMAC under this key can only be
/// made by someone who can read the key, which is the home's owner: a checkpoint forged by
/// anyone else is ignored like a torn one, and the timeline is folded from its first line.
///
/// Whoever can read the key can also write the timeline itself, so the key adds no power to
/// anyone; it only stops a cache from being the easier thing to forge. `cordon verify` never
/// trusts a checkpoint and re-checks every event against the rules, whatever the key says.
///
/// Checking the rules' preconditions against a fold of the whole timeline before each write
/// would answer the same forgery, but would make a note on a 100,000-event incident read and
/// fold every line again, which is what the checkpoint exists to spare (BENCHMARKS.md's append
/// ratio). A keyed seal costs one 32-byte read and an HMAC over the checkpoint per command.
struct CheckpointKey: Sendable {
    static let fileName = "checkpoint.key"
    static let length = 32

    private let key: SymmetricKey

    /// The home folder an incident folder (`<home>/incidents/<id>`) belongs to.
    static func home(ofIncidentFolder folder: String) -> String {
        ((folder as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
    }

    /// The key of the home `folder` is in, or `nil` when there is none yet or it cannot be read
    /// (then no checkpoint is trusted: commands fold every line, which is slower, never wrong).
    static func existing(forIncidentFolder folder: String) -> CheckpointKey? {
        read(home(ofIncidentFolder: folder) + "/" + fileName)
    }

    /// The key of the home `folder` is in, made now if there is none; `nil` when it can be
    /// neither read nor made (a read-only home), and then no checkpoint is written.
    static func make(forIncidentFolder folder: String) -> CheckpointKey? {
        let path = home(ofIncidentFolder: folder) + "/" + fileName
        if let key = read(path) { return key }
        var bytes = [UInt8](repeating: 0, count: length)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        // Written whole under another name, then linked into place: a racing command either
        // wins the link or reads the winner's key, never half of one.
        let temporary = "\(path).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        defer { unlink(temporary) }
        guard (try? FileSystem.writeNewFile(temporary, bytes)) != nil else { return nil }
        if link(temporary, path) == 0 { return CheckpointKey(key: SymmetricKey(data: bytes)) }
        return read(path)
    }

    private static func read(_ path: String) -> CheckpointKey? {
        // O_NOFOLLOW: a key replaced by a symlink to some other file is no key.
        guard let file = try? FileDescriptor(path: path, flags: O_RDONLY | O_NOFOLLOW),
              let size = try? file.size(), size == length,
              let bytes = try? file.read(at: 0, count: length), bytes.count == length
        else { return nil }
        return CheckpointKey(key: SymmetricKey(data: bytes))
    }

    /// HMAC-SHA256 of `body`, as lowercase hex.
    func seal(_ body: ArraySlice<UInt8>) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: key).withUnsafeBytes { LineDigest(bytes: $0).hex }
    }
}
