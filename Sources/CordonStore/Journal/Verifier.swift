import CordonCore
import Foundation

/// What `cordon verify` found.
public struct VerifyReport: Sendable {
    /// Intact lines from the start: lines that read, in sequence, each chained to the one before.
    public var intactLines: Int
    /// Hash of the last intact line: the value to anchor outside the machine.
    public var headHash: String
    /// The first line that breaks the chain, if any.
    public var damage: JournalDamage?
    /// Lines from the start that are beyond doubt. Where a line's `prev` does not match the line
    /// before, the chain cannot tell which of the two was altered (the one before may have been
    /// edited, this one's `prev` may have been, or lines between them removed), so the line
    /// before is in doubt too: this is then one less than `intactLines`.
    public var confirmedLines: Int
    /// Hash of the last confirmed line (64 zeros when there is none).
    public var confirmedHead: String
    /// An incomplete last line (a crash mid-write), if any.
    public var tornTail: TornTail?
    /// The frozen playbook no longer matches the hash recorded at declaration.
    public var playbookAltered: Bool
    /// A drill's frozen scenario no longer matches the hash recorded at declaration.
    public var scenarioAltered: Bool
    /// The id the first line declares, when it is not the id of the folder the timeline is in.
    public var misplacedAs: String?
    /// What the checkpoint beside the timeline says, against the fold of the lines it covers.
    public var checkpoint: CheckpointFinding

    /// A checkpoint against the timeline, as `verify` sees it.
    public enum CheckpointFinding: Sendable, Hashable {
        /// There is none.
        case absent
        /// Commands would trust it, and it says what folding its lines says.
        case agrees(seq: Int)
        /// Commands ignore it (torn, stale, for another fold or another timeline) and rebuild it.
        case ignored
        /// Commands would trust it, yet its state is not the fold of the lines it covers: it was
        /// forged or edited and sealed again.
        case contradicts(seq: Int)
        /// The timeline is damaged at or before the line it covers, so there is no fold to
        /// compare it with.
        case unverifiable(seq: Int)
    }

    /// Torn tails moved aside earlier (`timeline.torn-line*.jsonl`): never acknowledged, kept
    /// for whoever examines the folder.
    public var sideFiles: [String] = []

    public var isIntact: Bool {
        guard damage == nil, !playbookAltered, !scenarioAltered, misplacedAs == nil else { return false }
        if case .contradicts = checkpoint { return false }
        return true
    }
}

/// Reads a whole timeline and checks every line's seq and hash link, never starting from a
/// checkpoint; it folds the lines too, to check that a checkpoint commands would trust agrees.
public enum Verifier {
    public static func verify(folder: String) throws(StoreError) -> VerifyReport {
        let timeline = folder + "/" + IncidentStore.timelineFile
        let checkpoint = Checkpoint.read(folder: folder)
        var declaration: Event?
        var last: Event?
        var state: IncidentState?
        var stateAtCheckpoint: IncidentState?
        let result: JournalScanner.Step
        do {
            let file = try FileDescriptor(path: timeline, flags: O_RDONLY | O_NOFOLLOW)
            try file.lock(.shared)
            result = try TimelineReader.read(file, from: .start, to: try file.size()) { event in
                last = event
                if declaration == nil {
                    declaration = event
                    state = try? IncidentState(declaration: event)
                } else {
                    state?.apply(event)
                }
                if event.seq == checkpoint?.position.seq { stateAtCheckpoint = state }
            }
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "读取时间线", en: "Reading the timeline"))
        }
        func altered(_ file: String, recordedAs key: String) -> Bool {
            guard let recorded = declaration?.data.string(key) else { return false }
            let frozen = try? FileSystem.readFile(folder + "/" + file, limit: 1 << 24, followLinks: false)
            return frozen.map(LineHash.hex) != recorded
        }
        let folderName = (folder as NSString).lastPathComponent
        let declared = declaration?.data.string("id")
        var confirmedLines = result.position.seq
        var confirmedHead = result.position.headHash
        if let damage = result.damage, damage.kind == .chainBroken, damage.line > 1 {
            // The last intact line's own prev was checked against the line before it.
            confirmedLines = damage.line - 2
            confirmedHead = last?.prevDigest?.hex ?? String(repeating: "0", count: 64)
        }
        return VerifyReport(
            intactLines: result.position.seq, headHash: result.position.headHash, damage: result.damage,
            confirmedLines: confirmedLines, confirmedHead: confirmedHead,
            tornTail: result.tornTail, playbookAltered: altered(IncidentStore.playbookFile, recordedAs: "playbook_sha256"),
            scenarioAltered: altered(IncidentStore.scenarioFile, recordedAs: "scenario_sha256"),
            misplacedAs: declared.flatMap { $0 == folderName ? nil : $0 },
            checkpoint: finding(checkpoint, folded: stateAtCheckpoint, damagedAt: result.damage?.line, folder: folder),
            sideFiles: ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasPrefix("timeline.torn-") }.sorted())
    }

    /// Whether commands would trust `checkpoint` (the same checks as opening), and if so whether
    /// it says what the fold of its lines says.
    private static func finding(_ checkpoint: Checkpoint?, folded: IncidentState?, damagedAt: Int?, folder: String) -> VerifyReport.CheckpointFinding {
        guard let checkpoint else {
            // A file that does not read as a checkpoint (torn, garbled, or written by a version
            // whose state no longer decodes) is one that commands ignore and rebuild.
            return FileSystem.exists(Checkpoint.path(in: folder)) ? .ignored : .absent
        }
        if let damagedAt, damagedAt <= checkpoint.position.seq { return .unverifiable(seq: checkpoint.position.seq) }
        let name = (folder as NSString).lastPathComponent
        guard let id = IncidentId(name),
              let playbook = try? FileSystem.readFile(folder + "/" + IncidentStore.playbookFile, limit: 1 << 24),
              checkpoint.fits(incident: id, playbookSha256: LineHash.hex(playbook)),
              let journal = try? Journal(path: folder + "/" + IncidentStore.timelineFile),
              journal.resume(at: Journal.Anchor(position: checkpoint.position, lineOffset: checkpoint.lineOffset, prefix: checkpoint.prefix))
        else { return .ignored }
        return folded == checkpoint.state ? .agrees(seq: checkpoint.position.seq) : .contradicts(seq: checkpoint.position.seq)
    }
}

#if canImport(Glibc)
import Glibc
#endif
