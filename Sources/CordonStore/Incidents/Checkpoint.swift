import CordonCore
import Foundation

/// The folded state of an incident as of one line of its timeline, kept beside it as
/// `checkpoint.json` (`0600`, or `0660` in a group-shared home) so that a command on a long incident reads and folds only the lines
/// after it instead of every line from the first.
///
/// A cache, never evidence: the timeline stays the only source of truth. A checkpoint is
/// trusted only when all of these hold, and otherwise ignored (the timeline is folded from its
/// first line and a new checkpoint written in its place):
/// - the HMAC-SHA256 at its head, keyed with the home's `CheckpointKey`, matches the rest of
///   the file (a torn, garbled or forged file is ignored: only the home's owner can seal one);
/// - it was written for this incident, by a fold of the same `IncidentState.foldRevision`, with
///   the frozen playbook's hash, and its state has folded exactly `position.seq` events;
/// - the line it covers is still in the timeline: the bytes from `lineOffset` to
///   `position.offset` are one whole line whose SHA-256 is `position.headHash` and whose seq is
///   `position.seq` (see `Journal.resume(at:)`);
/// - every byte before that line's end still has the fingerprint it had when it was folded.
///
/// The lines after it are read and checked against the chain as always. `cordon verify` reads
/// every line, and also folds them to check that a checkpoint it would trust says the same.
struct Checkpoint: Codable, Hashable {
    static let fileName = "checkpoint.json"
    /// A new checkpoint is written once this many events lie beyond the last one: an append
    /// then folds at most this many lines besides its own.
    static let interval = 256
    static let format = 2
    /// Larger than any real incident's state: anything bigger is not read.
    static let maximumBytes = 64 << 20

    var format = Checkpoint.format
    var foldRevision = IncidentState.foldRevision
    var incident: String
    var playbookSha256: String
    /// Just past the covered line.
    var position: ChainPosition
    /// Where the covered line starts.
    var lineOffset: Int
    /// `PrefixFingerprint` of every byte before `position.offset`, as hex.
    var prefix: String
    /// The fold of lines 1 through `position.seq`.
    var state: IncidentState

    static func path(in folder: String) -> String { folder + "/" + fileName }

    /// Whether it was made for this incident by this fold; the timeline is checked separately.
    func fits(incident id: IncidentId, playbookSha256 sha: String) -> Bool {
        format == Checkpoint.format && foldRevision == IncidentState.foldRevision
            && incident == id.description && playbookSha256 == sha
            && state.isPlausible(atSeq: position.seq) && state.id == id.description
            && position.seq >= 1 && lineOffset >= 0 && lineOffset < position.offset
    }

    // MARK: - On disk: a line with the keyed seal of the rest, then the checkpoint as JSON

    /// Hex characters of the seal on the first line.
    static let sealLength = 64

    /// The checkpoint in `folder`, or `nil` when there is none, it is not intact or it was not
    /// sealed with this home's key.
    static func read(folder: String) -> Checkpoint? {
        guard let key = CheckpointKey.existing(forIncidentFolder: folder),
              let bytes = try? FileSystem.readFile(path(in: folder), limit: maximumBytes, followLinks: false),
              bytes.count > sealLength + 1, bytes[sealLength] == 0x0A
        else { return nil }
        let body = bytes[(sealLength + 1)...]
        guard constantTimeEqual(bytes[0..<sealLength], Array(key.seal(body).utf8)),
              let value = try? body.withUnsafeBufferPointer({ buffer throws(JSONReader.Failure) in try JSONReader.parse(buffer) })
        else { return nil }
        return try? ValueCoding.decode(Checkpoint.self, from: value)
    }

    /// Whether two seals are the same, taking as long whatever they hold.
    private static func constantTimeEqual(_ lhs: ArraySlice<UInt8>, _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }

    /// The file's bytes: the seal of `body` under `key`, a newline, then `body`.
    static func sealed(_ body: [UInt8], key: CheckpointKey) -> [UInt8] {
        Array(key.seal(body[...]).utf8) + [0x0A] + body
    }

    /// Replaces the checkpoint in `folder`, all at once: a reader sees the old one or the new one.
    /// Best effort: a checkpoint that cannot be written (a read-only or full disk) only costs
    /// the next command a longer read. It is not synced, since a lost one is only rebuilt.
    func write(folder: String) {
        guard let key = CheckpointKey.make(forIncidentFolder: folder), let value = try? ValueCoding.encode(self) else { return }
        let bytes = Checkpoint.sealed(JSONWriter.encode(value), key: key)
        let temporary = "\(Checkpoint.path(in: folder)).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            let file = try FileSystem.createFile(temporary)
            try file.writeAll(bytes)
        } catch {
            unlink(temporary)
            return
        }
        if rename(temporary, Checkpoint.path(in: folder)) != 0 { unlink(temporary) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
