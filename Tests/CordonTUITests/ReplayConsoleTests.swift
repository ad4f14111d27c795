import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The replay player over the one console view, driven by keys with real time moved by hand.
@Suite struct ReplayConsoleTests {
    // MARK: - At the cursor, everything as it was then

    @Test func everyEventShowsTheStateFoldedUpToItAndTheTimelineUpToIt() throws {
        let replay = ReplayFixture()
        let events = replay.source.events
        for seq in 1...events.count {
            let console = try #require(replay.program.model.console)
            #expect(console.incident == (try IncidentState.fold(Array(events.prefix(seq)))), "state at #\(seq)")
            #expect(replay.program.timeline.count == seq)
            #expect(replay.program.model.now == events[seq - 1].ts, "the clocks read at #\(seq)'s own time")
            replay.press(.right)
        }
        #expect(replay.player.isAtEnd)
    }

    @Test func theDeadlineClocksShowTheTimeLeftThen() {
        let replay = ReplayFixture(at: 5)
        #expect(replay.screen.contains("剩余 3:39:00"), "21 minutes after grading, the 4-hour CAC clock had 3:39 left")
        replay.press(.end)
        #expect(replay.screen.contains("已满足 · 11-29 12:58"))
        replay.press(.home)
        #expect(replay.screen.contains("剩余 4:00:00"))
    }

    @Test func stepsPhaseAndSeverityFollowTheCursorBackAndForth() {
        let replay = ReplayFixture(at: 7)
        #expect(replay.screen.contains(" 2 通报 "), "advanced to notification at #7")
        #expect(replay.screen.contains("步骤 · 通报"))
        replay.press(.left)
        #expect(replay.screen.contains(" 1 遏制 "))
        #expect(replay.screen.contains("[x] 保全证据*"))
        replay.press(.left)
        #expect(replay.screen.contains("[>] 保全证据*"), "one event earlier the step was under way")
        replay.press(.character(","))
        #expect(replay.player.position.seq == 4)
        #expect(replay.screen.contains("备注：法务已电话联系省网信办值班室"))
        #expect(!replay.screen.contains("开始 保全证据"), "the timeline ends at the cursor")
    }

    @Test func bracketsJumpBetweenPhaseBoundaries() {
        let replay = ReplayFixture(at: 3)
        replay.press(.character("]"))
        #expect(replay.player.position.seq == 7)
        replay.press(.character("]"))
        #expect(replay.player.isAtEnd)
        replay.press(.character("["))
        #expect(replay.player.position.seq == 7)
        replay.press(.character("["))
        #expect(replay.player.position.seq == 1)
    }

    // MARK: - Playing

    @Test func spacePlaysAtTheChosenSpeedAndPauses() {
        let replay = ReplayFixture()
        #expect(replay.screen.contains("⏸ 已暂停 ×10 · 第 1/9 条"))
        replay.press(.space)
        #expect(replay.screen.contains("▶ 播放中 ×10"))
        replay.play(millis: 1900)
        #expect(replay.player.position.seq == 1, "the first 12 minutes are a long gap, crossed in two seconds")
        replay.play(millis: 200)
        #expect(replay.player.position.seq == 3, "both events of 09:12 arrive together")
        replay.play(millis: 53_800)
        #expect(replay.player.position.seq == 3, "9 minutes at 10× take 54 seconds")
        replay.play(millis: 300)
        #expect(replay.player.position.seq == 5)
        replay.press(.character("+"), .character("+"))
        #expect(replay.player.speed == 50)
        replay.press(.space)
        let paused = replay.player.position
        replay.play(millis: 60_000)
        #expect(replay.player.position == paused)
        replay.press(.character("-"))
        #expect(replay.player.speed == 20)
    }

    @Test func aLongGapIsCrossedInTwoSecondsAndSaysSo() {
        let replay = ReplayFixture(at: 7)
        replay.press(.space)
        replay.play(millis: 1000)
        #expect(replay.player.position.seq == 7)
        #expect(replay.screen.contains("⋯ 3 小时 14 分钟 空档，压缩播放"), "Chinese text says 小时, not h")
        #expect(replay.screen.contains("≈"), "the scrub bar marks the compressed gap")
        replay.play(millis: 1000)
        #expect(replay.player.position.seq == 8, "3h14m crossed in two seconds at 10×")
        #expect(!replay.screen.contains("空档，压缩播放"))
    }

    @Test func theScrubBarMarksPhasesAndTheHead() {
        let replay = ReplayFixture(at: 5)
        let bar = replay.screen.lines[replay.screen.lines.count - 4]
        #expect(bar.contains("●"))
        #expect(bar.contains("┃"), "the move into notification")
        #expect(bar.hasPrefix(" ┃━"), "the declaration opens the first phase, played already")
    }

    // MARK: - Read-only

    @Test func writeKeysAreRefusedWithAClearMessage() {
        let replay = ReplayFixture(at: 3)
        for key in [Key.character("n"), .character("s"), .character(">"), .character("c"), .character("a"), .character("w")] {
            replay.press(key)
            #expect(replay.program.model.dialog == nil)
        }
        #expect(replay.screen.contains("回放为只读：这个键会写入记录，已停用；要处置请用 cordon open INC-20261129-001"))
        #expect(replay.source.events.count == 9)
    }

    @Test func helpListsThePlayerKeysAndWhatTheConsoleKeysStillDo() {
        let replay = ReplayFixture(language: .en, size: Size(width: 120, height: 60))
        replay.press(.character("?"))
        let screen = replay.screen
        for binding in KeyTable.bindings where binding.context == .replay {
            #expect(screen.contains(binding.help.en), "help shows: \(binding.help.en)")
        }
        #expect(screen.lines.firstIndex { $0.contains("Replay player") }! < screen.lines.firstIndex { $0.contains("Incident console") }!)
        #expect(!screen.contains("Mark the selected step done"), "Space plays here, so it is not listed as completing a step")
        #expect(screen.lines[0].contains("REPLAY · read-only"))
    }

    @Test func theHomeScreensReplayKeyOpensThePlayer() {
        let library = MemoryLibrary()
        let journal = library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄", severity: .serious)
        library.clock.advance(seconds: 600)
        _ = try? journal.perform(.step("isolate", .done))
        let program = ConsoleProgram(library: library, language: .zh, size: Size(width: 100, height: 30), clock: library.clock)
        program.press(.character("r"))
        #expect(program.render().contains("⏸ 已暂停 ×10 · 第 1/2 条"))
        program.press(.right)
        #expect(program.render().contains("完成 隔离泄露源"))
        program.press(.escape)
        #expect(program.render().contains("事件 (1)"), "Esc goes back home")
    }

    // MARK: - Drills

    @Test func aReplayedDrillShowsItsInjectsWhereTheyFell() throws {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.run(toOffset: 2000)
        let replay = ReplayFixture(at: 1, source: drill.journal)
        #expect(replay.screen.lines[0].hasPrefix(" 演练 DRILL   回放·只读 "))
        let bar = replay.screen.lines[replay.screen.lines.count - 5]
        #expect(bar.filter { $0 == "◆" }.count == 2, "two injects delivered by 33 minutes: \(bar)")
        let inject = try #require(drill.journal.events.first { $0.type == EventType.injectDelivered })
        for _ in 1..<inject.seq { replay.press(.right) }
        #expect(replay.screen.contains("注入 · 财新记者：你们是否泄露了客户信息？") || replay.screen.contains("注入 · 21世纪经济报道记者：我们拿到了样本。"))
        #expect(replay.screen.contains("⏱ T+0:10:00"), "the drill clock as it read then")
    }

}
