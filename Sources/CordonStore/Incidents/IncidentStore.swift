import CordonCore
import Foundation

/// What a new incident starts with.
public struct Declaration: Sendable {
    public var playbook: LoadedPlaybook
    public var title: String
    public var severity: Severity?
    /// When the leak was detected; the declaration time if not given.
    public var detectedAt: Timestamp?
    public var kind: IncidentId.Kind
    /// More facts for the declaration event (a drill's scenario and seed, for instance).
    public var extra: JSONObject
    /// More files frozen into the folder beside the playbook, before the timeline exists (a
    /// drill's scenario). Names are plain file names chosen by the code, never by a user.
    public var frozenFiles: [FrozenFile]

    public init(playbook: LoadedPlaybook, title: String, severity: Severity? = nil, detectedAt: Timestamp? = nil, kind: IncidentId.Kind = .incident, extra: JSONObject = [:], frozenFiles: [FrozenFile] = []) {
        self.playbook = playbook
        self.title = title
        self.severity = severity
        self.detectedAt = detectedAt
        self.kind = kind
        self.extra = extra
        self.frozenFiles = frozenFiles
    }
}

/// A file an incident keeps as it was at declaration.
public struct FrozenFile: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A line of `cordon list`.
public struct IncidentSummary: Sendable {
    public var id: IncidentId
    public var state: IncidentState?
    /// The title of the phase it is in, from its frozen playbook.
    public var phaseTitle: LocalizedText?
    /// Why the incident could not be read, if it could not.
    public var problem: LocalizedText?
    /// Its frozen playbook, when it could be read.
    public var playbook: Playbook?
}

/// The incidents and drills under one home folder.
public struct IncidentStore: Sendable {
    public let home: Home
    /// Events folded beyond the last checkpoint before a new one is written; tests lower it.
    var checkpointInterval = Checkpoint.interval

    public init(home: Home) {
        self.home = home
    }

    public static let playbookFile = "playbook.yaml"
    public static let timelineFile = "timeline.jsonl"

    // MARK: - Declaring

