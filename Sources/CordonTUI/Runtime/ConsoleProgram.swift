import CordonCore

/// Runs the console: feeds the model messages, carries out the effects it returns against the
/// journal and the library, and feeds the results back in. Keys, ticks and refreshes come from
/// the loop (or a test); nothing here touches the terminal.
///
/// A replay and a drill are the same console over another journal: a replay shows a
/// `ReplayJournal` moved by its player; a drill's console conducts the drill through a
/// `DrillConductor`, which records injects on the drill's own journal as they fall due.
///
///     let program = ConsoleProgram(journal: journal, language: .zh, size: Size(width: 80, height: 24), clock: clock)
///     program.press(.space)
///     program.render().contains("完成 隔离泄露源") // true
public final class ConsoleProgram {
    public private(set) var model: AppModel
    public private(set) var journal: (any IncidentJournal)?
    public let library: (any IncidentLibrary)?
    /// Real time: the loop, the replay player and the drill clock run on it.
    public let clock: any Clock
    /// Set once the responder confirmed quitting.
    public private(set) var hasQuit = false
    /// The replay on screen, when the console is a replay player.
    public private(set) var replay: ReplaySession?
    /// The drill this console conducts.
    public private(set) var conductor: DrillConductor?
    /// A drill's clock, following its timeline: what the console reads a drill's time from.
    private var drillClock: DrillClock?
    /// Starts hashing an evidence file by its path as typed, away from the loop. The executable
    /// supplies it (hashing is file I/O, which the console leaves to the store); without it, only
    /// descriptions can be added.
    public var hashEvidence: ((String) -> any EvidenceHashJob)?
    /// The lowercase hex SHA-256 of a text's UTF-8 bytes, for the sitreps this console records:
    ///
    ///     program.sealText = { SentText(sealing: $0, subject: nil, source: .draft).sha256 }   // in the executable
    public var sealText: (@Sendable (String) -> String)?
    /// Records what this console writes under the name typed at its start, and remembers it for
    /// the terminal. The executable supplies it on a login several people share.
    public var actAs: ((String) -> Void)?
    /// The evidence file being hashed, and what to record once it is.
    private var hashingEvidence: (job: any EvidenceHashJob, purpose: HashPurpose, shown: HashProgress)?

    /// What a file is hashed for, and so what is recorded once it is.
    private enum HashPurpose {
        /// Registering new evidence.
        case add(EvidenceInput)
        /// Checking registered evidence `id` against the hash it was registered with, from `started`.
        case check(id: String, started: Timestamp)
    }

    /// A console on one incident, as `cordon open ID` starts it.
    public init(journal: any IncidentJournal, mode: ConsoleMode = .live, language: Language, size: Size, clock: any Clock) {
        self.library = nil
        self.clock = clock
        model = AppModel(language: language, size: size, now: clock.now())
        send(opening(journal, mode: mode))
    }

    /// A read-only replay player over `journal`'s events, standing after event `seq`, as
    /// `cordon replay ID` starts it.
    public init(replaying journal: any IncidentJournal, at seq: Int = 1, speed: Int = 10, language: Language, size: Size, clock: any Clock) throws(IncidentState.FoldError) {
        self.library = nil
        self.clock = clock
        model = AppModel(language: language, size: size, now: clock.now())
        send(try replaying(journal, at: seq, speed: speed))
    }

    /// The facilitator's console on a drill just declared, as `cordon drill SCENARIO` starts it:
    /// the clock starts at `speed` and is held at once while the briefing is read out. An inject
    /// on screen holds the clock until it is answered or dismissed unless `holdsClockOnInject`
    /// is off (`H` switches it in the console).
    public init(conducting conductor: DrillConductor, speed: Int, seed: Int, holdsClockOnInject: Bool = true, language: Language, size: Size, clock: any Clock) throws {
        self.library = nil
        self.clock = clock
        model = AppModel(language: language, size: size, now: clock.now())
        send(try conducting(conductor, speed: speed, seed: seed))
        model.console?.holdsClockOnInject = holdsClockOnInject
    }

    /// The home screen over a library, as `cordon` starts it.
    public init(library: any IncidentLibrary, language: Language, size: Size, clock: any Clock) {
        self.journal = nil
        self.library = library
        self.clock = clock
        model = AppModel(language: language, size: size, now: clock.now(), home: HomeModel())
        send(run(.loadHome))
    }

    /// Every event of the open incident, oldest first (empty on the home screen; up to the
    /// player's position in a replay).
    public var timeline: [Event] { journal?.events ?? [] }

    public func render() -> Canvas { Screen.render(model, timeline: timeline) }

    /// Who is at this console (see `AppModel.participants`).
    public var participants: [String] {
        get { model.participants }
        set { model.participants = newValue }
    }

