import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The review screen (`v` on the home screen) and the planned drills on the home screen.
@Suite struct ReviewScreenTests {
    /// Two runs of the mini drill (the second isolates in time and answers the reporter), an
    /// incident with an overdue action and an open one, and a plan with one drill overdue.
    private func library() throws -> MemoryLibrary {
        let library = MemoryLibrary()
        for (isolate, answer) in [(false, false), (true, true)] {
            let opening = try library.declareDrill(scenario: "mini-drill", language: .zh)
            let journal = try #require(opening.journal as? MemoryDrillJournal)
            let conductor = DrillConductor(journal: journal, scenario: opening.scenario)
            try conductor.start(speed: 1, seed: 1)
            try journal.run(conductor, toOffset: 12 * 60)
            if isolate { try journal.perform(.step("isolate", .done)) }
            if answer { try conductor.answer(inject: "reporter", text: "正在核实") }
            try conductor.end()
        }
        let incident = library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄", severity: .serious)
        try incident.perform(.record(.addAction(ActionInput(title: "外包商账号启用双因素认证", owner: "李明", due: DueDate(iso: "2026-11-20")!))))
        try incident.perform(.record(.addAction(ActionInput(title: "复核外包商账号权限", owner: "赵强", due: DueDate(iso: "2026-12-20")!))))
        library.programme = DrillProgramme(entries: [
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2026-11-30")!),
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2026-11-15")!),
            PlannedDrill(scenario: "mini-drill", due: DueDate(iso: "2027-03-31")!),
            PlannedDrill(scenario: "other-drill", due: DueDate(iso: "2026-11-01")!),
        ])
        return library
    }

    private func program(_ library: MemoryLibrary, _ language: Language, _ size: Size) -> ConsoleProgram {
        ConsoleProgram(library: library, language: language, size: size, clock: library.clock)
    }

    @Test(arguments: SnapshotTests.cases) func reviewScreen(language: Language, size: Size) throws {
        let program = program(try library(), language, size)
        program.press(.character("v"))
        Snapshot.check(program.render(), named: "review-\(language.rawValue)-\(size.width)x\(size.height)")
    }

    @Test func overdueActionsComeFirstAndEachScenarioHasASparkline() throws {
        let program = program(try library(), .en, Size(width: 100, height: 30))
        program.press(.character("v"))
        let lines = program.render().lines
        let overdue = try #require(lines.firstIndex { $0.contains("! overdue") && $0.contains("A1") })
        let scores = try #require(lines.firstIndex { $0.contains("mini-drill") && $0.contains("▁▄") })
        #expect(overdue < scores, "overdue actions before anything else")
        #expect(lines[scores].contains("0% → 43%"))
        #expect(lines.contains { $0.contains("2026-11-01  other-drill  overdue by 28 days") })
        let small = self.program(try library(), .en, Size(width: 80, height: 24))
        small.press(.character("v"))
        for _ in 0..<40 { small.press(.down) }
        #expect(small.render().lines.contains { $0.contains("2027-03-31  mini-drill  due in 122 days") }, "scrolled to the end of the plan")
        small.press(.up)
        #expect(small.render().contains("lines 2–21 of 22"), "one up from the bottom, however far down was pressed")

        program.press(.escape)
        #expect(program.render().contains("Incidents (1)"), "Esc goes back to the home screen")
    }

    @Test func theHomeScreenNamesTheNextPlannedDrillAndEveryOverdueOne() throws {
        let lines = program(try library(), .zh, Size(width: 100, height: 30)).render().lines
        #expect(lines.contains { $0.contains("! 计划演练 other-drill 2026-11-01：已逾期 28 天") })
        #expect(lines.contains { $0.contains("下一次计划演练 mini-drill 2027-03-31：122 天后到期") }, "the two runs did the two earlier ones")
        #expect(!lines.contains { $0.contains("2026-11-15") }, "done ones are not repeated on the home screen")
    }
}
