import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The facilitator's drill console driven by keys, with real time moved by hand: the drill
/// clock, injects on screen, the facilitator's controls, the end and the evaluation.
@Suite struct DrillConsoleTests {
    // MARK: - Starting

    @Test func itOpensOnTheBriefingWithTheClockHeldUntilEnter() {
        let drill = DrillConsoleFixture()
        #expect(drill.screen.contains("演练简报"))
        #expect(drill.screen.contains("客服接到客户投诉，称收到精准诈骗电话。"))
        #expect(drill.screen.contains("演练时钟停在 T+0:00:00"))
        drill.wait(millis: 600_000)
        #expect(drill.offset == 0, "ten minutes of reading out the briefing cost no drill time")
        drill.press(.enter)
        #expect(!drill.screen.contains("演练简报"))
        drill.wait(millis: 5000)
        #expect(drill.offset == 300, "five seconds at 60× are five minutes")
        #expect(drill.screen.contains("⏱ T+0:05:00/4:00:00 · ×60 · 下一注入 0:05:00 · 得分 0/35"))
    }

    @Test func theBannerIsOnEveryScreen() {
        let drill = DrillConsoleFixture()
        #expect(drill.screen.lines[0].hasPrefix(" 演练 DRILL "), "under the briefing")
        drill.press(.enter)
        drill.run(toOffset: 600)
        #expect(drill.screen.lines[0].hasPrefix(" 演练 DRILL "), "under an inject")
        drill.press(.escape, .character("?"))
        #expect(drill.screen.contains("帮助：按键"))
        #expect(drill.screen.lines[0].hasPrefix(" 演练 DRILL "), "under help")
        drill.press(.escape, .character("E"), .character("y"))
        #expect(drill.screen.contains("演练评估"))
        #expect(drill.screen.lines[0].hasPrefix(" 演练 DRILL "), "under the evaluation")
        drill.program.resize(to: Size(width: 30, height: 8))
        #expect(drill.screen.contains("演练 DRILL"), "even when the window is too small")
    }

    // MARK: - Injects

    @Test func anInjectShowsWhoFromAndIsAnsweredWithANote() throws {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.run(toOffset: 600)
        let inject = try #require(drill.journal.state.drill?.delivered.first)
        #expect(drill.journal.events.contains { $0.type == EventType.injectDelivered })
        #expect(drill.screen.contains("来自 " + inject.from.zh))
        #expect(drill.screen.contains(inject.message.zh))
        #expect(drill.screen.contains("计分：20 分钟内以备注回应得 5 分"))
        drill.type("nx")
        #expect(drill.journal.state.drill?.answers.isEmpty == true, "keys pressed as it pops up do not land in an answer")
        drill.press(.enter)
        drill.type("不予置评，正在核实")
        drill.press(.enter)
        #expect(drill.program.model.dialog == nil)
        #expect(drill.journal.events.last?.data.string("inject") == "reporter")
        #expect(drill.journal.events.last?.data.string("text") == "不予置评，正在核实")
        #expect(drill.screen.contains("回应注入 reporter：不予置评，正在核实"))
    }

    @Test func forcedFactsApplyAndInjectsArrivingUnderADialogWaitTheirTurn() {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.run(toOffset: 600)
        drill.press(.escape, .character("n"))
        drill.type("先保全")
        drill.run(toOffset: 1800)
        #expect(drill.screen.contains("添加备注"), "the note being typed stays in front")
        #expect(drill.screen.contains("新注入已送达"))
        #expect(drill.screen.contains("[较大]"), "the regulator's call forced a serious grading")
        #expect(drill.screen.contains("向网信部门报告"), "which started the CAC clock")
        drill.press(.enter)
        #expect(drill.journal.events.last?.data.string("text") == "先保全" || drill.screen.contains("来自 省网信办"))
        #expect(drill.screen.contains("来自 省网信办"), "the waiting inject opens once the note is recorded")
        #expect(drill.screen.contains("强制事实：级别定为 较大；受影响客户 32,000 人"))
        drill.press(.escape, .character("i"))
        #expect(drill.screen.contains("第 2/2 条"), "i brings back the latest inject not answered")
        drill.press(.up)
        #expect(drill.screen.contains("第 1/2 条 · T+0:10:00"))
    }