    /// The time the console reads the incident at: the replay's moment, the drill clock, or now.
    public var readingTime: Timestamp {
        if let replay { return replay.now }
        return drillClock?.now() ?? clock.now()
    }

    /// Milliseconds until the console wants its next tick: often while a replay plays or a drill
    /// clock runs fast (and exactly when the next inject falls due), once a second otherwise.
    public var tickInterval: Int {
        if let replay { return replay.player.isPlaying ? 100 : 1000 }
        guard let conductor, conductor.state.drill?.hasEnded == false, let setting = conductor.clock.setting, setting.isRunning else { return 1000 }
        var interval = setting.speed >= 10 ? 100 : setting.speed > 1 ? 250 : 1000
        if let wake = conductor.nextWakeUp { interval = min(interval, Int(max(1, wake.millis - clock.now().millis))) }
        return interval
    }

    // MARK: - Input

    public func send(_ message: Message) { send([message]) }

    private func send(_ messages: [Message]) {
        var queue = messages
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in model.update(next, timeline: timeline) {
                queue += run(effect)
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
        guard let journal, replay == nil else { return }
        do {
            let new = try journal.refresh()
            drillClock?.follow(journal.state)
            if let conductor, !conductor.isConducting, conductor.state.drill?.hasEnded == false {
                // Taken over at another console: the clock and the injects are theirs now.
                self.conductor = nil
            }
            if !new.isEmpty { send(.journalChanged(IncidentSnapshot(journal), new: new, mine: false)) }
        } catch {
            send(.failed(Self.describe(error)))
        }
    }

    /// Moves the clocks on screen: plays the replay on, or lets the drill deliver what has fallen due.
    public func tick() {
        if let replay {
            send(replay.tick(wall: clock.now()) ? replayMoved(replay) : .tick(readingTime))
            return
        }
        if let conductor, let journal {
            do {
                let new = try conductor.tick()
                if !new.isEmpty { send(.journalChanged(IncidentSnapshot(journal), new: new, mine: false)) }
            } catch {
                send(.failed(Self.describe(error)))
            }
        }
        send(.tick(readingTime))
    }

    public func resize(to size: Size) {
        guard size != model.size else { return }
        send(.resized(size))
    }

    /// Looks in on the evidence file being hashed: shows how far it has come, and records it
    /// once every byte is hashed. The loop calls it between frames.
    public func checkHashing() {
        send(collectHashing())
    }

    private func collectHashing() -> [Message] {
        guard let (job, purpose, shown) = hashingEvidence else { return [] }
        guard let outcome = job.outcome else {
            let progress = job.progress
            guard progress != shown else { return [] }
            hashingEvidence?.shown = progress
            return [.hashing(progress)]
        }
        hashingEvidence = nil
        switch (purpose, outcome) {
        case (.add(var input), .success(let file)):
            input.file = file
            return [.hashing(nil)] + run(.perform(.record(.addEvidence(input))))
        case (.add, .failure(let error)):
            return [.hashing(nil), .failed(Self.describe(error))]
        case (.check(let id, let started), .success(let file)):
            return [.hashing(nil)] + run(.perform(.record(.checkEvidence(id: id, found: .read(file), started: started))))
        case (.check(let id, let started), .failure(let error)):
            // A file that cannot be read any more is a finding in itself, recorded as what was
            // found; a failure that is no such finding records nothing and says why.
            guard let cause = (error as? any LocalizedFailure)?.cause else {
                return [.hashing(nil), .failed(Self.describe(error))]
            }
            return [.hashing(nil)] + run(.perform(.record(.checkEvidence(id: id, found: .unreadable(cause), started: started))))
        }
    }

    /// SIGHUP, the same number everywhere: the terminal went away (a dropped SSH link, a closed window).
    static let hangUpSignal: Int32 = 1

    /// The console is going away without a word, on `signal`: a file being hashed is dropped
    /// unrecorded, and a drill it conducts ends and is scored, saying why (SIGHUP: the line dropped).
    public func hangUp(signal: Int32) {
        hashingEvidence?.job.cancel()
        hashingEvidence = nil
        endConductedDrill(signal == Self.hangUpSignal ? .hangup : .signal)
    }

    // MARK: - Opening

    private func opening(_ opened: any IncidentJournal, mode: ConsoleMode) -> [Message] {
        journal = opened
        replay = nil
        conductor = nil
        drillClock = nil
        var mode = mode
        if opened.state.isDrill {
            let drill = opened as? any DrillJournal
            drillClock = drill?.drillClock ?? DrillClock(wall: clock, following: opened.state)
            if mode.scenario == nil { mode.scenario = drill?.drillScenario }
        }
        return [.opened(IncidentSnapshot(opened), mode), .tick(readingTime)]
    }

    private func replaying(_ source: any IncidentJournal, at seq: Int, speed: Int = 10) throws(IncidentState.FoldError) -> [Message] {
        let session = try ReplaySession(events: source.events, playbook: source.playbook, at: seq, speed: speed)
        journal = session.journal
        replay = session
        conductor = nil
        drillClock = nil
        return [.opened(IncidentSnapshot(session.journal), .replay(of: (source as? any DrillJournal)?.drillScenario)), replayMoved(session)]
    }

    private func conducting(_ drill: DrillConductor, speed: Int, seed: Int) throws -> [Message] {
        try drill.start(speed: speed, seed: seed)
        try drill.perform(.pause)
        var messages = opening(drill.journal, mode: .conducting(drill.scenario, console: drill.console))
        conductor = drill
        messages.append(.request(.drill(.briefing)))
        return messages
    }

    private func replayMoved(_ session: ReplaySession) -> Message {
        .replayMoved(IncidentSnapshot(session.journal), session.player, at: session.now)
    }

    /// Ends the drill this console conducts, if it is still running and nobody took it over.
    private func endConductedDrill(_ reason: DrillEndReason = .facilitator) {
        guard let conductor, conductor.state.drill?.hasEnded == false else { return }
        // Leaving is not refused over this: if the end cannot be recorded, the drill stays
        // unscored and its clock stands at its next inject until someone takes it over.
        _ = try? conductor.end(reason)
    }

    // MARK: - Effects

    private func run(_ effect: Effect) -> [Message] {
        switch effect {
        case .perform(let command):
            guard let journal else { return [] }
            // The journal reads what others appended before it decides, whether it then records
            // or refuses; the screen takes in those entries either way, so that it shows exactly
            // the folded timeline and never a step list behind its own timeline pane.
            let known = journal.events.count
            do {
                let written = try journal.perform(command)
                drillClock?.follow(journal.state)
                let arrived = journal.events.dropFirst(known).dropLast(written.count)
                return [.journalChanged(IncidentSnapshot(journal), new: Array(arrived) + written, mine: true)]
            } catch {
                let arrived = Array(journal.events.dropFirst(known))
                guard !arrived.isEmpty else { return [.failed(Self.describe(error))] }
                drillClock?.follow(journal.state)
                let said = RaceText.lost(command, refusal: Self.describe(error), arrived: arrived, playbook: journal.playbook, times: journal.state.times)
                return [.journalChanged(IncidentSnapshot(journal), new: arrived, mine: false), .failed(said)]
            }
        case .sendSitrep(let channel):
            guard let journal else { return [] }
            guard let sealText else {
                return [.failed(LocalizedText(
                    zh: "此控制台无法保存态势报告全文，未记录；请在命令行运行 cordon sitrep \(journal.state.id) --channel …",
                    en: "This console cannot keep the sitrep's text, so nothing was recorded; run cordon sitrep \(journal.state.id) --channel … instead."))]
            }
            let state = journal.state
            let draft = Sitrep.draft(playbook: journal.playbook, state: state, now: state.local(clock.now()), language: model.language)
            let sent = SentText(subject: draft.subject, text: draft.body, sha256: sealText(draft.body), source: .draft)
            return run(.perform(.notify(audience: Sitrep.audience, channel: channel, sent: sent)))
        case .addEvidenceFile(let path, let input):
            return startHashing(path, for: .add(input))
        case .checkEvidenceFile(let id, let path):
            return startHashing(path, for: .check(id: id, started: clock.now()))
        case .cancelHashing:
            guard let (job, purpose, _) = hashingEvidence else { return [] }
            job.cancel()
            hashingEvidence = nil
            let said = switch purpose {
            case .add: LocalizedText(
                zh: "已取消计算哈希，未登记任何内容。按 Enter 重新计算，或 Esc 返回。",
                en: "Hashing cancelled; nothing was registered. Press Enter to hash it again, or Esc to go back.")
            case .check: LocalizedText(
                zh: "已取消校验，未记录任何内容。按 v 重新校验，或 Esc 返回。",
                en: "Check cancelled; nothing was recorded. Press v to check again, or Esc to go back.")
            }
            return [.hashing(nil), .failed(said)]
        case .loadHome:
            guard let library else { return [] }
            return [.homeLoaded(
                incidents: library.incidents(kind: .incident), drills: library.incidents(kind: .drill),
                playbooks: library.playbooks(), scenarios: library.scenarios(), review: library.reviewSources())]
        case .declare(let request):
            guard let library else { return [] }
            do {
                return opening(try library.declare(request), mode: .live)
            } catch {
                return [.failed(Self.describe(error))]
            }
        case .open(let id, let mode):
            guard let library else { return [] }
            do {
                let opened = try library.open(id)
                return mode.isReadOnly ? try replaying(opened, at: 1) : opening(opened, mode: mode)
            } catch {
                return [.failed(Self.describe(error))]
            }
        case .startDrill(let scenario, let speed):
            guard let library else { return [] }
            do {
                let declared = try library.declareDrill(scenario: scenario, language: model.language)
                return try conducting(DrillConductor(journal: declared.journal, scenario: declared.scenario), speed: speed, seed: Int.random(in: 0...999_999))
            } catch {
                return [.failed(Self.describe(error))]
            }
        case .player(let action):
            guard let replay else { return [] }
            replay.perform(action, wall: clock.now())
            return [replayMoved(replay)]
        case .drill(let work):
            return runDrill(work)
        case .actAs(let name):
            actAs?(name)
            return [.actingAs(name)]
        case .close:
            endConductedDrill()
            journal = nil
            replay = nil
            conductor = nil
            drillClock = nil
            return run(.loadHome)
        case .quit:
            endConductedDrill()
            hasQuit = true
            return []
        }
    }

    /// Starts hashing the file at `path` away from the loop; `collectHashing` records the result.
    private func startHashing(_ path: String, for purpose: HashPurpose) -> [Message] {
        guard let hashEvidence else {
            let instead = switch purpose {
            case .add: LocalizedText(zh: "请用 cordon evidence ID add --file 路径 登记文件", en: "register the file with cordon evidence ID add --file PATH")
            case .check(let id, _): LocalizedText(zh: "请用 cordon evidence ID check \(id) 校验", en: "check it with cordon evidence ID check \(id)")
            }
            return [.failed(LocalizedText(
                zh: "此控制台不能读取文件；\(instead.zh)。未记录任何内容。",
                en: "This console cannot read files; \(instead.en). Nothing was recorded."))]
        }
        let job = hashEvidence(path)
        hashingEvidence = (job, purpose, job.progress)
        return [.hashing(job.progress)] + collectHashing()
    }

    private func runDrill(_ work: DrillEffect) -> [Message] {
        guard let journal else { return [] }
        let known = journal.events.count
        do {
            var written: [Event]
            switch work {
            case .clock(let action):
                let conductor = try requireConductor()
                written = try conductor.perform(action)
                // A jump or a resume may bring an inject due: deliver it with the same keypress.
                written += try conductor.tick()
            case .end:
                written = try requireConductor().end()
            case .answer(let inject, let text):
                let drill = try requireDrillJournal()
                written = try drill.record { DrillRules.answer(inject: inject, text: text, state: $0, playbook: drill.playbook) }
            case .lesson(let text):
                let drill = try requireDrillJournal()
                written = try drill.record { DrillRules.debrief(.lesson, text: text, state: $0, playbook: drill.playbook) }
            case .takeOver:
                let drill = try requireDrillJournal()
                guard let scenario = model.console?.mode.scenario ?? drill.drillScenario else {
                    throw Refusal("no-scenario", zh: "这场演练没有场景，无法主持。", en: "This drill has no scenario, so it cannot be conducted.")
                }
                let successor = DrillConductor(journal: drill, scenario: scenario)
                written = try successor.takeOver()
                conductor = successor
                drillClock?.follow(journal.state)
                return [.conducting(console: successor.console), .journalChanged(IncidentSnapshot(journal), new: written, mine: true)]
            }
            drillClock?.follow(journal.state)
            return [.journalChanged(IncidentSnapshot(journal), new: written, mine: true)]
        } catch {
            // As for any command: what was read before the refusal is shown with it.
            let arrived = Array(journal.events.dropFirst(known))
            guard !arrived.isEmpty else { return [.failed(Self.describe(error))] }
            drillClock?.follow(journal.state)
            return [.journalChanged(IncidentSnapshot(journal), new: arrived, mine: false), .failed(Self.describe(error))]
        }
    }

    private func requireConductor() throws(Refusal) -> DrillConductor {
        guard let conductor else { throw Refusal("not-conducting", zh: AppModel.facilitatorOnly.zh, en: AppModel.facilitatorOnly.en) }
        return conductor
    }

    private func requireDrillJournal() throws(Refusal) -> any DrillJournal {
        guard let drill = journal as? any DrillJournal else {
            throw Refusal("no-drill-journal", zh: "这个控制台无法记录对注入的回应；请用 n 写备注，或在命令行用 cordon note ID --answers 注入 文字。", en: "This console cannot record answers to injects; write a note with n, or use: cordon note ID --answers INJECT TEXT")
        }
        return drill
    }

    static func describe(_ error: any Error) -> LocalizedText {
        if let failure = error as? any LocalizedFailure { return failure.message }
        if let fold = error as? IncidentState.FoldError {
            return LocalizedText(zh: "时间线无法回放：\(fold.description)。未做任何更改。", en: "The timeline cannot be replayed: \(fold.description). Nothing was changed.")
        }
        return LocalizedText(zh: "操作失败：\(error)。未记录任何内容。", en: "That failed: \(error). Nothing was recorded.")
    }
}
