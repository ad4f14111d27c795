#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CordonCore
import Foundation

/// Who is writing and by which clock: what turns an `EventDraft` into a timeline line.
public struct Stamp: Sendable {
    /// The operating-system login.
    public var actor: String
    /// The name recorded in `data.as`: the one given with `--actor`, else the one typed at the
    /// console's start on a shared login.
    public var onBehalfOf: String? {
        get { named ?? keyboard?.name }
        set { named = newValue }
    }
    private var named: String?
    /// Who is at the keyboard, as a console learns it once it has started.
    public var keyboard: KeyboardName?
    public var clock: any Clock

    public init(actor: String, onBehalfOf: String? = nil, clock: any Clock) {
        self.actor = actor
        self.named = onBehalfOf
        self.clock = clock
    }
}

/// A torn tail that a writer moved out of the way before appending.
public struct TailRecovery: Sendable, Hashable {
    public var sideFile: String
    public var length: Int
}

/// One timeline file. Reads only what is new since the last read; appends one whole batch of
/// lines per `write`, under an exclusive lock, then `fsync`s before anything is acknowledged.
public final class Journal {
    public let path: String
    private let file: FileDescriptor
    private let writable: Bool

    /// Just past the last intact line read so far.
    public private(set) var position: ChainPosition
    /// Where the last intact line read or written starts, once one has been.
    private(set) var lineOffset: Int?
    /// The time of the last intact line read or written: no line is stamped before it.
    private(set) var lastTimestamp: Timestamp?
    /// A torn tail seen by the last read and not yet moved aside.
    public private(set) var tornTail: TornTail?
    /// A write this journal could neither confirm nor undo: it writes nothing more.
    private var unconfirmed: SystemError?
    /// The fingerprint of exactly the bytes this journal checked against the chain or wrote,
    /// from the first byte to `position.offset` — never of the file as it is now, so a checkpoint
    /// written from it can only vouch for what was verified. `nil` when reading started at a
    /// position nobody fingerprinted.
    private var verified: PrefixFingerprint?
    /// Torn tails this journal moved aside; the caller reports them.
    public private(set) var recoveries: [TailRecovery] = []

