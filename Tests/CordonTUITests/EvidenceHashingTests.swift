import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// A large evidence file hashed away from the console's loop: the form shows how far it has
/// come and takes Esc, the clocks tick and colleagues' events arrive meanwhile, and the evidence
/// is recorded only once every byte is hashed. The driver's hashing is a stand-in moved by the test.
@Suite struct EvidenceHashingTests {
    static let gib: Int64 = 1 << 30
    static let image = EvidenceFile(path: "/srv/incident/images/laptop.img", name: "laptop.img", sha256: RecordsFixture.hash, size: 4 << 30)

    /// A console whose driver hands out `job` for every file, with the evidence form filled in
    /// and submitted: hashing has begun.
    func hashing(_ job: HashJobStandIn, size: Size = Size(width: 140, height: 30), language: Language = .zh) -> (ConsoleFixture, paths: () -> [String]) {
        let console = ConsoleFixture.records(language: language, size: size)
        var paths: [String] = []
        console.program.hashEvidence = { path in
            paths.append(path)
            return job
        }
        console.press(.character("r"), .character("2"), .character("n"))
        console.type("images/laptop.img")
        console.press(.tab)
        console.type("外包商笔记本电脑磁盘镜像")
        console.press(.tab, .tab)
        console.type("王芳")
        console.press(.enter)
        return (console, { paths })
    }