    // MARK: - The facilitator's controls

    @Test func pPausesTheClockAndResumesIt() {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.wait(millis: 2000)
        #expect(drill.screen.lines.last?.hasPrefix("p 暂停") == true, "the key hint says what p does now")
        drill.press(.character("p"))
        #expect(drill.screen.contains("×60 ⏸ 已暂停"))
        #expect(drill.screen.contains("p 继续"))
        #expect(drill.screen.lines.last?.hasPrefix("p 继续") == true, "paused, the hint offers to resume: \(drill.screen.lines.last ?? "")")
        drill.wait(millis: 3_600_000)
        #expect(drill.offset == 120)
        drill.press(.character("p"))
        drill.wait(millis: 1000)
        #expect(drill.offset == 180)
        #expect(drill.screen.lines.last?.hasPrefix("p 暂停") == true)
    }

    @Test func pPausesTheClockFromAnInjectWhileOthersWait() {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.run(toOffset: 600)
        #expect(drill.screen.contains("p 暂停/继续"))
        drill.press(.character("p"))
        #expect(drill.screen.contains("⏸ 已暂停"), "the facilitator stops a fast drill without closing the inject first")
        #expect(drill.program.model.dialog is InjectDialog, "the inject stays open")
        let offset = drill.offset
        drill.wait(millis: 3_600_000)
        #expect(drill.offset == offset)
        drill.press(.character("p"))
        #expect(!drill.screen.contains("⏸ 已暂停"))
        #expect(drill.program.model.dialog is InjectDialog)
    }

    @Test func theResumeHintIsInBothLanguages() {
        let drill = DrillConsoleFixture(language: .en)
        #expect(drill.screen.lines.last?.hasPrefix("p resume") == true, "held for the briefing")
        drill.press(.enter)
        #expect(drill.screen.lines.last?.hasPrefix("p pause") == true)
    }

    @Test func fJumpsToTheNextInjectAndDeliversIt() {
        let drill = DrillConsoleFixture()
        drill.press(.enter, .character("f"))
        #expect(drill.offset == 600)
        #expect(drill.journal.state.drill?.delivered.count == 1, "delivered with the same key press")
        #expect(drill.screen.contains("第 1/1 条 · T+0:10:00"))
        drill.press(.escape, .character("f"))
        #expect(drill.offset == 1800)
        #expect(drill.journal.state.severity == .serious)
    }

    @Test func plusAndMinusChangeTheClocksSpeed() {
        let drill = DrillConsoleFixture()
        drill.press(.enter, .character("+"))
        #expect(drill.journal.state.drill?.clock.speed == 120)
        drill.press(.character("-"), .character("-"))
        #expect(drill.journal.state.drill?.clock.speed == 20)
        #expect(drill.program.tickInterval == 100, "a fast clock asks for frequent frames")
    }

    @Test func aConsoleThatDoesNotConductTheDrillLeavesTheClockAlone() {
        let facilitator = DrillConsoleFixture()
        facilitator.press(.enter)
        facilitator.run(toOffset: 600)
        let participant = ConsoleProgram(journal: facilitator.journal, language: .zh, size: Size(width: 100, height: 30), clock: facilitator.journal.wall)
        #expect(participant.render().lines[0].hasPrefix(" 演练 DRILL "))
        #expect(participant.render().contains("⏱ T+0:10:00/4:00:00 · ×60"), "the drill clock read from the timeline")
        participant.press(.character("p"))
        #expect(participant.render().contains("演练时钟由主持人的控制台掌控"))
        #expect(facilitator.journal.state.drill?.clock.isRunning == true)
        participant.press(.character("i"), .enter)
        participant.type("记者电话已转公关")
        participant.press(.enter)
        #expect(facilitator.journal.state.drill?.answer(to: "reporter") != nil, "a participant may answer an inject")
        participant.press(.character("q"), .character("y"))
        #expect(facilitator.journal.state.drill?.hasEnded == false, "only the facilitator's quitting ends the drill")
    }

    // MARK: - Ending