    /// Opens an existing timeline. Reading starts at `position` (the start, or a checkpoint).
    /// Given the home folder as `beneath`, no symbolic link below it is followed on the way.
    public init(path: String, from position: ChainPosition = .start, beneath root: String? = nil) throws(StoreError) {
        self.path = path
        self.position = position
        verified = position == .start ? PrefixFingerprint() : nil
        func open(_ flags: Int32) throws(SystemError) -> FileDescriptor {
            guard let root else { return try FileDescriptor(path: path, flags: flags) }
            return try FileDescriptor(path: path, beneath: root, flags: flags)
        }
        do {
            // O_NOFOLLOW: a timeline replaced by a symlink is not followed to some other file.
            file = try open(O_RDWR | O_APPEND | O_NOFOLLOW)
            writable = true
        } catch let error where error.isReadOnly {
            do {
                file = try open(O_RDONLY | O_NOFOLLOW)
            } catch {
                throw StoreError.system(error, while: LocalizedText(zh: "打开时间线", en: "Opening the timeline"))
            }
            writable = false
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "打开时间线", en: "Opening the timeline"))
        }
    }

    /// Creates a timeline holding its first line; fails if the file exists.
    public static func create(path: String, first draft: EventDraft, stamp: Stamp) throws(StoreError) -> (Journal, Event) {
        let (events, bytes) = lines(for: [draft], after: .start, notBefore: nil, stamp: stamp)
        do {
            try FileSystem.writeNewFile(path, bytes)
            try FileSystem.syncDirectory((path as NSString).deletingLastPathComponent)
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "创建时间线", en: "Creating the timeline"))
        }
        let journal = try Journal(path: path)
        return (journal, events[0])
    }

    /// Events appended since the last read, checked against the chain. Takes a shared lock,
    /// so it never sees half of another process's write.
    public func readNew() throws(StoreError) -> [Event] {
        var events: [Event] = []
        try readNew { events.append($0) }
        return events
    }

    /// Hands each event appended since the last read to `each`, oldest first, without keeping
    /// them: what folding a long timeline needs. On damage it throws without moving on, and
    /// whatever `each` was given must be thrown away with the error.
    public func readNew(_ each: (Event) -> Void) throws(StoreError) {
        try withLock(.shared) { () throws(StoreError) in try catchUp(each) }
    }

    /// The append transaction: under the exclusive lock, moves a torn tail aside, catches up
    /// with lines other processes wrote, lets `decide` look at them and answer with drafts, then
    /// writes the drafts as one `write` and `fsync`s. Returns what was caught up and what was written.
    ///
    /// If writing or syncing fails, the file is cut back to where it was and the error is thrown:
    /// nothing half-written stays, and nothing unsynced is reported as recorded.
    public func append<Answer>(
        stamp: Stamp,
        _ decide: (_ caughtUp: [Event]) -> (drafts: [EventDraft], answer: Answer)
    ) throws(StoreError) -> (caughtUp: [Event], written: [Event], answer: Answer) {
        guard writable else {
            throw StoreError("not-writable", zh: "时间线 \(path) 只读，无法记录。请检查权限或使用可写的 --home。", en: "The timeline \(path) is read-only; nothing can be recorded. Check its permissions or use a writable --home.")
        }
        if let unconfirmed { throw StoreError.unconfirmed(path: path, unconfirmed) }
        return try withLock(.exclusive) { () throws(StoreError) in
            var caughtUp: [Event] = []
            try catchUp { caughtUp.append($0) }
            if let torn = tornTail {
                try moveAside(torn)
                try catchUp { caughtUp.append($0) }
            }
            let (drafts, answer) = decide(caughtUp)
            guard !drafts.isEmpty else { return (caughtUp, [], answer) }
            let (events, bytes) = Journal.lines(for: drafts, after: position, notBefore: lastTimestamp, stamp: stamp)
            let doing = LocalizedText(zh: "写入时间线", en: "Writing the timeline")
            do throws(SystemError) {
                try file.writeAll(bytes)
                try file.sync()
            } catch {
                // Cut back to the last acknowledged line and make the cut durable. Never sync
                // again in the hope of a success: after a failed fsync the kernel may already
                // have dropped the lines it could not write.
                let undone = (try? file.truncate(to: position.offset)) != nil && (try? file.sync()) != nil
                guard undone else {
                    unconfirmed = error
                    throw StoreError.unconfirmed(path: path, error)
                }
                if error.operation == "fsync" {
                    throw StoreError(
                        "sync-failed",
                        zh: "磁盘未能确认写入（fsync：\(error.reason)），本次操作未记录。请检查磁盘后重试。",
                        en: "The disk did not confirm the write (fsync: \(error.reason)); this action was NOT recorded. Check the disk and try again.")
                }
                throw StoreError.system(error, while: doing)
            }
            verified?.update(bytes)
            lastTimestamp = events.last!.ts
            let lastLine = Journal.lastLineStart(bytes)
            lineOffset = position.offset + lastLine
            position = ChainPosition(offset: position.offset + bytes.count, seq: events.last!.seq, headHash: LineHash.hex(bytes[lastLine..<bytes.count - 1]))
            return (caughtUp, events, answer)
        }
    }

    // MARK: - Internals

    private func withLock<T>(_ mode: FileDescriptor.LockMode, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            try file.lock(mode)
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "锁定时间线", en: "Locking the timeline"))
        }
        defer { file.unlock() }
        try checkStillThePath()
        return try body()
    }

    /// Whether the file this journal holds open is still the one at `path`. A timeline replaced
    /// under a running console (a restore, `rsync`, `mv`) would otherwise take writes into the
    /// old, unlinked file: acknowledged to the responder, lost to everyone else.
    private func checkStillThePath() throws(StoreError) {
        var open = stat()
        var named = stat()
        let same = fstat(file.fd, &open) == 0 && lstat(path, &named) == 0
            && open.st_dev == named.st_dev && open.st_ino == named.st_ino && open.st_nlink > 0
        guard same else {
            throw StoreError(
                "timeline-replaced",
                zh: "时间线 \(path) 在打开后被替换或删除（可能是恢复备份或同步）。本窗口未写入任何内容；请关闭后重新打开，并运行 cordon verify 核对。",
                en: "The timeline \(path) was replaced or removed after it was opened (a restore or a sync, perhaps). Nothing was written from here; close this, open the incident again and run cordon verify.")
        }
    }

    /// Reads from `position` to the end of the file. Must hold a lock.
    private func catchUp(_ each: (Event) -> Void) throws(StoreError) {
        let reading = LocalizedText(zh: "读取时间线", en: "Reading the timeline")
        let size: Int
        do { size = try file.size() } catch { throw StoreError.system(error, while: reading) }
        guard size >= position.offset else {
            throw StoreError("timeline-shrank", zh: "时间线 \(path) 比上次读取时更短：有人截断或替换了它。未做任何更改；请运行 cordon verify 并保留该目录作为证据。", en: "The timeline \(path) is shorter than when it was last read: it was truncated or replaced. Nothing was changed; run cordon verify and keep the folder as evidence.")
        }
        let result: JournalScanner.Step
        var running = verified
        do throws(SystemError) {
            var latest = lastTimestamp
            result = try TimelineReader.read(file, from: position, to: size, fingerprint: &running) { event in
                latest = event.ts
                each(event)
            }
            if result.damage == nil { lastTimestamp = latest }
        } catch {
            throw StoreError.system(error, while: reading)
        }
        if let damage = result.damage {
            throw StoreError.damaged(path: path, damage)
        }
        verified = running
        position = result.position
        lineOffset = result.lineOffset ?? lineOffset
        tornTail = result.tornTail
    }

    /// Copies a torn tail to a side file, durably, then cuts it from the timeline.
    private func moveAside(_ torn: TornTail) throws(StoreError) {
        let doing = LocalizedText(zh: "移出时间线末尾的残缺行", en: "Moving the torn last line aside")
        do {
            let bytes = try file.read(at: torn.offset, count: torn.length)
            let directory = (path as NSString).deletingLastPathComponent
            let side = "\(directory)/timeline.torn-line\(position.seq + 1)-\(Int(Date().timeIntervalSince1970))-\(getpid()).jsonl"
            try FileSystem.writeNewFile(side, bytes)
            try FileSystem.syncDirectory(directory)
            try file.truncate(to: torn.offset)
            try file.sync()
            recoveries.append(TailRecovery(sideFile: side, length: bytes.count))
            tornTail = nil
        } catch {
            throw StoreError.system(error, while: doing)
        }
    }

    /// The timeline file's size now, or `nil` when it cannot be read.
    func fileSize() -> Int? { try? file.size() }

    /// The key in `data` that keeps the machine's own reading of its clock when it was behind
    /// the line before (see `lines(for:after:notBefore:stamp:)`).
    public static let clockKey = "machine_clock"

    /// Stamps drafts into events and their bytes, chained after `position`.
    ///
    /// Time only moves forward in a timeline: when the clock reads earlier than the line before
    /// (`notBefore`), as a machine whose clock was set back or runs slow does, the lines are dated
    /// at that line's time instead, and each keeps the machine's reading and how far behind it
    /// was in `data.machine_clock` (`{"read": …, "behind_ms": …}`). Nothing is refused: the
    /// responder's action is recorded, and the skew is there for whoever reads the timeline.
    static func lines(for drafts: [EventDraft], after position: ChainPosition, notBefore: Timestamp?, stamp: Stamp) -> ([Event], [UInt8]) {
        let reading = stamp.clock.now()
        var now = reading
        var skew: JSONObject?
        if let notBefore, reading < notBefore {
            now = Timestamp(millis: notBefore.millis, offsetSeconds: reading.offsetSeconds)
            skew = ["read": .string(reading.iso8601), "behind_ms": .int(Int(notBefore.millis - reading.millis))]
        }
        var prev = position.headHash
        var events: [Event] = []
        var bytes: [UInt8] = []
        for (offset, draft) in drafts.enumerated() {
            var data = draft.data
            if let name = stamp.onBehalfOf { data["as"] = .string(name) }
            if let skew { data[Journal.clockKey] = .object(skew) }
            let event = Event(seq: position.seq + offset + 1, ts: now, actor: stamp.actor, type: draft.type, data: data, prev: prev)
            let line = event.line
            prev = LineHash.hex(line)
            events.append(event)
            bytes += line
            bytes.append(0x0A)
        }
        return (events, bytes)
    }

    /// Where the last line of `bytes` (whole lines, each ending in a newline) starts.
    private static func lastLineStart(_ bytes: [UInt8]) -> Int {
        bytes.dropLast().lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    }
}

