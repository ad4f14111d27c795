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
    /// The name given with `--actor`, recorded in `data.as`.
    public var onBehalfOf: String?
    public var clock: any Clock

    public init(actor: String, onBehalfOf: String? = nil, clock: any Clock) {
        self.actor = actor
        self.onBehalfOf = onBehalfOf
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
    /// A torn tail seen by the last read and not yet moved aside.
    public private(set) var tornTail: TornTail?
    /// Torn tails this journal moved aside; the caller reports them.
    public private(set) var recoveries: [TailRecovery] = []

    /// Opens an existing timeline. Reading starts at `position` (the start, or a checkpoint).
    public init(path: String, from position: ChainPosition = .start) throws(StoreError) {
        self.path = path
        self.position = position
        do {
            // O_NOFOLLOW: a timeline replaced by a symlink is not followed to some other file.
            file = try FileDescriptor(path: path, flags: O_RDWR | O_APPEND | O_NOFOLLOW)
            writable = true
        } catch let error where error.isReadOnly {
            do {
                file = try FileDescriptor(path: path, flags: O_RDONLY | O_NOFOLLOW)
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
        let (events, bytes) = lines(for: [draft], after: .start, stamp: stamp)
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
    public func readNew(keepEvents: Bool = true) throws(StoreError) -> [Event] {
        try withLock(.shared) { () throws(StoreError) in try catchUp(keepEvents: keepEvents) }
    }

    /// The append transaction: under the exclusive lock, moves a torn tail aside, catches up
    /// with lines other processes wrote, lets `decide` look at them and answer with drafts, then
    /// writes the drafts as one `write` and `fsync`s. Returns what was caught up and what was written.
    ///
    /// If writing or syncing fails, the file is cut back to where it was and the error is thrown:
    /// nothing half-written stays, and nothing unsynced is reported as recorded.
    public func append<Answer>(
        stamp: Stamp, keepEvents: Bool = true,
        _ decide: (_ caughtUp: [Event]) -> (drafts: [EventDraft], answer: Answer)
    ) throws(StoreError) -> (caughtUp: [Event], written: [Event], answer: Answer) {
        guard writable else {
            throw StoreError("not-writable", zh: "时间线 \(path) 只读，无法记录。请检查权限或使用可写的 --home。", en: "The timeline \(path) is read-only; nothing can be recorded. Check its permissions or use a writable --home.")
        }
        return try withLock(.exclusive) { () throws(StoreError) in
            var caughtUp = try catchUp(keepEvents: keepEvents)
            if let torn = tornTail {
                try moveAside(torn)
                caughtUp += try catchUp(keepEvents: keepEvents)
            }
            let (drafts, answer) = decide(caughtUp)
            guard !drafts.isEmpty else { return (caughtUp, [], answer) }
            let (events, bytes) = Journal.lines(for: drafts, after: position, stamp: stamp)
            let doing = LocalizedText(zh: "写入时间线", en: "Writing the timeline")
            do throws(SystemError) {
                try file.writeAll(bytes)
                try file.sync()
            } catch {
                try? file.truncate(to: position.offset)
                try? file.sync()
                if error.operation == "fsync" {
                    throw StoreError(
                        "sync-failed",
                        zh: "磁盘未能确认写入（fsync：\(error.reason)），本次操作未记录。请检查磁盘后重试。",
                        en: "The disk did not confirm the write (fsync: \(error.reason)); this action was NOT recorded. Check the disk and try again.")
                }
                throw StoreError.system(error, while: doing)
            }
            position = ChainPosition(offset: position.offset + bytes.count, seq: events.last!.seq, headHash: Journal.hashOfLastLine(bytes))
            return (caughtUp, keepEvents ? events : [], answer)
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
        return try body()
    }

    /// Reads from `position` to the end of the file. Must hold a lock.
    private func catchUp(keepEvents: Bool) throws(StoreError) -> [Event] {
        let reading = LocalizedText(zh: "读取时间线", en: "Reading the timeline")
        let size: Int
        do { size = try file.size() } catch { throw StoreError.system(error, while: reading) }
        guard size >= position.offset else {
            throw StoreError("timeline-shrank", zh: "时间线 \(path) 比上次读取时更短：有人截断或替换了它。未做任何更改；请运行 cordon verify 并保留该目录作为证据。", en: "The timeline \(path) is shorter than when it was last read: it was truncated or replaced. Nothing was changed; run cordon verify and keep the folder as evidence.")
        }
        let bytes: [UInt8]
        do { bytes = try file.read(at: position.offset, count: size - position.offset) } catch { throw StoreError.system(error, while: reading) }
        let result = JournalScanner.scan(bytes, from: position, keepEvents: keepEvents)
        if let damage = result.damage {
            throw StoreError.damaged(path: path, damage)
        }
        position = result.position
        tornTail = result.tornTail
        return result.events
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

    /// Stamps drafts into events and their bytes, chained after `position`.
    static func lines(for drafts: [EventDraft], after position: ChainPosition, stamp: Stamp) -> ([Event], [UInt8]) {
        let now = stamp.clock.now()
        var prev = position.headHash
        var events: [Event] = []
        var bytes: [UInt8] = []
        for (offset, draft) in drafts.enumerated() {
            var data = draft.data
            if let name = stamp.onBehalfOf { data["as"] = .string(name) }
            let event = Event(seq: position.seq + offset + 1, ts: now, actor: stamp.actor, type: draft.type, data: data, prev: prev)
            let line = event.line
            prev = LineHash.hex(line)
            events.append(event)
            bytes += line
            bytes.append(0x0A)
        }
        return (events, bytes)
    }

    private static func hashOfLastLine(_ bytes: [UInt8]) -> String {
        let body = bytes.dropLast()
        let start = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
        return LineHash.hex(body[start...])
    }
}

extension StoreError {
    static func damaged(path: String, _ damage: JournalDamage) -> StoreError {
        StoreError(
            "timeline-damaged",
            zh: "时间线 \(path) 第 \(damage.line) 行已损坏（\(damage.reason)）。未做任何更改；请运行 cordon verify 查看详情，并保留该目录作为证据。",
            en: "The timeline \(path) is damaged at line \(damage.line) (\(damage.reason)). Nothing was changed; run cordon verify for details and keep the folder as evidence.")
    }
}