    @Test func theFacilitatorEndsTheDrillAfterConfirmingAndSeesTheEvaluation() {
        let drill = DrillConsoleFixture(language: .en)
        drill.press(.enter)
        drill.wait(millis: 5000)
        drill.press(.space)
        drill.press(.character("E"))
        #expect(drill.screen.contains("End the drill now? It is scored as it stands (now"))
        #expect(drill.screen.contains("10/35). Afterwards only notes, lessons and improvement"))
        drill.press(.character("n"))
        #expect(drill.journal.state.drill?.hasEnded == false)
        drill.press(.character("E"), .character("y"))
        #expect(drill.journal.state.drill?.hasEnded == true)
        let screen = drill.screen
        #expect(screen.contains("Score 10 / 35 · ended T+0:05:00 (ended by the facilitator)"))
        #expect(screen.contains("1. Isolate the source done within 30 min · 10/10 · ✅ met T+0:05:00"))
        #expect(screen.contains("Deadline met: Report to the CAC · 0/20 · ❌ missed T+0:05:00"))
        #expect(screen.contains("the deadline never started"))
        drill.press(.escape)
        #expect(drill.screen.contains("⏱ T+0:05:00/4:00:00 · ended · score 10/35"))
        drill.press(.character("p"))
        #expect(drill.screen.contains("The drill has ended; its clock has stopped."))
        drill.press(.character("E"))
        #expect(drill.screen.contains("Drill evaluation"), "E shows the evaluation again")
    }

    @Test func lessonsAndImprovementActionsAreRecordedFromTheEvaluation() throws {
        let drill = DrillConsoleFixture()
        drill.press(.enter, .character("E"), .character("y"))
        drill.press(.character("l"))
        drill.type("记者来电应有统一口径")
        drill.press(.enter)
        #expect(drill.screen.contains("演练评估"), "back to the evaluation once recorded")
        #expect(drill.screen.contains("记者来电应有统一口径 — facilitator"))
        drill.press(.character("a"))
        drill.type("制定媒体问询口径模板")
        drill.press(.enter)
        #expect(drill.screen.contains("请指定负责人"))
        drill.type("李娜")
        drill.press(.tab, .end)
        for _ in 0..<10 { drill.press(.backspace) }
        drill.type("+14d")
        drill.press(.enter)
        let action = try #require(drill.journal.state.actions.first)
        #expect(action.title == "制定媒体问询口径模板")
        #expect(action.owner == "李娜")
        #expect(action.due.description == "2026-12-13")
        #expect(drill.journal.state.drill?.debrief.map(\.kind) == [.lesson])
        #expect(drill.screen.contains("A1  2026-12-13  待办  李娜  制定媒体问询口径模板"))
        drill.press(.escape, .character("n"))
        drill.type("复盘会定于周五")
        drill.press(.enter)
        #expect(drill.journal.events.last?.type == EventType.noteAdded, "notes still go in after the end")
    }

    @Test func theDrillEndsByItselfWhenItsTimeIsUpAndOpensTheEvaluation() {
        let drill = DrillConsoleFixture(speed: 3600)
        drill.press(.enter)
        drill.run(toOffset: 4 * 3600)
        #expect(drill.journal.state.drill?.endReason == "time")
        #expect(drill.journal.state.drill?.score == 0)
        for from in ["来自 21世纪经济报道记者", "来自 省网信办", "来自 威胁情报"] {
            #expect(drill.screen.contains(from), "the injects that fell on the way wait their turn")
            drill.press(.escape)
        }
        #expect(drill.screen.contains("演练评估"))
        #expect(drill.screen.contains("得分 0 / 35 · 结束于 T+4:00:00（时间到）"))
    }

    @Test func quittingEndsAndScoresADrillStillRunning() {
        let drill = DrillConsoleFixture()
        drill.press(.enter, .space, .character("q"))
        #expect(drill.screen.contains("演练仍在进行：退出会结束演练并按此"))
        drill.press(.character("y"))
        #expect(drill.program.hasQuit)
        #expect(drill.journal.state.drill?.endReason == "facilitator")
        #expect(drill.journal.state.drill?.score == 10)
    }

