import CordonCore
import Foundation

/// What `cordon verify` found.
public struct VerifyReport: Sendable {
    /// Intact lines from the start.
    public var intactLines: Int
    /// Hash of the last intact line: the value to anchor outside the machine.
    public var headHash: String
    /// The first line that breaks the chain, if any.
    public var damage: JournalDamage?
    /// An incomplete last line (a crash mid-write), if any.
    public var tornTail: TornTail?
    /// The frozen playbook no longer matches the hash recorded at declaration.
    public var playbookAltered: Bool

    public var isIntact: Bool { damage == nil && !playbookAltered }
}

/// Reads a whole timeline and checks every line's seq and hash link.
public enum Verifier {
    public static func verify(folder: String) throws(StoreError) -> VerifyReport {
        let timeline = folder + "/" + IncidentStore.timelineFile
        let bytes: [UInt8]
        do {
            let file = try FileDescriptor(path: timeline, flags: O_RDONLY)
            try file.lock(.shared)
            bytes = try file.read(at: 0, count: try file.size())
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "读取时间线", en: "Reading the timeline"))
        }
        let result = JournalScanner.scan(bytes, from: .start, keepEvents: false)
        var altered = false
        if let first = bytes.split(separator: 0x0A, maxSplits: 1).first,
           let declaration = try? Event(line: Array(first)),
           let recorded = declaration.data.string("playbook_sha256")
        {
            let frozen = try? FileSystem.readFile(folder + "/" + IncidentStore.playbookFile, limit: 1 << 24)
            altered = frozen.map(LineHash.hex) != recorded
        }
        return VerifyReport(
            intactLines: result.position.seq, headHash: result.position.headHash, damage: result.damage,
            tornTail: result.tornTail, playbookAltered: altered)
    }
}

#if canImport(Glibc)
import Glibc
#endif
