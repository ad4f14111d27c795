import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The console worked by a team: several people on one incident, some of them under one shared
/// login, racing each other, pressing Ctrl-C, staffing every role at once.
@Suite struct TeamConsoleTests {
    /// A step done at another console by `name`, under the shared login root.
    private func doneElsewhere(_ console: ConsoleFixture, step: String = "isolate", by name: String) {
        console.journal.appendFromElsewhere([EventDraft(EventType.stepCompleted, ["step": .string(step), "as": .string(name)])], actor: "root")
    }

    // MARK: - Who did what

    @Test func eachEntryShowsTheNameItWasRecordedUnderNotTheSharedLogin() {
        let console = ConsoleFixture()
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "已联系外包商", "as": "王磊"])], actor: "root")
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "法务已到场", "as": "刘洋"])], actor: "root")
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "开始取证"])], actor: "zhangwei")
        console.program.refresh()
        let screen = console.screen
        #expect(screen.contains("王磊     备注：已联系外包商"))
        #expect(screen.contains("刘洋     备注：法务已到场"))
        #expect(screen.contains("zhangwei 备注：开始取证"), "without a name, the login")
        #expect(!screen.contains("root ("))
    }

    @Test(arguments: Language.allCases) func aSharedLoginsTimelineReadsByPerson(language: Language) {
        let console = ConsoleFixture(language: language, size: Size(width: 80, height: 24))
        console.clock.advance(seconds: 14 * 60)
        doneElsewhere(console, by: "王磊")
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, [
            "text": "外包商确认 SFTP 账号已停用，日志已导出封存，哈希已登记；客户名单样本与生产库比对一致，涉及身份证号与手机号两类字段",
            "as": "刘洋",
        ])], actor: "root")
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "已通知客服准备话术"])], actor: "zhangwei")
        console.program.refresh()
        console.program.tick()
        console.press(.tab, .up)
        Snapshot.check(console.screen, named: "team-timeline-\(language.rawValue)-80x24")
    }

    @Test func theSelectedEntryShowsInFullWhileTheOthersKeepOneLine() {
        let console = ConsoleFixture(size: Size(width: 80, height: 24))
        let long = "外包商确认 SFTP 账号已停用，日志已导出封存，哈希已登记；客户名单样本与生产库比对一致，涉及身份证号与手机号两类字段，待法务确认是否需要单独通知"
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": .string(long)])], actor: "lina")
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "已通知客服准备话术"])], actor: "lina")
        console.program.refresh()
        let tail = String(long.suffix(8))
        #expect(!console.screen.contains(tail), "cut to one line while another pane has the keys")
        console.press(.tab, .up)
        #expect(console.screen.contains(tail), "the selected entry is shown whole")
        #expect(console.screen.contains("备注：已通知客服准备话术"), "the entries below it still show")
        console.press(.down)
        #expect(!console.screen.contains(tail), "moving on folds it back to one line")
    }

    // MARK: - Races

    @Test func aConsoleThatLostARaceShowsTheFoldedStateAndWhoWon() {
        let console = ConsoleFixture()
        console.clock.advance(seconds: 14 * 60)
        doneElsewhere(console, by: "王磊")
        // The other console's step lands between this console's last read and its key.
        console.press(.space)
        let screen = console.screen
        #expect(console.journal.events.count == 2, "nothing of the loser's is written")
        #expect(screen.contains(">[x] 隔离泄露源*"), "the step list shows the winner's step done")
        #expect(screen.contains("1/3"), "and the count agrees with it")
        #expect(screen.contains("时间线 · 2 条"))
        #expect(screen.contains("“隔离泄露源”已由 王磊 于 09:14 完成，你的操作未记录；如需重做，按 o 重新打开。"))
        #expect(!screen.contains("cordon step"), "the console names a key, not a command line")
        console.press(.character("o"), .enter)
        #expect(console.lastEvent.type == EventType.stepReopened, "o does what the message says")
    }

    @Test func aRaceIsSaidInEnglishToo() {
        let console = ConsoleFixture(language: .en)
        doneElsewhere(console, by: "王磊")
        console.press(.space)
        #expect(console.screen.contains("王磊 completed 'Isolate the source' at 09:00, so yours was not recorded; press o to reopen it."))
    }

    @Test func aRaceLostInsideADialogShowsTheStateBehindItAndTheReasonInIt() {
        let console = ConsoleFixture()
        console.press(.character("s"))
        console.type("样本未公开")
        doneElsewhere(console, by: "刘洋")
        console.press(.enter)
        let screen = console.screen
        #expect(screen.contains("[x] 隔离泄露源"), "the step list behind the dialog is current")
        #expect(screen.contains("已由 刘洋 于 09:00 完成"))
        #expect(screen.contains("样本未公开"), "what was typed stays")
    }

    // MARK: - Ctrl-C

    @Test func ctrlCInAFormCancelsItAndTheDraftComesBackOnReopening() {
        let console = ConsoleFixture()
        console.press(.character("n"))
        console.type("外包商已确认关闭账号")
        console.press(.control("c"))
        #expect(!console.program.hasQuit)
        #expect(!console.screen.contains("添加备注"), "the dialog is gone")
        #expect(console.journal.events.count == 1, "nothing was recorded")
        console.press(.character("n"))
        #expect(console.screen.contains("外包商已确认关闭账号"), "the draft is back")
        console.press(.enter)
        #expect(console.lastEvent.data.string("text") == "外包商已确认关闭账号")
        console.press(.character("n"))
        console.type("日志已封存")
        console.press(.enter)
        #expect(console.lastEvent.data.string("text") == "日志已封存", "a recorded draft is not offered again")
    }

    @Test func aRecordFormsDraftComesBackUntilTheRecordsItOffersChange() {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("4"), .character("n"))
        console.type("外包商共享账号未启用双因素认证")
        console.press(.control("c"))
        #expect(!console.screen.contains("记录调查结论"), "back to the list")
        console.press(.character("n"))
        #expect(console.screen.contains("外包商共享账号未启用双因素认证"), "the draft is back")
        let evidence = console.journal.state.evidence.count
        console.press(.control("c"), .control("c"), .character("2"), .character("n"), .tab)
        console.type("封存的外包商笔记本电脑")
        console.press(.tab, .tab)
        console.type("王芳")
        console.press(.enter)
        #expect(console.journal.state.evidence.count == evidence + 1)
        console.press(.escape, .character("4"), .character("n"))
        #expect(console.screen.contains("记录调查结论"))
        #expect(!console.screen.contains("外包商共享账号未启用双因素认证"), "new evidence to rest on: the form starts afresh")
    }

    @Test func aReasonDraftBelongsToItsStep() {
        let console = ConsoleFixture()
        console.press(.character("s"))
        console.type("外包商未接电话")
        console.press(.escape, .down, .character("s"))
        #expect(!console.screen.contains("外包商未接电话"), "another step's skip starts empty")
        console.press(.escape, .up, .character("s"))
        #expect(console.screen.contains("外包商未接电话"))
    }

    @Test func ctrlCOnTheMainScreenAsksBeforeQuitting() {
        let console = ConsoleFixture()
        console.press(.control("c"))
        #expect(console.screen.contains("退出 Cordon？"))
        #expect(!console.program.hasQuit)
        console.press(.control("c"))
        #expect(!console.screen.contains("退出 Cordon？"), "a second Ctrl-C cancels the question")
        console.press(.control("c"), .character("y"))
        #expect(console.program.hasQuit)
    }

    // MARK: - Assigning a team

    @Test func theAssignDialogStaysOpenOnTheNextRoleNobodyHolds() {
        let console = ConsoleFixture()
        console.press(.character("a"))
        console.type("王磊")
        console.press(.enter)
        #expect(console.journal.state.assignments["commander"] == "王磊")
        let screen = console.screen
        #expect(screen.contains("指派角色"), "still open")
        #expect(screen.contains("> 法务合规"), "on the next role")
        #expect(screen.contains("王磊"), "the role just given shows its holder")
        console.type("刘洋")
        console.press(.enter)
        #expect(console.journal.state.assignments["legal"] == "刘洋")
        #expect(!console.screen.contains("指派角色"), "every role is held: it closes")
    }

    @Test func escClosesTheAssignDialogBetweenRoles() {
        let console = ConsoleFixture()
        console.press(.character("a"))
        console.type("王磊")
        console.press(.enter, .escape)
        #expect(!console.screen.contains("指派角色"))
        #expect(console.journal.state.assignments.count == 1)
    }

    // MARK: - Who is at the keyboard

    @Test func aSharedLoginIsAskedWhoIsAtTheKeyboardAndTheAnswerIsHandedOn() {
        let console = ConsoleFixture()
        var named: [String] = []
        console.program.actAs = { named.append($0) }
        console.program.send(.askWhoIsAtTheKeyboard(login: "root"))
        #expect(console.screen.contains("谁在使用这个终端？"))
        #expect(console.screen.contains("多人共用的账号 root"))
        console.press(.enter)
        #expect(console.screen.contains("请写下你的姓名"), "an empty name is refused with what to do")
        console.type("王磊")
        console.press(.enter)
        #expect(named == ["王磊"])
        #expect(!console.screen.contains("谁在使用这个终端？"))
        #expect(console.screen.contains("此终端的记录将署名：王磊"))
    }

    @Test func aNameOverTheLimitIsRefusedAtTheKeyboardAsOnTheCommandLine() {
        let console = ConsoleFixture()
        var named: [String] = []
        console.program.actAs = { named.append($0) }
        console.program.send(.askWhoIsAtTheKeyboard(login: "root"))
        console.type(String(repeating: "n", count: TextLimits.name + 6))
        console.press(.enter)
        #expect(named.isEmpty, "nothing is handed on")
        #expect(console.screen.contains("超过 64 字的上限"))
        #expect(console.screen.contains("谁在使用这个终端？"), "the question stays open with what was typed")
    }

    @Test func escGoesOnWithoutANameAndHandsNothingOn() {
        let console = ConsoleFixture(language: .en)
        var named: [String] = []
        console.program.actAs = { named.append($0) }
        console.program.send(.askWhoIsAtTheKeyboard(login: "oncall"))
        #expect(console.screen.contains("Who is at the keyboard?"))
        console.press(.escape)
        #expect(named.isEmpty)
        #expect(!console.screen.contains("Who is at the keyboard?"))
        console.press(.space)
        #expect(console.lastEvent.type == EventType.stepCompleted, "the console works as before")
    }

    @Test func theQuestionComesBeforeADrillBriefingWhichThenShows() {
        let drill = DrillConsoleFixture()
        drill.program.actAs = { _ in }
        drill.program.send(.askWhoIsAtTheKeyboard(login: "root"))
        #expect(drill.screen.contains("谁在使用这个终端？"))
        drill.type("李娜")
        drill.press(.enter)
        #expect(drill.screen.contains("简报"), "the briefing it covered comes back")
    }
}