    @Test func aStopSignalEndsAndScoresTheDrillToo() {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), inputs: [.signal(15)])
        #expect(ConsoleLoop.run(drill.program, on: terminal) == .signal(15))
        #expect(drill.journal.state.drill?.hasEnded == true)
        #expect(drill.journal.state.drill?.endReason == "signal")
    }

    @Test func aHangUpIsRecordedAsSuchAndTheEvaluationSaysSoInBothLanguages() {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.wait(millis: 5000)
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), inputs: [.signal(1)])
        #expect(ConsoleLoop.run(drill.program, on: terminal) == .signal(1))
        #expect(drill.journal.state.drill?.endReason == "hangup", "not the facilitator's choice: their line dropped")
        for (language, text) in [(Language.zh, "结束于 T+0:05:00（主持人的终端断开（挂断））"), (.en, "ended T+0:05:00 (the facilitator's terminal hung up)")] {
            let colleague = ConsoleProgram(journal: drill.journal, language: language, size: Size(width: 120, height: 40), clock: drill.journal.wall)
            colleague.press(.character("E"))
            #expect(colleague.render().contains(text), "\(language)")
        }
    }

    @Test func escDoesNotLeaveARunningDrillBehind() {
        let library = MemoryLibrary()
        let program = ConsoleProgram(library: library, language: .zh, size: Size(width: 100, height: 30), clock: library.clock)
        program.press(.character("D"), .enter, .enter, .escape)
        #expect(program.render().contains("演练仍在进行：先按 E 结束并评分"))
        #expect(program.conductor != nil)
    }

    // MARK: - From the home screen

    @Test func theHomeScreenStartsADrillFromAScenarioAndListsItsScore() throws {
        let library = MemoryLibrary()
        let program = ConsoleProgram(library: library, language: .zh, size: Size(width: 100, height: 30), clock: library.clock)
        program.press(.character("D"))
        #expect(program.render().contains("开始演练"))
        #expect(program.render().contains("> 小演练"))
        program.press(.right, .right, .right)
        #expect(program.render().contains("‹ ×10 ›"))
        program.press(.enter)
        let drill = try #require(library.drills.values.first)
        #expect(drill.state.drill?.clock.speed == 10)
        #expect(program.render().contains("演练简报"))
        program.press(.enter, .character("E"), .character("y"), .escape, .escape)
        #expect(program.render().contains("演练 (1)"))
        #expect(program.render().contains("得分 0/35"))
    }

    @Test func aDrillLeftRunningIsTakenOverFromTheHomeScreen() throws {
        let library = MemoryLibrary()
        let first = ConsoleProgram(library: library, language: .zh, size: Size(width: 100, height: 30), clock: library.clock)
        first.press(.character("D"), .enter, .enter)
        let drill = try #require(library.drills.values.first)
        #expect(first.conductor != nil)
        // That console is gone; another facilitator starts cordon and opens the drill.
        drill.actor = "lina"
        let second = ConsoleProgram(library: library, language: .zh, size: Size(width: 100, height: 30), clock: library.clock)
        second.press(.enter)
        #expect(second.render().contains("T 接管"))
        second.press(.character("T"))
        #expect(second.render().contains("上一位主持人：facilitator"))
        second.press(.character("y"))
        #expect(drill.state.drill?.facilitator == "lina")
        #expect(second.conductor?.isConducting == true)
        #expect(second.render().lines.last?.hasPrefix("p 继续") == true)
        second.press(.escape)
        #expect(second.render().contains("演练仍在进行：先按 E 结束并评分"), "the new facilitator, too, ends the drill before leaving it")
    }

    // MARK: - Deadlines to check with legal

    @Test func theDeadlinePaneMarksLimitsThatAreNotConfirmedLaw() {
        var playbook = Fixtures.playbook
        playbook.deadlines[0].verify = true
        let journal = MemoryJournal(playbook: playbook, severity: .serious)
        for language in Language.allCases {
            let program = ConsoleProgram(journal: journal, language: language, size: Size(width: 80, height: 24), clock: journal.clock)
            let row = program.render().lines.first { $0.contains(playbook.deadlines[0].title[language]) } ?? ""
            #expect(row.contains(language == .zh ? "⚠待法务确认" : "⚠ check with legal"), "\(row)")
            let other = program.render().lines.first { $0.contains(playbook.deadlines[1].title[language]) } ?? ""
            #expect(!other.contains("⚠"))
        }
    }
}
