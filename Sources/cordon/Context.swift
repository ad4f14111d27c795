#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CordonCore
import CordonStore
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Home folder for incidents and drills (default: $CORDON_HOME, then $XDG_DATA_HOME/cordon, then ~/.local/share/cordon).")
    var home: String?

    @Option(help: "The name to record beside your login, e.g. when typing for the commander. 代他人记录时填写其姓名。")
    var actor: String?

    @Option(help: "Language of messages: zh or en (default from CORDON_LANG, LC_ALL, LC_MESSAGES, LANG; Chinese when none names a language, as C.UTF-8 does not).")
    var lang: Language?

    @Flag(help: "Machine-readable JSON output.")
    var json = false
}

extension Language: ExpressibleByArgument {}

/// What a command runs with: the resolved home, the language, who is acting and the clock.
struct Context {
    let options: GlobalOptions
    let environment = ProcessInfo.processInfo.environment
    let language: Language
    let home: Home
    let store: IncidentStore
    let stamp: Stamp

    init(_ options: GlobalOptions) {
        self.options = options
        language = options.lang ?? Language.fromEnvironment(environment)
        home = Home.resolve(explicit: options.home, environment: environment)
        store = IncidentStore(home: home)
        let name = options.actor.flatMap(IncidentRules.clean)
        var stamp = Stamp(actor: Identity.login(), onBehalfOf: name, clock: SystemClock())
        // On a shared login, what the person at this terminal said at a console's start stands for
        // the commands they type here too; a console without one asks and fills it in.
        let memory = KeyboardMemory.here(home: home, login: stamp.actor)
        stamp.keyboard = KeyboardName(name == nil && memory.loginIsShared ? memory.remembered : nil)
        self.stamp = stamp
    }

    var catalog: PlaybookCatalog {
        PlaybookCatalog.standard(home: home, environment: environment, executable: CommandLine.arguments[0])
    }

    func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func text(_ localized: LocalizedText) -> String { localized[language] }

    /// Opens an incident or fails with the store's message. The command line needs the state,
    /// not every event, so events are folded and dropped unless `keepEvents` asks otherwise.
    func open(_ id: String, keepEvents: Bool = false) throws -> IncidentSession {
        let session = try store.open(id, stamp: stamp, keepEvents: keepEvents)
        if let torn = session.tornTail {
            warn(text(
                "时间线末尾有一行不完整（\(torn.length) 字节，可能是写入时崩溃）；下一次写入会把它移到旁边的文件中。",
                "The timeline ends in an incomplete line (\(torn.length) bytes, probably a crash mid-write); the next write moves it to a side file."))
        }
        return session
    }

    /// Records a command and prints what was written; returns the session for anything the
    /// command prints after.
    @discardableResult
    func perform(_ command: Command, on id: String) throws -> IncidentSession {
        try perform(on: id) { _ in command }
    }

    /// Like `perform(_:on:)`, for a command made from the incident as it stands, such as one
    /// with a time typed at the incident's offset.
    @discardableResult
    func perform(on id: String, _ command: (IncidentState) throws -> Command) throws -> IncidentSession {
        let session = try open(id)
        let command = try command(session.state)
        let written = try recording(on: session) { try session.perform(command) }
        printRecorded(written, session: session)
        return session
    }

    /// Runs a write and reports any torn tail it moved aside, whether the write was recorded or
    /// refused: the move happens under the lock before the rules decide.
    func recording<T>(on session: IncidentSession, _ write: () throws -> T) rethrows -> T {
        defer { report(recoveries: session.journal.recoveries) }
        return try write()
    }

    var now: Timestamp { stamp.clock.now() }

    /// Who is at this terminal: the login and the name given with `--actor`, as a role is
    /// assigned to either.
    var participants: [String] {
        [stamp.actor] + (stamp.onBehalfOf.map { [$0] } ?? [])
    }

    /// When something in the incident happened, typed at the incident's offset (see
    /// `MomentText.happened`), or the refusal that says why it cannot be.
    func happened(_ text: String, in state: IncidentState) throws -> Timestamp {
        try MomentText.happened(text, now: state.local(now))
    }

    /// A due day as `2026-12-31` or `+30d` (from today on the incident's calendar), or the
    /// refusal that shows how.
    func dueDate(_ text: String, in state: IncidentState) throws -> DueDate {
        guard let date = DueDate(parsing: text, now: state.local(now)) else {
            throw Refusal("bad-date", zh: "无法识别日期“\(text)”；请写作 2026-12-31，或 +30d 表示 30 天后。", en: "'\(text)' is not a date; write 2026-12-31, or +30d for thirty days from today.")
        }
        return date
    }

    /// Prints `text` as it is, or writes it to `file` whole or not at all and says so.
    func emit(_ text: String, to file: String?) throws {
        let bytes = Array(text.utf8)
        guard let file else {
            try StandardOutput.write(bytes)
            return
        }
        try WholeFile.replace(file, with: bytes)
        if !options.json {
            print(self.text("已写入 \(file.terminalSafe)（\(NumberText.grouped(bytes.count)) 字节）", "Wrote \(file.terminalSafe) (\(NumberText.grouped(bytes.count)) bytes)"))
        }
    }

    /// Prints `value` as one line of JSON.
    func printJSON(_ value: JSONValue) {
        print(JSONWriter.string(value))
    }

    func printRecorded(_ events: [Event], session: IncidentSession) {
        if options.json {
            let entries: [JSONValue] = events.map { .object(["seq": .int($0.seq), "type": .string($0.type), "data": .object($0.data)]) }
            print(JSONWriter.string(.object(["id": .string(session.id.description), "recorded": .array(entries)])))
            return
        }
        for event in events {
            print(text("已记录", "recorded") + " #\(event.seq) \(event.type) \(EventText.summary(event, playbook: session.playbook, language: language).terminalSafe)")
        }
    }

    func report(recoveries: [TailRecovery]) {
        for recovery in recoveries {
            warn(text(
                "时间线末尾的残缺行（\(recovery.length) 字节，写入时崩溃所致）已移至 \(recovery.sideFile)；所有已确认的记录都完好。",
                "The torn last line of the timeline (\(recovery.length) bytes, from a crash mid-write) was moved to \(recovery.sideFile); every acknowledged event is intact."))
        }
    }

    /// Standard input as text, refused (not garbled) unless it is UTF-8: a note is evidence,
    /// and replacing bytes would lose what was typed for good. Reads at most one byte more than
    /// the longest text can take (`TextLimits.standardInputBytes`), so that endless input is
    /// refused as soon as it is over, not when memory runs out.
    func readStandardInput() throws -> String {
        let limit = TextLimits.standardInputBytes
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        if filled > limit {
            throw Refusal(
                "input-too-long",
                zh: "标准输入超过 \(NumberText.grouped(limit)) 字节（一条文字最多 \(NumberText.grouped(TextLimits.text)) 字），未记录；请缩短或分多条记录。",
                en: "Standard input is over \(NumberText.grouped(limit)) bytes (a text holds at most \(NumberText.grouped(TextLimits.text)) characters); nothing was recorded. Shorten it or split it.")
        }
        guard let text = String(validating: bytes[..<filled], as: UTF8.self) else {
            throw Refusal.notUTF8(LocalizedText(zh: "标准输入", en: "Standard input"))
        }
        return text
    }

    /// One line on standard error, through the sanitiser like everything a person reads: a
    /// warning may quote a name or a path.
    func warn(_ message: String) {
        FileHandle.standardError.write(Data(("cordon: " + message.terminalSafe + "\n").utf8))
    }
}
