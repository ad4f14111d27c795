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
    /// A drill's frozen scenario no longer matches the hash recorded at declaration.
    public var scenarioAltered: Bool
    /// The id the first line declares, when it is not the id of the folder the timeline is in.
    public var misplacedAs: String?

    public var isIntact: Bool { damage == nil && !playbookAltered && !scenarioAltered && misplacedAs == nil }
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
        let declaration = bytes.split(separator: 0x0A, maxSplits: 1).first.flatMap { try? Event(line: Array($0)) }
        func altered(_ file: String, recordedAs key: String) -> Bool {
            guard let recorded = declaration?.data.string(key) else { return false }
            let frozen = try? FileSystem.readFile(folder + "/" + file, limit: 1 << 24)
            return frozen.map(LineHash.hex) != recorded
        }
        let folderName = (folder as NSString).lastPathComponent
        let declared = declaration?.data.string("id")
        return VerifyReport(
            intactLines: result.position.seq, headHash: result.position.headHash, damage: result.damage,
            tornTail: result.tornTail, playbookAltered: altered(IncidentStore.playbookFile, recordedAs: "playbook_sha256"),
            scenarioAltered: altered(IncidentStore.scenarioFile, recordedAs: "scenario_sha256"),
            misplacedAs: declared.flatMap { $0 == folderName ? nil : $0 })
    }
}

#if canImport(Glibc)
import Glibc
#endif