// MARK: - Checkpoints

extension Journal {
    /// Where a checkpoint of the state folded so far would stand: the position, where the line
    /// it covers starts, and the fingerprint of every byte before the position.
    struct Anchor: Sendable, Hashable {
        var position: ChainPosition
        var lineOffset: Int
        var prefix: String
    }

    /// The anchor for the lines read or written so far, or `nil` before any. Its fingerprint is
    /// of the bytes this journal verified, not re-read from the file, so an edit made under a
    /// running console is never sealed into a checkpoint.
    func anchor() -> Anchor? {
        guard let lineOffset, position.seq > 0, let verified else { return nil }
        return Anchor(position: position, lineOffset: lineOffset, prefix: verified.hex)
    }

    /// Starts reading after `anchor` instead of from the first line, if the timeline still holds
    /// what the anchor says: the line from `lineOffset` to `position.offset` is whole, hashes to
    /// `position.headHash` and has `position.seq`, and every byte before its end has the
    /// anchor's fingerprint (`prefix`, when the caller already read it with a `CheckpointProbe`,
    /// else read here). Returns whether it did; on `false` nothing changed.
    func resume(at anchor: Anchor, prefix: PrefixFingerprint? = nil) -> Bool {
        guard position == .start, lineOffset == nil else { return false }
        let confirmed = (try? withLock(.shared) { () throws(StoreError) -> (prefix: PrefixFingerprint, timestamp: Timestamp)? in
            do throws(SystemError) {
                guard let timestamp = try confirmsLine(anchor) else { return nil }
                var current = prefix
                if current == nil { current = try TimelineReader.fingerprint(file, count: anchor.position.offset) }
                guard let current, current.hex == anchor.prefix else { return nil }
                return (current, timestamp)
            } catch {
                return nil
            }
        }) ?? nil
        guard let confirmed else { return false }
        position = anchor.position
        lineOffset = anchor.lineOffset
        lastTimestamp = confirmed.timestamp
        verified = confirmed.prefix
        return true
    }

