import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The home screen over an in-memory library: listing, declaring, opening, coming back.
@Suite struct HomeScreenTests {
    private func home(_ library: MemoryLibrary, language: Language = .zh) -> ConsoleProgram {
        ConsoleProgram(library: library, language: language, size: Size(width: 100, height: 30), clock: library.clock)
    }

    @Test func listsOpenIncidentsBeforeClosedOnesAndDrillsApart() throws {
        let library = MemoryLibrary()
        let closed = library.add(id: "INC-20261129-002", title: "已处置的短信平台泄露")
        try closed.perform(.advance(force: true, reason: "测试"))
        try closed.perform(.advance(force: true, reason: "测试"))
        try closed.perform(.advance(force: true, reason: "测试"))
        library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄", severity: .serious)
        library.add(id: "DRL-20261129-001", title: "数据室演练")
        let lines = home(library).render().lines
        let open = try #require(lines.firstIndex { $0.contains("催收外包商客户名单外泄") })
        let done = try #require(lines.firstIndex { $0.contains("已处置的短信平台泄露") })
        let drills = try #require(lines.firstIndex { $0.contains("演练 (1)") })
        #expect(open < done && done < drills)
        #expect(lines[open].contains("[较大]") && lines[open].contains("遏制"))
        #expect(lines[done].contains("已关闭"))
    }

    @Test func anEmptyHomeSaysHowToStart() {
        let program = home(MemoryLibrary())
        #expect(program.render().contains("还没有事件。按 d 宣布新事件。"))
        program.press(.enter)
        #expect(program.render().contains("还没有事件；按 d 宣布一个。"))
    }

    @Test func declaringFromTheFormOpensTheNewIncident() throws {
        let library = MemoryLibrary()
        let program = home(library)
        program.press(.character("d"))
        #expect(program.render().contains("宣布新事件"))
        program.type("营销短信平台泄露手机号")
        program.press(.tab, .right, .right, .tab)
        program.type("30m ago")
        program.press(.enter)
        let journal = try #require(library.journals["INC-20261129-001"])
        #expect(journal.state.title == "营销短信平台泄露手机号")
        #expect(journal.state.severity == .serious)
        #expect(program.render().contains("步骤 · 遏制"))
        #expect(program.render().lines[0].contains("营销短信平台泄露手机号"))
    }

    @Test func theFormRefusesWhatItCannotUse() {
        let library = MemoryLibrary()
        let program = home(library)
        program.press(.character("d"), .enter)
        #expect(program.render().contains("请给事件一个简短的标题"))
        program.type("标题")
        program.press(.tab, .tab)
        program.type("昨天下午")
        program.press(.enter)
        #expect(program.render().contains("无法识别发现时间“昨天下午”"))
        #expect(library.journals.isEmpty)
    }

    @Test func aDrillIsDeclaredUnderItsOwnIdAndShowsItsBanner() {
        let library = MemoryLibrary()
        let program = home(library)
        program.press(.character("d"))
        program.type("数据室超范围共享")
        program.press(.backTab, .backTab, .right, .enter)
        #expect(library.journals["DRL-20261129-001"] != nil)
        #expect(program.render().lines[0].hasPrefix(" 演练 DRILL "))
    }

    @Test func escapeReturnsFromTheConsoleToTheList() {
        let library = MemoryLibrary()
        library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄")
        let program = home(library)
        program.press(.enter, .space, .escape)
        #expect(program.journal == nil)
        #expect(program.render().contains("事件 (1)"))
        #expect(library.journals["INC-20261129-001"]!.state.stepState("isolate") == .done)
    }

    @Test func replayOpensReadOnly() {
        let library = MemoryLibrary()
        library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄")
        let program = home(library)
        program.press(.character("r"), .space)
        #expect(program.render().contains("回放·只读"))
        #expect(library.journals["INC-20261129-001"]!.events.count == 1)
    }

    @Test func openingAMissingIncidentShowsWhy() {
        let library = MemoryLibrary()
        library.add(id: "INC-20261129-001", title: "t")
        let program = home(library, language: .en)
        program.send(.homeLoaded(incidents: [IncidentListing(id: "INC-20261129-009", state: nil, problem: LocalizedText(zh: "坏了", en: "the timeline is damaged"))], drills: [], playbooks: []))
        program.press(.enter)
        #expect(program.render().contains("the timeline is damaged"))
    }
}

/// The home screen keeps each open incident's most urgent clock in view.
@Suite struct HomeScreenClockTests {
    @Test func eachOpenIncidentShowsItsMostUrgentRunningClock() throws {
        let library = MemoryLibrary()
        library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄", severity: .serious)
        library.add(id: "INC-20261129-002", title: "营销短信平台泄露手机号")
        library.clock.advance(seconds: 20 * 60)
        let program = ConsoleProgram(library: library, language: .zh, size: Size(width: 120, height: 30), clock: library.clock)
        let lines = program.render().lines
        let graded = try #require(lines.first { $0.contains("催收外包商客户名单外泄") })
        #expect(graded.hasSuffix("⏱ 剩余 0:40:00 内部遏制目标"), "the one-hour target has less left than the CAC's four hours")
        let ungraded = try #require(lines.first { $0.contains("营销短信平台泄露手机号") })
        #expect(ungraded.hasSuffix("⏱ 剩余 0:40:00 内部遏制目标"))

        library.clock.advance(seconds: 60 * 60)
        program.tick()
        let late = try #require(program.render().lines.first { $0.contains("催收外包商客户名单外泄") })
        #expect(late.hasSuffix("⏱ 超时 0:20:00 内部遏制目标"))
        #expect(program.render().style(of: "⏱ 超时 0:20:00")?.tone == .danger)
    }
}
