import CordonCore

/// Runs the console: feeds the model messages, carries out the effects it returns against the
/// journal and the library, and feeds the results back in. Keys, ticks and refreshes come from
/// the loop (or a test); nothing here touches the terminal.
///
///     let program = ConsoleProgram(journal: journal, language: .zh, size: Size(width: 80, height: 24), clock: clock)
///     program.press(.space)
///     program.render().contains("完成 隔离泄露源") // true
public final class ConsoleProgram {
    public private(set) var model: AppModel
    public private(set) var journal: (any IncidentJournal)?
    public let library: (any IncidentLibrary)?
    public let clock: any Clock
    /// Set once the responder confirmed quitting.
    public private(set) var hasQuit = false
    /// Hashes an evidence file by its path as typed. The executable supplies it (hashing is file
    /// I/O, which the console leaves to the store); without it, only descriptions can be added.
    public var fingerprint: ((String) throws -> EvidenceFile)?

    /// A console on one incident, as `cordon open ID` starts it.
    public init(journal: any IncidentJournal, mode: ConsoleMode = .live, language: Language, size: Size, clock: any Clock) {
        self.journal = journal
        self.library = nil
        self.clock = clock
        model = AppModel(language: language, size: size, now: clock.now())
        send(.opened(IncidentSnapshot(journal), mode))
    }

    /// The home screen over a library, as `cordon` starts it.
    public init(library: any IncidentLibrary, language: Language, size: Size, clock: any Clock) {
        self.journal = nil
        self.library = library
        self.clock = clock
        model = AppModel(language: language, size: size, now: clock.now(), home: HomeModel())
        run(.loadHome).map { send($0) }
    }

    /// Every event of the open incident, oldest first (empty on the home screen).
    public var timeline: [Event] { journal?.events ?? [] }

    public func render() -> Canvas { Screen.render(model, timeline: timeline) }

    // MARK: - Input

    public func send(_ message: Message) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in model.update(next, timeline: timeline) {
                if let reply = run(effect) { queue.append(reply) }
            }
        }
    }

    public func press(_ keys: Key...) { press(keys) }

    public func press(_ keys: [Key]) {
        for key in keys { send(.key(key)) }
    }

    /// Types `text` one character at a time, as `get_wch` delivers it.
    public func type(_ text: String) { press(Key.typing(text)) }

    /// Reads what other consoles and the command line appended since the last read.
    public func refresh() {
        guard let journal else { return }
        do {
            let new = try journal.refresh()
            if !new.isEmpty { send(.journalChanged(IncidentSnapshot(journal), new: new, mine: false)) }
        } catch {
            send(.failed(Self.describe(error)))
        }
    }

    /// Moves the clocks on screen to the clock's time.
    public func tick() { send(.tick(clock.now())) }

    public func resize(to size: Size) {
        guard size != model.size else { return }
        send(.resized(size))
    }

    // MARK: - Effects

    private func run(_ effect: Effect) -> Message? {
        switch effect {
        case .perform(let command):
            guard let journal else { return nil }
            do {
                let written = try journal.perform(command)
                return .journalChanged(IncidentSnapshot(journal), new: written, mine: true)
            } catch {
                return .failed(Self.describe(error))
            }
        case .addEvidenceFile(let path, var input):
            guard let fingerprint else {
                return .failed(LocalizedText(
                    zh: "此控制台不能读取文件；请用 cordon evidence ID add --file 路径 登记文件。未记录任何内容。",
                    en: "This console cannot read files; register the file with cordon evidence ID add --file PATH. Nothing was recorded."))
            }
            do {
                input.file = try fingerprint(path)
            } catch {
                return .failed(Self.describe(error))
            }
            return run(.perform(.record(.addEvidence(input))))
        case .loadHome:
            guard let library else { return nil }
            return .homeLoaded(incidents: library.incidents(kind: .incident), drills: library.incidents(kind: .drill), playbooks: library.playbooks())
        case .declare(let request):
            guard let library else { return nil }
            do {
                let opened = try library.declare(request)
                journal = opened
                return .opened(IncidentSnapshot(opened), .live)
            } catch {
                return .failed(Self.describe(error))
            }
        case .open(let id, let mode):
            guard let library else { return nil }
            do {
                let opened = try library.open(id)
                journal = opened
                return .opened(IncidentSnapshot(opened), mode)
            } catch {
                return .failed(Self.describe(error))
            }
        case .close:
            journal = nil
            return run(.loadHome)
        case .quit:
            hasQuit = true
            return nil
        }
    }

    static func describe(_ error: any Error) -> LocalizedText {
        if let failure = error as? any LocalizedFailure { return failure.message }
        return LocalizedText(zh: "操作失败：\(error)。未记录任何内容。", en: "That failed: \(error). Nothing was recorded.")
    }
}