    /// Creates the incident folder, freezes the playbook into it and writes the declaration.
    public func declare(_ declaration: Declaration, stamp: Stamp) throws(StoreError) -> IncidentSession {
        let checkedTitle: String?
        do throws(Refusal) {
            checkedTitle = try TextLimits.title(declaration.title)
        } catch {
            throw StoreError(error.code, zh: error.message.zh, en: error.message.en)
        }
        guard let title = checkedTitle else {
            throw StoreError("title-required", zh: "请给事件一个标题：--title \"…\"。", en: "Give the incident a title: --title \"…\"")
        }
        let now = stamp.clock.now()
        if let detected = declaration.detectedAt, detected.millis > now.millis + 60_000 {
            throw StoreError("detected-in-future", zh: "发现时间 \(detected.iso8601) 晚于当前时间；请检查 --detected-at。", en: "The detection time \(detected.iso8601) is in the future; check --detected-at.")
        }
        if let detected = declaration.detectedAt, detected.seconds(to: now) > 366 * 86_400 {
            throw StoreError("detected-too-early", zh: "发现时间 \(detected.iso8601) 早于一年前；请检查 --detected-at（日期写错了吗？）。", en: "The detection time \(detected.iso8601) is more than a year ago; check --detected-at (is the date mistyped?).")
        }
        let parent = home.folder(for: declaration.kind)
        let access = HomeAccess(home: home)
        // Checked before creating anything, so a folder others may write is never written into,
        // and again after, for what was just made.
        _ = try access.checkFolders(for: declaration.kind)
        do {
            try FileSystem.makeDirectory(parent)
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "创建目录", en: "Creating the home folder"))
        }
        _ = try access.checkFolders(for: declaration.kind)
        let (id, folder) = try allocateFolder(kind: declaration.kind, on: now, in: parent)
        let playbook = declaration.playbook.playbook
        // A declaration that fails part-way leaves no folder behind to be listed as broken.
        let written = [Self.playbookFile, Self.timelineFile] + declaration.frozenFiles.map(\.name)
        var declared = false
        defer {
            if !declared {
                for name in written { unlink(folder + "/" + name) }
                rmdir(folder)
            }
        }
        do {
            try FileSystem.writeNewFile(folder + "/" + Self.playbookFile, declaration.playbook.bytes)
            for file in declaration.frozenFiles {
                try FileSystem.writeNewFile(folder + "/" + file.name, file.bytes)
            }
        } catch {
            throw StoreError.system(error, while: LocalizedText(zh: "保存剧本副本", en: "Freezing the playbook"))
        }
        var data: JSONObject = [
            "id": .string(id.description),
            "title": .string(title),
            "playbook": .string(playbook.id),
            "playbook_version": .int(playbook.version),
            "playbook_sha256": .string(declaration.playbook.sha256),
            "phase": .string(playbook.phases[0].id),
        ]
        if let severity = declaration.severity { data["severity"] = .string(severity.rawValue) }
        data["detected_at"] = .string((declaration.detectedAt ?? now).iso8601)
        data["drill"] = .bool(declaration.kind == .drill)
        for (key, value) in declaration.extra.entries { data[key] = value }
        let (journal, _) = try Journal.create(path: folder + "/" + Self.timelineFile, first: EventDraft(EventType.declared, data), stamp: stamp)
        declared = true
        return try IncidentSession(id: id, folder: folder, playbook: playbook, playbookSha256: declaration.playbook.sha256, journal: journal, stamp: stamp, keepEvents: true,
            checkpointInterval: checkpointInterval)
    }

    /// Claims the next free `KIND-YYYYMMDD-NNN` folder; `mkdir` is the arbiter between racing declarations.
    private func allocateFolder(kind: IncidentId.Kind, on now: Timestamp, in parent: String) throws(StoreError) -> (IncidentId, String) {
        let prefix = IncidentId(kind: kind, on: now, number: 1).description.dropLast(3)
        let taken = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix(prefix) }
            .compactMap { IncidentId($0)?.number }
        var number = (taken.max() ?? 0) + 1
        while number <= 999 {
            let id = IncidentId(kind: kind, on: now, number: number)
            let folder = parent + "/" + id.description
            do throws(SystemError) {
                if try FileSystem.makeNewDirectory(folder) {
                    do throws(SystemError) {
                        try FileSystem.syncDirectory(parent)
                    } catch {
                        rmdir(folder)
                        throw error
                    }
                    return (id, folder)
                }
            } catch {
                throw StoreError.system(error, while: LocalizedText(zh: "创建事件目录", en: "Creating the incident folder"))
            }
            number += 1
        }
        throw StoreError("too-many-today", zh: "今天已有 999 个事件编号，无法再分配。", en: "All 999 ids for today are taken.")
    }

    // MARK: - Opening and listing

    /// Checks `text` is an incident id before any path is built from it; `inc-20261129-001` is
    /// read as `INC-20261129-001`, as people type it.
    public static func parseId(_ text: String) throws(StoreError) -> IncidentId {
        guard let id = IncidentId(text.trimmingCharacters(in: .whitespaces).uppercased()) else {
            throw StoreError("bad-id", zh: "“\(text.prefix(40))”不是事件编号；编号形如 INC-20261129-001 或 DRL-20261129-001（cordon list 列出全部）。", en: "'\(text.prefix(40))' is not an incident id; ids look like INC-20261129-001 or DRL-20261129-001 (cordon list shows them).")
        }
        return id
    }

    public func open(_ text: String, stamp: Stamp, keepEvents: Bool = true) throws(StoreError) -> IncidentSession {
        try open(Self.parseId(text), stamp: stamp, keepEvents: keepEvents)
    }

    public func open(_ id: IncidentId, stamp: Stamp, keepEvents: Bool = true) throws(StoreError) -> IncidentSession {
        let folder = home.folder(for: id)
        let timeline = folder + "/" + Self.timelineFile
        guard try HomeAccess(home: home).checkIncident(id) else {
            throw StoreError("unknown-incident", zh: "没有事件 \(id)（在 \(home.root) 下）；用 cordon list\(id.isDrill ? " --drills" : "") 查看已有事件。", en: "There is no incident \(id) under \(home.root); cordon list\(id.isDrill ? " --drills" : "") shows those there are.")
        }
        let journal = try Journal(path: timeline, beneath: home.root)
        // A command that needs only the state starts from the checkpoint when the timeline
        // confirms it; one that shows every event reads them all. The checkpoint is read and
        // checked against the bytes before it while the playbook loads.
        let probe = keepEvents ? nil : journal.probe(checkpointIn: folder)
        let playbook = try frozenPlaybook(folder: folder, id: id)
        var resumed: IncidentState?
        let probed = probe?.wait()
        if let (checkpoint, prefix) = probed, let prefix, checkpoint.fits(incident: id, playbookSha256: playbook.sha256),
           journal.resume(at: Journal.Anchor(position: checkpoint.position, lineOffset: checkpoint.lineOffset, prefix: checkpoint.prefix), prefix: prefix)
        {
            resumed = checkpoint.state
        }
        // Read before the timeline's size: a checkpoint only ever covers bytes that were in the
        // file when it was written, and the file only grows, so one beyond its end means lines
        // were cut. It stays as it is, the one witness of how long the timeline was.
        if let checkpoint = probed?.checkpoint ?? (keepEvents ? Checkpoint.read(folder: folder) : nil),
           checkpoint.incident == id.description, let size = journal.fileSize(), checkpoint.position.offset > size
        {
            throw StoreError.truncated(id, checkpoint: checkpoint.position, size: size)
        }
        let session = try IncidentSession(
            id: id, folder: folder, playbook: playbook.playbook, playbookSha256: playbook.sha256, journal: journal, stamp: stamp,
            keepEvents: keepEvents, resumed: resumed, checkpointInterval: checkpointInterval)
        guard session.state.id == id.description, session.state.isDrill == id.isDrill else {
            throw StoreError("timeline-misplaced", zh: "\(id) 目录中的时间线声明的是 \(session.state.id.terminalSafe)：时间线被复制或移动过。未做任何更改；请保留该目录作为证据。", en: "The timeline in \(id)'s folder declares \(session.state.id.terminalSafe): it was copied or moved. Nothing was changed; keep the folder as evidence.")
        }
        if let sha = session.state.playbookSha256, sha != playbook.sha256 {
            throw StoreError("playbook-altered", zh: "\(id) 冻结的剧本副本在声明后被修改过（哈希不符）。未做任何更改；请保留该目录作为证据。", en: "\(id)'s frozen playbook was changed after the declaration (its hash differs). Nothing was changed; keep the folder as evidence.")
        }
        session.checkpointIfDue()
        return session
    }

    func frozenPlaybook(folder: String, id: IncidentId) throws(StoreError) -> LoadedPlaybook {
        do {
            return try PlaybookLoader.load(path: folder + "/" + Self.playbookFile, followLinks: false)
        } catch {
            throw StoreError("playbook-unreadable", zh: "无法读取 \(id) 冻结的剧本：\(error.description)", en: "\(id)'s frozen playbook cannot be read: \(error.description)")
        }
    }

    /// Checks that the home and its folder of incidents (or drills) may be trusted (see
    /// `HomeAccess`) before they are listed.
    public func checkFolders(for kind: IncidentId.Kind) throws(StoreError) {
        _ = try HomeAccess(home: home).checkFolders(for: kind)
    }

    /// Checks everything an incident is read from (see `HomeAccess`); `false` when it is missing.
    public func checkIncident(_ id: IncidentId) throws(StoreError) -> Bool {
        try HomeAccess(home: home).checkIncident(id)
    }

    /// Incidents (or drills), newest first, each read from its timeline. Nothing at all when the
    /// home or the folder of incidents may not be trusted (`checkFolders` says why).
    public func list(kind: IncidentId.Kind) -> [IncidentSummary] {
        let stamp = Stamp(actor: Identity.login(), clock: SystemClock())
        return ids(kind: kind).reversed().map { id -> IncidentSummary in
            do throws(StoreError) {
                let session = try open(id, stamp: stamp, keepEvents: false)
                return IncidentSummary(id: id, state: session.state, phaseTitle: session.playbook.phase(session.state.phase)?.title, problem: nil, playbook: session.playbook)
            } catch {
                return IncidentSummary(id: id, state: nil, phaseTitle: nil, problem: error.message, playbook: nil)
            }
        }
    }
}

