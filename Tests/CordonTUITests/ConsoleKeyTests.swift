import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The console driven by keys on an in-memory incident, as a responder would work it.
/// Nothing sleeps: time moves only with the fixture's manual clock.
@Suite struct ConsoleKeyTests {
    // MARK: - Steps

    @Test func spaceCompletesTheSelectedStepAndTheTimelineShowsIt() {
        let console = ConsoleFixture()
        #expect(console.screen.contains(">[ ] 隔离泄露源*"))
        console.press(.space)
        #expect(console.journal.state.stepState("isolate") == .done)
        #expect(console.screen.contains(">[x] 隔离泄露源*"))
        #expect(console.screen.contains("完成 隔离泄露源"))
        #expect(console.screen.contains("已记录 #2：完成 隔离泄露源"))
    }

    @Test func spaceOnADoneStepWritesNothingAndSaysHowToRedoIt() {
        let console = ConsoleFixture()
        console.press(.space, .space)
        #expect(console.journal.events.count == 2)
        #expect(console.screen.contains("“隔离泄露源”已由 tester 于 09:00 完成；如需重做，按 o 重新打开。"), "who did it, when, and the key that undoes it")
        console.press(.character("o"), .enter)
        #expect(console.lastEvent.type == EventType.stepReopened)
        #expect(console.journal.state.stepState("isolate") == .pending)
    }

    @Test func arrowsChooseTheStepThatKeysActOn() {
        let console = ConsoleFixture()
        console.press(.down, .character("w"))
        #expect(console.journal.state.stepState("preserve") == .active)
        console.press(.character("w"))
        #expect(console.screen.contains("已在进行中"), "the rules' refusal is shown")
        #expect(console.journal.events.count == 2)
    }

    @Test func skippingAsksWhyAndRefusesAnEmptyReason() {
        let console = ConsoleFixture()
        console.press(.down, .down, .character("s"))
        #expect(console.screen.contains("为什么跳过“监测售卖”？（必填）"))
        console.press(.enter)
        #expect(console.screen.contains("请写明原因"))
        #expect(console.journal.events.count == 1)
        console.type("样本尚未出现在公开渠道")
        console.press(.enter)
        #expect(console.lastEvent.type == EventType.stepSkipped)
        #expect(console.lastEvent.data.string("reason") == "样本尚未出现在公开渠道")
        #expect(!console.screen.contains("为什么跳过"), "the dialog closes once recorded")
        #expect(console.screen.contains("[-] 监测售卖"))
    }

    @Test func blockingRecordsWhatBlocks() {
        let console = ConsoleFixture()
        console.press(.character("b"))
        console.type("外包商未接电话")
        console.press(.enter)
        #expect(console.journal.state.stepState("isolate") == .blocked)
        #expect(console.screen.contains("受阻 隔离泄露源（原因：外包商未接电话）"))
    }

    // MARK: - Notes

    @Test func aNoteTypedInChineseArrivesIntactAndEditsByCharacter() {
        let console = ConsoleFixture()
        console.press(.character("n"))
        console.type("已联系外包商关闭 SFTP 账号")
        console.press(.left, .left, .backspace)
        console.press(.enter)
        #expect(console.lastEvent.data.string("text") == "已联系外包商关闭 SFTP账号")
        #expect(console.screen.contains("备注：已联系外包商关闭 SFTP账号"))
    }

    @Test func anEmptyNoteIsNotRecorded() {
        let console = ConsoleFixture()
        console.press(.character("n"), .space, .enter)
        #expect(console.journal.events.count == 1)
        #expect(console.screen.contains("备注为空"))
        console.press(.escape)
        #expect(!console.screen.contains("添加备注"))
    }

    // MARK: - Phases

    @Test func advancingWithRequiredStepsOpenIsRefusedThenForcedWithAReason() {
        let console = ConsoleFixture()
        console.press(.character(">"))
        #expect(console.screen.contains("不能推进。必需步骤尚未完成"))
        #expect(console.screen.contains("[ ] 保全证据"))
        console.press(.enter)
        #expect(console.journal.events.count == 1, "Enter does not force")
        console.press(.character(">"), .character("f"))
        #expect(console.screen.contains("必需步骤未完成就推进，原因是？"))
        console.type("指挥决定先通报监管")
        console.press(.enter)
        #expect(console.lastEvent.type == EventType.phaseAdvanced)
        #expect(console.lastEvent.data.bool("forced") == true)
        #expect(console.lastEvent.data.string("reason") == "指挥决定先通报监管")
        #expect(console.screen.contains("步骤 · 通报"), "the steps pane follows the incident into the new phase")
    }

