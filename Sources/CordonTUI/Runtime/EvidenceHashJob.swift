import CordonCore

/// How far hashing an evidence file has come: bytes read so far of the file's size.
public struct HashProgress: Sendable, Hashable {
    public var hashed: Int64
    public var total: Int64

    public init(hashed: Int64, total: Int64) {
        self.hashed = hashed
        self.total = total
    }

    /// `1.5 GiB / 4.0 GiB (37%)`
    public var text: String {
        let percent = total > 0 ? " (\(min(100, hashed * 100 / total))%)" : ""
        return ByteText.format(hashed) + " / " + ByteText.format(total) + percent
    }
}

/// Hashing one evidence file away from the console's loop. The driver starts it (it reads the
/// file; the console never does) and the loop looks at it between frames, so a disk image of
/// several gigabytes leaves the clocks ticking, other terminals' events arriving and `Esc` working.
///
///     program.hashEvidence = { path in FileHashJob(path: path) }   // in the executable
public protocol EvidenceHashJob: AnyObject {
    /// How far it has come.
    var progress: HashProgress { get }
    /// The file's fingerprint once every byte is hashed, or why it could not be; `nil` meanwhile.
    var outcome: Result<EvidenceFile, any Error>? { get }
    /// Asks it to stop reading; whatever it finds afterwards is not recorded.
    func cancel()
}