extension IncidentStore {
    /// The ids of the incidents (or drills) in the home, oldest first; none when the home or its
    /// `incidents/` (`drills/`) folder fails `HomeAccess`'s checks, so nothing below a folder
    /// others may write is ever listed or read.
    func ids(kind: IncidentId.Kind) -> [IncidentId] {
        guard (try? HomeAccess(home: home).checkFolders(for: kind)) == true else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: home.folder(for: kind))) ?? []
        return names.compactMap { IncidentId($0) }.filter { $0.kind == kind }.sorted()
    }
}

extension StoreError {
    /// A checkpoint covers more of the timeline than the timeline now holds.
    static func truncated(_ id: IncidentId, checkpoint: ChainPosition, size: Int) -> StoreError {
        StoreError(
            "timeline-truncated",
            zh: "\(id) 的时间线比它的检查点 checkpoint.json 记录的短：检查点覆盖到第 \(checkpoint.seq) 行（\(checkpoint.offset) 字节），时间线现在只有 \(size) 字节，末尾的行很可能被删掉了。未做任何更改；请保留该目录作为证据，运行 cordon verify \(id) --expect SEQ:HASH 与别处记下的头哈希核对。若是有意从备份恢复了时间线，把 checkpoint.json 移出该目录并与证据一同保存。",
            en: "\(id)'s timeline is shorter than its checkpoint.json says: the checkpoint covers line \(checkpoint.seq) (\(checkpoint.offset) bytes), the timeline now holds \(size) bytes, so lines were likely cut from its end. Nothing was changed; keep the folder as evidence and run cordon verify \(id) --expect SEQ:HASH with a head hash noted elsewhere. If you restored the timeline from a backup on purpose, move checkpoint.json out of the folder and keep it with the evidence.")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