    /// Reads the checkpoint in `folder` and fingerprints the bytes of this journal's file that
    /// it covers, on another thread, for `resume(at:prefix:)`.
    func probe(checkpointIn folder: String) -> CheckpointProbe { CheckpointProbe(folder: folder, file: file) }

    /// The time of the covered line, when the file holds it as `anchor` says.
    private func confirmsLine(_ anchor: Anchor) throws(SystemError) -> Timestamp? {
        let position = anchor.position
        guard anchor.lineOffset >= 0, anchor.lineOffset < position.offset, try file.size() >= position.offset else { return nil }
        // The covered line with the newline before it (if any) and its own.
        let from = max(0, anchor.lineOffset - 1)
        let bytes = try file.read(at: from, count: position.offset - from)
        guard bytes.count == position.offset - from, bytes.last == 0x0A, from == anchor.lineOffset || bytes.first == 0x0A else { return nil }
        let line = bytes[(anchor.lineOffset - from)..<(bytes.count - 1)]
        guard !line.contains(0x0A), LineHash.hex(line) == position.headHash,
              let event = try? Event(line: Array(line)), event.seq == position.seq
        else { return nil }
        return event.ts
    }
}

extension StoreError {
    /// A write failed and cutting it back failed too, so the file may hold lines no one was told of.
    static func unconfirmed(path: String, _ error: SystemError) -> StoreError {
        StoreError(
            "write-unconfirmed",
            zh: "写入时间线 \(path) 时磁盘出错（\(error.operation)：\(error.reason)），且未能撤回写了一半的内容：本次操作未被确认，但可能出现在时间线中。此窗口不再写入；请关闭后运行 cordon verify，并用 cordon status 确认后再决定是否重做。",
            en: "The disk failed while writing the timeline \(path) (\(error.operation): \(error.reason)) and the half-written lines could not be taken back: this action was NOT confirmed, yet it may appear in the timeline. Nothing more is written from here; close this, run cordon verify, and check cordon status before repeating it.")
    }

    static func damaged(path: String, _ damage: JournalDamage) -> StoreError {
        StoreError(
            "timeline-damaged",
            zh: "时间线 \(path) 第 \(damage.line) 行已损坏（\(damage.reason)）。未做任何更改；请运行 cordon verify 查看详情，并保留该目录作为证据。",
            en: "The timeline \(path) is damaged at line \(damage.line) (\(damage.reason)). Nothing was changed; run cordon verify for details and keep the folder as evidence.")
    }
}
