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
    /// Intact lines the rules would not have let in where they stand (see `TimelineAudit`),
    /// a line dated before the one it follows among them.
    public var objections: [Objection] = []
    /// What each `--expect SEQ:HASH` found, in the order given.
    public var anchors: [AnchorFinding] = []

    /// A line someone noted elsewhere, by seq and SHA-256 (`cordon verify` prints its head so).
    public struct LineAnchor: Sendable, Hashable, CustomStringConvertible {
        public var seq: Int
        public var hash: String

        public init(seq: Int, hash: String) {
            self.seq = seq
            self.hash = hash
        }

        /// Reads `SEQ:HASH`: a seq from 1 and 64 hex digits (either case).
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let seq = Int(parts[0]), seq >= 1 else { return nil }
            let hash = parts[1].lowercased()
            guard LineDigest(hex: hash) != nil else { return nil }
            self.init(seq: seq, hash: hash)
        }

        public var description: String { "\(seq):\(hash)" }
    }

    /// One `--expect` against the timeline.
    public struct AnchorFinding: Sendable, Hashable {
        public enum Outcome: Sendable, Hashable {
            /// Line `seq` is there, intact and chained from the first line, with that hash.
            case holds
            /// The timeline holds fewer intact lines than `seq`: lines were cut from its end, or
            /// it is damaged before.
            case missing
            /// Line `seq` is there with another hash: it, or a line before it, was rewritten.
            case differs(actual: String)
        }

        public var anchor: LineAnchor
        public var outcome: Outcome
    }

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
        /// It covers more bytes than the timeline holds: lines were likely cut from the end.
        /// Commands refuse to open the incident and leave the checkpoint as it is.
        case truncated(seq: Int)
    }

    /// Torn tails moved aside earlier (`timeline.torn-line*.jsonl`): never acknowledged, kept
    /// for whoever examines the folder.
    public var sideFiles: [String] = []

    public var isIntact: Bool {
        guard damage == nil, !playbookAltered, !scenarioAltered, misplacedAs == nil, objections.isEmpty else { return false }
        guard anchors.allSatisfy({ $0.outcome == .holds }) else { return false }
        switch checkpoint {
        case .contradicts, .truncated: return false
        case .absent, .agrees, .ignored, .unverifiable: return true
        }
    }
}

/// Reads a whole timeline and checks every line's seq and hash link, never starting from a
/// checkpoint; it folds the lines too, to check that a checkpoint commands would trust agrees,
/// and asks the rules again about every event at its point (`TimelineAudit`).
public enum Verifier {
    public static func verify(folder: String, expecting anchors: [VerifyReport.LineAnchor] = []) throws(StoreError) -> VerifyReport {
        let timeline = folder + "/" + IncidentStore.timelineFile
        let checkpoint = Checkpoint.read(folder: folder)
        var audit = TimelineAudit(playbook: try? PlaybookLoader.load(path: folder + "/" + IncidentStore.playbookFile).playbook)
        var objections: [Objection] = []
        var declaration: Event?
        var last: Event?
        var state: IncidentState?
        var stateAtCheckpoint: IncidentState?
        // The hash of line `seq` is the `prev` of line `seq + 1`, checked against it as read.
        let anchored = Set(anchors.map(\.seq))
        var hashes: [Int: String] = [:]
        let result: JournalScanner.Step
        let size: Int
        do {
            let file = try FileDescriptor(path: timeline, flags: O_RDONLY | O_NOFOLLOW)
            try file.lock(.shared)
            size = try file.size()
            result = try TimelineReader.read(file, from: .start, to: size) { event in
                if anchored.contains(event.seq - 1) { hashes[event.seq - 1] = event.prev }
                if let objection = audit.check(event, before: state) { objections.append(objection) }
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
        if result.position.seq > 0 { hashes[result.position.seq] = result.position.headHash }
        let anchorFindings = anchors.map { anchor in
            let outcome: VerifyReport.AnchorFinding.Outcome =
                if anchor.seq > result.position.seq { .missing }
                else if let actual = hashes[anchor.seq], actual != anchor.hash { .differs(actual: actual) }
                else { .holds }
            return VerifyReport.AnchorFinding(anchor: anchor, outcome: outcome)
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
            checkpoint: finding(checkpoint, folded: stateAtCheckpoint, damagedAt: result.damage?.line, fileSize: size, folder: folder),
            objections: objections, anchors: anchorFindings,
            sideFiles: ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasPrefix("timeline.torn-") }.sorted())
    }

    /// Whether commands would trust `checkpoint` (the same checks as opening), and if so whether
    /// it says what the fold of its lines says.
    private static func finding(_ checkpoint: Checkpoint?, folded: IncidentState?, damagedAt: Int?, fileSize: Int, folder: String) -> VerifyReport.CheckpointFinding {
        guard let checkpoint else {
            // A file that does not read as a checkpoint (torn, garbled, sealed with another key,
            // or written by a version whose state no longer decodes) is one that commands ignore
            // and rebuild.
            return FileSystem.exists(Checkpoint.path(in: folder)) ? .ignored : .absent
        }
        let name = (folder as NSString).lastPathComponent
        // Read before the timeline's size, as opening does: see `IncidentStore.open`.
        if checkpoint.incident == name, checkpoint.position.offset > fileSize { return .truncated(seq: checkpoint.position.seq) }
        if let damagedAt, damagedAt <= checkpoint.position.seq { return .unverifiable(seq: checkpoint.position.seq) }
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
