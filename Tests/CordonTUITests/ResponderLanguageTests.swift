import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// What the console says in places a responder reads under stress: an inject already
/// answered, the briefing's seed, the keys a replay offers.
@Suite struct ResponderLanguageTests {
    @Test func anAnsweredInjectSaysSoAndEnterClosesItWithoutASecondAnswer() throws {
        let drill = DrillConsoleFixture()
        drill.press(.enter)
        drill.run(toOffset: 600)
        drill.press(.enter)
        drill.type("不予置评，正在核实")
        drill.press(.enter)
        #expect(drill.program.model.dialog == nil)
        drill.press(.character("i"))
        #expect(drill.screen.contains("已回应。Esc 关闭；↑↓ 查看其他注入（i 可随时找回）。"))
        #expect(!drill.screen.contains("按 Enter 写回应"))
        let events = drill.journal.events.count
        drill.press(.enter)
        #expect(drill.program.model.dialog == nil, "Enter closes an answered inject")
        #expect(drill.journal.events.count == events)
    }

    @Test func theBriefingKeepsTheSeedOptionOnOneLine() {
        let drill = DrillConsoleFixture(size: Size(width: 80, height: 24), seed: 330_084)
        #expect(drill.screen.contains("种子 330084（--seed 330084 可重演）"))
    }

    @Test func aReplayedAccountabilityScreenOffersOnlyKeysThatRead() {
        let replay = ReplayFixture(at: 3)
        replay.press(.character("r"), .character("7"))
        #expect(replay.screen.contains("追责（仅在此界面显示）"))
        #expect(replay.screen.contains("↑↓ 浏览  Esc 返回（回放只读）"))
        #expect(!replay.screen.contains("n 新增"))
    }

    @Test func aLiveAccountabilityScreenStillOffersToAdd() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("7"))
        #expect(console.screen.contains("n 新增  w 撤回  Esc 返回"))
    }
}

@Suite struct DeclareFormLayoutTests {
    @Test func everyValueOfTheDeclareFormStartsInOneColumn() throws {
        let program = ConsoleProgram(library: MemoryLibrary(), language: .zh, size: Size(width: 100, height: 30), clock: ManualClock(Fixtures.start))
        program.press([.character("d")])
        program.type("营销短信平台泄露")
        let lines = program.render().lines
        func column(of text: String) throws -> Int {
            let line = try #require(lines.first { $0.contains(text) })
            return DisplayWidth.of(String(line[..<line.range(of: text)!.lowerBound]))
        }
        let title = try column(of: "营销短信平台泄露")
        #expect(try column(of: "小剧本 (mini)") == title)
        #expect(try column(of: "暂不定级") == title)
        #expect(try column(of: "留空即现在") == title, "the placeholder of the detection time is not one column off")
        #expect(try column(of: "真实事件 INC") == title)
    }
}