    @Test func advancingWithEverythingDoneAsksThenMovesOn() {
        let console = ConsoleFixture()
        console.press(.space, .down, .space, .character(">"))
        #expect(console.screen.contains("从“遏制”推进到“通报”？"))
        console.press(.enter)
        #expect(console.journal.state.phase == "notification")
        #expect(console.screen.contains("进入阶段 通报"))
    }

    @Test func leftAndRightShowOtherPhasesWithoutMovingTheIncident() {
        let console = ConsoleFixture()
        console.press(.right)
        #expect(console.screen.contains("步骤 · 通报（查看中）"))
        #expect(console.screen.contains("[ ] 报告网信部门*"))
        #expect(console.journal.state.phase == "containment")
        console.press(.left)
        #expect(console.screen.contains("步骤 · 遏制"))
    }

    // MARK: - Severity, roles, deadlines

    @Test func gradingStartsTheLegalClock() {
        let console = ConsoleFixture()
        #expect(console.screen.contains("[未定级]"))
        #expect(!console.screen.contains("向网信部门报告"), "the CAC clock runs only from serious up")
        console.press(.character("c"), .down)
        console.type("涉及 3 万名客户")
        console.press(.enter)
        #expect(console.journal.state.severity == .serious)
        #expect(console.screen.contains("[较大]"))
        #expect(console.screen.contains("剩余 4:00:00"))
    }

    @Test func clocksTurnAmberUnderAQuarterLeftAndRedWhenMissed() {
        let console = ConsoleFixture(severity: .serious)
        console.wait(minutes: 30)
        #expect(console.screen.style(of: "向网信部门报告")?.tone == .normal)
        console.wait(minutes: 3 * 60 + 1)
        #expect(console.screen.style(of: "向网信部门报告")?.tone == .warning)
        #expect(console.screen.contains("紧急！剩余 0:29:00"))
        console.wait(minutes: 30)
        #expect(console.screen.style(of: "向网信部门报告")?.tone == .danger)
        #expect(console.screen.contains("已超时 0:01:00 · 截止 11-29 13:00"))
    }

    @Test func theHeaderClockTicks() {
        let console = ConsoleFixture()
        #expect(console.screen.contains("已历时 0:00:00"))
        console.clock.advance(seconds: 75)
        console.program.tick()
        #expect(console.screen.contains("已历时 0:01:15"))
    }

    @Test func assigningARoleShowsThePersonOnItsSteps() {
        let console = ConsoleFixture()
        console.press(.character("a"))
        #expect(console.screen.contains("> 应急指挥"), "the selected step's role is preselected")
        console.type("王磊")
        console.press(.enter)
        #expect(console.journal.state.assignments["commander"] == "王磊")
        console.press(.escape)
        #expect(console.screen.contains("王磊"))
    }

    // MARK: - Details

    @Test func enterOnAStepShowsItsGuidanceAndTheRuleOfItsDeadline() {
        let console = ConsoleFixture()
        console.press(.enter)
        #expect(console.screen.contains("负责：应急指挥"))
        #expect(console.screen.contains("内部遏制目标"))
        #expect(console.screen.contains("依据：internal policy"))
        console.press(.escape)
        #expect(!console.screen.contains("依据："))
    }

    @Test func tabReachesTheDeadlinesWhoseDetailsCiteTheirRule() {
        let console = ConsoleFixture(severity: .serious)
        console.press(.tab, .tab, .down, .enter)
        #expect(console.screen.contains("网络安全事件报告管理办法 第四条"))
    }

    @Test func enterOnATimelineEntryShowsItInFull() {
        let console = ConsoleFixture(size: Size(width: 80, height: 24))
        let long = String(repeating: "外包商导出客户名单", count: 12)
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": .string(long)])])
        console.program.refresh()
        #expect(!console.screen.contains(long))
        console.press(.tab, .enter)
        #expect(console.screen.contains("记录 #2"))
        #expect(console.screen.contains("备注：外包商导出客户名单外包商导出客户名单"))
    }

    // MARK: - Others' events, the timeline