    @Test func progressShowsInTheFormWhileTheClockTicksAndColleaguesEventsArrive() throws {
        let job = HashJobStandIn(total: 4 * Self.gib)
        let (console, paths) = hashing(job)
        #expect(paths() == ["images/laptop.img"])
        #expect(console.journal.events.count == 1, "nothing is recorded before the hash is complete")
        #expect(console.screen.contains("正在计算 SHA-256：0 B / 4.0 GiB (0%)"))
        #expect(console.screen.contains("按 Esc 取消，不记录"))
        #expect(console.screen.contains("Esc 取消计算 ─┘"))

        job.progress.hashed = 3 * Self.gib / 2
        console.program.checkHashing()
        #expect(console.screen.contains("1.5 GiB / 4.0 GiB (37%)"))

        let before = console.screen.lines[0]
        console.wait(minutes: 3)
        #expect(console.screen.lines[0] != before, "the header's clock keeps ticking: \(console.screen.lines[0])")
        #expect(console.screen.lines[0].contains("已历时 0:03:00"))
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "外包商已交出笔记本电脑"])], actor: "lina")
        console.program.refresh()
        #expect(console.screen.contains("时间线 · 2 条"), "a colleague's note arrives while hashing")
        console.type("x")
        #expect(console.screen.contains("images/laptop.img") && !console.screen.contains("laptop.imgx"), "keys do not reach the form while it waits")

        job.finish(.success(Self.image))
        console.program.checkHashing()
        let event = console.lastEvent
        #expect(event.type == EventType.evidenceAdded)
        #expect(event.data.string("sha256") == RecordsFixture.hash)
        #expect(event.data.int("size") == 4 << 30)
        #expect(event.data.string("custodian") == "王芳")
        #expect(console.screen.contains("> E1  外包商笔记本电脑磁盘镜像 · sha256 9f86d081884c… · 保管人 王芳"), "back in the list, with the new item")
        console.press(.escape, .escape)
        #expect(console.screen.contains("外包商已交出笔记本电脑"))
    }

    @Test func escCancelsAndNothingIsRecordedEvenIfTheHashFinishesAfter() {
        let job = HashJobStandIn(total: 4 * Self.gib)
        let (console, paths) = hashing(job, language: .en)
        job.progress.hashed = Self.gib
        console.program.checkHashing()
        #expect(console.screen.contains("Hashing (SHA-256): 1.0 GiB / 4.0 GiB (25%)"))
        console.press(.escape)
        #expect(job.isCancelled)
        #expect(console.screen.contains("Hashing cancelled; nothing was registered."))
        #expect(console.screen.contains("images/laptop.img"), "the form keeps what was typed")
        job.finish(.success(Self.image))
        console.program.checkHashing()
        console.wait(minutes: 1)
        #expect(console.journal.events.count == 1, "a cancelled hash records nothing, even when it completes")
        #expect(console.journal.state.evidence.isEmpty)

        console.press(.enter)
        #expect(paths().count == 2, "Enter hashes it again")
        console.program.checkHashing()
        #expect(console.journal.state.evidence.map(\.label) == ["外包商笔记本电脑磁盘镜像"])
    }

    @Test func aFileThatCannotBeReadMidwayIsRefusedInTheForm() {
        let job = HashJobStandIn(total: 4 * Self.gib)
        let (console, _) = hashing(job)
        job.finish(.failure(Refusal("evidence-unreadable", zh: "读取证据文件失败（输入/输出错误）；未记录。", en: "Reading the evidence file failed (I/O error); nothing was recorded.")))
        console.program.checkHashing()
        #expect(console.screen.contains("读取证据文件失败（输入/输出错误）；未记录。"))
        #expect(!console.screen.contains("正在计算"))
        #expect(console.journal.events.count == 1)
    }

    // MARK: - On the loop

    @Test func theLoopLooksInBetweenFramesAndRecordsOnceTheHashIsComplete() {
        let job = HashJobStandIn(total: 4 * Self.gib)
        job.finish(.success(Self.image), afterLooks: 3)
        let console = ConsoleFixture.records()
        console.program.hashEvidence = { _ in job }
        let keys: [Key] = [.character("r"), .character("2"), .character("n")] + Key.typing("images/laptop.img") + [.tab, .tab, .tab] + Key.typing("王芳") + [.enter]
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30), inputs: keys.map { .key($0) } + [.resized, .resized, .resized, .key(.escape), .key(.escape), .key(.character("q")), .key(.character("y"))])
        #expect(ConsoleLoop.run(console.program, on: terminal) == .quit)
        #expect(console.journal.state.evidence.first?.file?.sha256 == RecordsFixture.hash)
    }

    @Test func aStopSignalWhileHashingGivesUpTheFileAndRecordsNothing() {
        for signal: Int32 in [1, 2, 15] {
            let job = HashJobStandIn(total: 4 * Self.gib)
            let console = ConsoleFixture.records()
            console.program.hashEvidence = { _ in job }
            let keys: [Key] = [.character("r"), .character("2"), .character("n")] + Key.typing("images/laptop.img") + [.tab, .tab, .tab] + Key.typing("王芳") + [.enter]
            let terminal = MemoryTerminal(size: Size(width: 100, height: 30), inputs: keys.map { .key($0) } + [.signal(signal)])
            #expect(ConsoleLoop.run(console.program, on: terminal) == .signal(signal))
            #expect(job.isCancelled)
            job.finish(.success(Self.image))
            console.program.checkHashing()
            console.program.tick()
            #expect(console.journal.events.count == 1, "signal \(signal): nothing half-done is recorded")
        }
    }

    // MARK: - Checking registered evidence

    /// A console with the disk image registered (recorded by a colleague) and its evidence list
    /// open on it, whose driver hands out `job` for the next file.
    func checking(_ job: HashJobStandIn, language: Language = .zh) -> ConsoleFixture {
        let console = ConsoleFixture.records(language: language, size: Size(width: 140, height: 30))
        console.recordElsewhere(.addEvidence(EvidenceInput(file: Self.image, description: "外包商笔记本电脑磁盘镜像", custodian: "王芳")))
        console.program.hashEvidence = { path in
            #expect(path == Self.image.path, "the file is hashed again where it was registered")
            return job
        }
        console.press(.character("r"), .character("2"))
        return console
    }

    @Test func vHashesTheFileAgainAndRecordsThatItStillMatches() throws {
        let job = HashJobStandIn(total: 4 * Self.gib)
        let console = checking(job)
        #expect(console.screen.contains("v 校验"))
        console.press(.character("v"))
        job.progress.hashed = Self.gib
        console.program.checkHashing()
        #expect(console.screen.contains("正在校验 SHA-256：1.0 GiB / 4.0 GiB (25%)"))
        #expect(console.journal.state.evidence[0].checks.isEmpty, "nothing is recorded before every byte is hashed")

        job.finish(.success(Self.image))
        console.program.checkHashing()
        #expect(console.lastEvent.type == EventType.evidenceChecked)
        #expect(console.lastEvent.data.string("outcome") == "match")
        #expect(console.screen.contains("最近校验 "), "the list stays open and shows the check")
        #expect(console.screen.contains("· 一致"))
    }

    @Test func aChangedOrUnreadableFileIsRecordedAndShownAsSuch() throws {
        let changed = HashJobStandIn(total: 4 * Self.gib)
        let console = checking(changed, language: .en)
        console.press(.character("v"))
        var altered = Self.image
        altered.sha256 = String(repeating: "0", count: 64)
        changed.finish(.success(altered))
        console.program.checkHashing()
        #expect(console.lastEvent.data.string("outcome") == "changed")
        #expect(console.screen.contains("last checked ") && console.screen.contains("· changed"))

        let gone = HashJobStandIn(total: 4 * Self.gib)
        console.program.hashEvidence = { _ in gone }
        console.press(.character("v"))
        gone.finish(.failure(Unreadable()))
        console.program.checkHashing()
        #expect(console.lastEvent.data.string("outcome") == "unreadable")
        #expect(LocalizedText(json: console.lastEvent.data["problem"]) == Unreadable.gone, "the cause is recorded, not the error's advice")
        #expect(console.screen.contains("· unreadable"))

        // A failure that is no finding about the file (here: no cause) records nothing.
        let broken = HashJobStandIn(total: 4 * Self.gib)
        console.program.hashEvidence = { _ in broken }
        console.press(.character("v"))
        broken.finish(.failure(Refusal("io", zh: "出错了。", en: "Something broke.")))
        console.program.checkHashing()
        #expect(console.journal.state.evidence[0].checks.count == 2)
        #expect(console.screen.contains("Something broke."))
    }

    @Test func escStopsACheckAndADescribedItemHasNothingToCheck() throws {
        let job = HashJobStandIn(total: 4 * Self.gib)
        let console = checking(job)
        console.press(.character("v"))
        console.press(.escape)
        #expect(job.isCancelled)
        #expect(console.screen.contains("已取消校验，未记录任何内容。按 v 重新校验"), "not the add form's Enter, which hands over here")
        job.finish(.success(Self.image))
        console.program.checkHashing()
        #expect(console.journal.state.evidence[0].checks.isEmpty, "a cancelled check records nothing")

        console.recordElsewhere(.addEvidence(EvidenceInput(description: "封存的笔记本电脑", custodian: "李明")))
        console.press(.down, .character("v"))
        #expect(console.screen.contains("E2 是实物或描述，没有可校验的文件。"))
        #expect(console.journal.events.count == 3)
    }
}

/// A read failure as the store reports one: a message with advice, and the plain cause.
private struct Unreadable: LocalizedFailure {
    static let gone = LocalizedText(zh: "文件已不在原路径", en: "the file is no longer at its path")
    var code: String { "evidence-unreadable" }
    var message: LocalizedText { LocalizedText(zh: "找不到证据文件；未记录。", en: "The evidence file cannot be found; nothing was recorded.") }
    var cause: LocalizedText? { Self.gone }
}
