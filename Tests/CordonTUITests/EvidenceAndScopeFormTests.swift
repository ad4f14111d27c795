import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The records menu, the evidence forms and the scope form, driven by keys on an in-memory
/// incident. Files are hashed by a stand-in for the driver; nothing sleeps.
@Suite struct EvidenceAndScopeFormTests {
    // MARK: - Menu

    @Test func rOpensTheRecordsMenuWhoseDigitsOpenEachKindAndEscGoesBack() {
        let console = ConsoleFixture.records()
        console.press(.character("r"))
        #expect(console.screen.contains("证据与保管链"))
        #expect(console.screen.contains("单独界面，不在控制台显示"))
        console.press(.character("2"))
        #expect(console.screen.contains("尚未登记证据。按 n 登记"))
        console.press(.escape)
        #expect(console.screen.contains("> 2  证据与保管链"), "back in the menu, on the entry it came from")
        console.press(.escape)
        #expect(console.program.model.dialog == nil)
    }

    // MARK: - Evidence

    @Test func aFileTypedIntoTheFormIsHashedByTheDriverAndItsHashLandsInTheTimeline() {
        let console = ConsoleFixture.records(size: Size(width: 140, height: 30))
        console.press(.character("r"), .character("2"), .character("n"))
        console.type("logs/access.log")
        console.press(.tab)
        console.type("外包商 SFTP 访问日志")
        console.press(.tab)
        console.type("堡垒机导出")
        console.press(.tab)
        console.type("王芳")
        console.press(.enter)
        let event = console.lastEvent
        #expect(event.type == EventType.evidenceAdded)
        #expect(event.data.string("sha256") == RecordsFixture.hash)
        #expect(event.data.string("file") == "/srv/incident/logs/access.log")
        #expect(event.data.int("size") == 2048)
        #expect(event.data.string("description") == "外包商 SFTP 访问日志")
        #expect(event.data.string("custodian") == "王芳")
        #expect(console.screen.contains("> E1  外包商 SFTP 访问日志 · sha256 9f86d081884c… · 保管人 王芳"), "back in the list, with the new item")
        console.press(.escape, .escape)
        #expect(console.screen.contains("登记证据 E1：外包商 SFTP 访问日志 · sha256 9f86d081884c…"))
    }