    @Test func aColleaguesNoteAppearsOnTheNextRefresh() {
        let console = ConsoleFixture()
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "法务已通知网信办"])])
        #expect(!console.screen.contains("法务已通知网信办"))
        console.program.refresh()
        #expect(console.screen.contains("colleag… 备注：法务已通知网信办"))
    }

    @Test func theTimelineFollowsTheTailUntilScrolledAndCountsWhatArrivesMeanwhile() {
        let console = ConsoleFixture(size: Size(width: 80, height: 24))
        for number in 1...40 {
            console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": .string("进展 \(number)")])])
        }
        console.program.refresh()
        #expect(console.screen.contains("进展 40"))
        #expect(console.screen.contains("跟随最新"))
        console.press(.tab, .pageUp)
        #expect(!console.screen.contains("进展 40"))
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "进展 41"])])
        console.program.refresh()
        #expect(console.screen.contains("↓ 1 条新记录 (G)"))
        console.press(.character("G"))
        #expect(console.screen.contains("进展 41"))
        #expect(console.screen.contains("跟随最新"))
    }

    @Test func searchFindsTheNewestMatchThenOlderOnes() {
        let console = ConsoleFixture(size: Size(width: 80, height: 24))
        for text in ["关闭 SFTP 账号", "无关 1", "SFTP 日志已导出", "无关 2"] {
            console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": .string(text)])])
        }
        console.program.refresh()
        console.press(.character("/"))
        console.type("sftp")
        console.press(.enter)
        #expect(console.program.model.console?.searchHit == 3)
        #expect(console.screen.style(of: "SFTP 日志已导出")?.underline == true)
        console.press(.character("/"), .enter)
        #expect(console.program.model.console?.searchHit == 1)
        console.press(.character("/"))
        console.type("不存在")
        console.press(.enter)
        #expect(console.screen.contains("时间线中没有“不存在”"))
    }

    // MARK: - Leaving, modes, size

    @Test func quitAsksFirst() {
        let console = ConsoleFixture()
        console.press(.character("q"))
        #expect(console.screen.contains("退出 Cordon？"))
        console.press(.character("n"))
        #expect(!console.program.hasQuit)
        console.press(.character("q"), .character("y"))
        #expect(console.program.hasQuit)
    }

    @Test func aReadOnlyReplayRefusesEveryWriteKey() {
        let console = ConsoleFixture(mode: .replay)
        for key in [Key.space, .character("w"), .character("s"), .character("n"), .character(">"), .character("c"), .character("a")] {
            console.press(key)
        }
        #expect(console.journal.events.count == 1)
        #expect(console.program.model.dialog == nil)
        #expect(console.screen.contains("回放·只读"))
        #expect(console.screen.contains("回放为只读"))
        #expect(!console.screen.contains("空格 完成"), "write keys leave the hints")
    }

    @Test func aDrillShowsItsBannerOnEveryScreen() {
        let console = ConsoleFixture(id: "DRL-20261129-001", title: "数据室演练")
        #expect(console.screen.lines[0].hasPrefix(" 演练 DRILL "))
        console.press(.character("?"))
        #expect(console.screen.lines[0].hasPrefix(" 演练 DRILL "), "dialogs leave the header visible")
        console.program.resize(to: Size(width: 30, height: 8))
        #expect(console.screen.contains("演练 DRILL"))
    }

    @Test func belowTheMinimumSizeItSaysHowLargeItNeedsToBe() {
        let console = ConsoleFixture()
        console.program.resize(to: Size(width: 30, height: 8))
        #expect(console.screen.contains("终端窗口太小"))
        #expect(console.screen.contains("至少需要 60×18，当前 30×8。"))
        console.program.resize(to: Size(width: 80, height: 24))
        #expect(console.screen.contains("步骤 · 遏制"))
    }

    @Test func helpListsEveryKeyOfTheTable() {
        let console = ConsoleFixture(language: .en, size: Size(width: 120, height: 60))
        console.press(.character("?"))
        let screen = console.screen
        for binding in KeyTable.bindings where [.console, .dialog].contains(binding.context) && binding.request != .back {
            #expect(screen.contains(binding.help.en), "help shows: \(binding.help.en)")
        }
        console.press(.character("?"))
        #expect(console.program.model.dialog == nil)
    }

    @Test func englishIsComplete() {
        let console = ConsoleFixture(language: .en)
        console.press(.space)
        #expect(console.screen.contains("Recorded #2: done Isolate the source"))
        #expect(console.screen.contains("Steps · Containment"))
        #expect(console.screen.contains("space done") || console.screen.contains("Space done"))
    }
}