    @Test func aFileThatCannotBeReadIsRefusedInTheFormKeepingWhatWasTyped() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("2"), .character("n"))
        console.type("logs/缺失.log")
        console.press(.tab, .tab, .tab)
        console.type("王芳")
        console.press(.enter)
        #expect(console.journal.events.count == 1)
        #expect(console.screen.contains("找不到证据文件 logs/缺失.log"))
        #expect(console.screen.contains("logs/缺失.log") && console.screen.contains("王芳"), "the form keeps what was typed")
        console.press(.tab, .home, .right, .right, .right, .right, .right, .delete, .delete)
        console.type("access")
        console.press(.enter)
        #expect(console.lastEvent.data.string("file") == "/srv/incident/logs/access.log")
    }

    @Test func anItemDescribedInWordsNeedsNoFileAndTheCustodianIsRequired() {
        let console = ConsoleFixture.records()
        console.program.hashEvidence = { _ in
            Issue.record("nothing to hash for a description")
            return HashJobStandIn(total: 0)
        }
        console.press(.character("r"), .character("2"), .character("n"), .enter)
        #expect(console.screen.contains("请写文件路径，或为实物写一段描述。"))
        console.press(.tab)
        console.type("封存的外包商笔记本电脑")
        console.press(.enter)
        #expect(console.screen.contains("请写明证据现由谁保管。"))
        #expect(console.screen.contains("封存的外包商笔记本电脑"))
        console.type("李明")
        console.press(.enter)
        #expect(console.journal.state.evidence.map(\.label) == ["封存的外包商笔记本电脑"])
        #expect(console.journal.state.evidence.first?.custodian == "李明")
    }

    @Test func evidenceIsHandedOverEvenAfterTheIncidentIsClosed() throws {
        let console = ConsoleFixture.records()
        console.investigate()
        try console.journal.close()
        console.program.refresh()
        console.press(.character("r"), .character("2"), .down, .enter)
        console.type("司法鉴定中心 陈静")
        console.press(.tab)
        console.type("送司法鉴定")
        console.press(.enter)
        let item = try #require(console.journal.state.evidence.first { $0.id == "E2" })
        #expect(item.custodian == "司法鉴定中心 陈静")
        #expect(item.custody.last?.reason == "送司法鉴定")
        #expect(console.screen.contains("移交 1 次，最近 李明 → 司法鉴定中心 陈静（送司法鉴定）"))
    }

    @Test func handingOverToTheCurrentCustodianShowsTheRefusalInTheForm() {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("2"), .enter)
        console.type("王芳")
        console.press(.enter)
        #expect(console.screen.contains("E1 已由 王芳 保管。"))
        #expect(console.program.model.dialog is HandOverForm)
    }

    @Test func aReplayShowsTheRecordsButRefusesToAddAny() {
        let console = ConsoleFixture(mode: .replay)
        console.press(.character("r"), .character("2"), .character("n"))
        #expect(console.screen.contains("回放为只读"))
        #expect(console.program.model.dialog is EvidenceList)
        console.press(.escape, .character("3"))
        #expect(console.program.model.dialog is RecordsMenu)
    }

    // MARK: - Scope

    @Test func theSuggestedSeverityFollowsTheNumbersAsTheyAreTyped() {
        let console = ConsoleFixture.records(size: Size(width: 80, height: 24))
        console.press(.character("r"), .character("3"))
        #expect(console.screen.contains("尚缺人数、信息类别，无法判断是否达到：重大、较大。"))
        console.press(.down, .space)
        #expect(console.screen.contains("[x] 身份证号*"))
        console.press(.tab, .tab)
        console.type("9999")
        #expect(console.screen.contains("剧本分级建议：一般（未达到任何门槛）"))
        console.type("0")
        #expect(console.screen.contains("剧本分级建议：较大 — ≥ 10,000 人，含敏感个人信息"))
        console.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        console.type("120万")
        #expect(console.screen.contains("剧本分级建议：重大"))
        #expect(console.screen.contains("（门槛待法") && console.screen.contains("务确认）"), "the caveat that legal must confirm the threshold, wrapped where the line fills")
        #expect(console.screen.contains("仅为建议：当前级别 未定级；定级由您决定，在控制台按 c。"))
        #expect(console.journal.events.count == 1, "a suggestion records nothing")
    }

    @Test func theScopeIsRecordedAndTheFormAsksForAConfidenceKeepingTheRest() throws {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("3"))
        console.press(.down, .space, .down, .space, .right, .space)
        console.press(.tab)
        console.type("4.8万")
        console.press(.tab)
        console.type("31,000")
        console.press(.tab, .tab)
        console.type("按导出文件行数统计")
        console.press(.enter)
        #expect(console.screen.contains("有了数字，还请选择估计的把握程度（低、中、高）。"))
        #expect(console.screen.contains("按导出文件行数统计"))
        console.press(.right, .right, .enter)
        let scope = try #require(console.journal.state.scope)
        #expect(scope.categories == ["id-number", "phone", "contacts"])
        #expect(scope.records == 48_000 && scope.people == 31_000)
        #expect(scope.confidence == .medium)
        #expect(scope.basis == "按导出文件行数统计")
        #expect(console.journal.state.severity == nil, "grading stays a decision made with c")
        #expect(console.screen.contains("31,000 人 · 建议 较大"), "the menu shows the new estimate")
    }

    @Test func aNumberThatIsNotOneIsRefusedWithTheFocusOnIt() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("3"), .tab)
        console.type("约五万")
        #expect(console.screen.contains("“记录条数”不是数字"))
        console.press(.tab, .enter)
        #expect(console.screen.contains("记录条数不是数字：写 48000、48,000 或 4.8万，不知道就留空。"))
        console.type("0")
        #expect(console.screen.contains("约五万0"), "the focus went back to the records")
        #expect(console.journal.events.count == 1)
    }

    @Test func theFormOpensWithTheCurrentEstimate() {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("3"))
        let screen = console.screen
        #expect(screen.contains("[x] 身份证号*") && screen.contains("[x] 借款记录*") && screen.contains("[ ] 姓名"))
        #expect(screen.contains("48,000") && screen.contains("31,000"))
        console.press(.enter)
        #expect(console.screen.contains("范围与当前评估相同，未记录。"))
    }
}
