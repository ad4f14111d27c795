import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The main screens at 80×24 and 120×40 in both languages, compared with text files in
/// `Snapshots/` (re-recorded with `CORDON_RECORD_SNAPSHOTS=1`).
@Suite struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let cases: [(Language, Size)] = Language.allCases.flatMap { language in sizes.map { (language, $0) } }

    private func name(_ screen: String, _ language: Language, _ size: Size) -> String {
        "\(screen)-\(language.rawValue)-\(size.width)x\(size.height)"
    }

    /// An incident forty minutes in: graded, a step done, a commander named, notes from two people.
    private func workedIncident(_ language: Language, _ size: Size) -> ConsoleFixture {
        let console = ConsoleFixture(language: language, size: size, severity: .serious)
        console.wait(minutes: 12)
        console.press(.space)
        console.press(.character("a"))
        console.type("王磊")
        console.press(.enter)
        // The assign dialog stays open for the next role.
        console.press(.escape)
        console.wait(minutes: 9)
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "法务已电话联系省网信办值班室，要求 4 小时内报送初报"])], actor: "lina")
        console.program.refresh()
        console.press(.down, .character("w"))
        console.wait(minutes: 19)
        console.press(.character("n"))
        console.type("外包商确认 SFTP 账号已停用，日志已导出封存 (SHA-256 已登记)")
        console.press(.enter)
        return console
    }

    @Test(arguments: cases) func console(language: Language, size: Size) {
        Snapshot.check(workedIncident(language, size).screen, named: name("console", language, size))
    }

    @Test(arguments: cases) func help(language: Language, size: Size) {
        let console = workedIncident(language, size)
        console.press(.character("?"))
        Snapshot.check(console.screen, named: name("help", language, size))
    }

    @Test(arguments: cases) func advanceRefusedDialog(language: Language, size: Size) {
        let console = workedIncident(language, size)
        console.press(.character(">"))
        Snapshot.check(console.screen, named: name("dialog-advance", language, size))
    }

    @Test(arguments: cases) func noteDialog(language: Language, size: Size) {
        let console = workedIncident(language, size)
        console.press(.character("n"))
        console.type("数据室访问日志显示买方顾问于 08:12 下载了完整客户表")
        Snapshot.check(console.screen, named: name("dialog-note", language, size))
    }

    @Test(arguments: cases) func home(language: Language, size: Size) throws {
        let library = MemoryLibrary()
        let closed = library.add(id: "INC-20261128-001", title: "营销短信平台泄露手机号", severity: .general)
        for _ in 0..<3 { try closed.perform(.advance(force: true, reason: "演示")) }
        let open = library.add(id: "INC-20261129-001", title: "催收外包商客户名单外泄", severity: .serious)
        try open.perform(.step("isolate", .done))
        library.add(id: "DRL-20261129-001", title: "尽调数据室超范围共享（演练）")
        let program = ConsoleProgram(library: library, language: language, size: size, clock: library.clock)
        Snapshot.check(program.render(), named: name("home", language, size))
    }

    // MARK: - Replay and drills

    /// The player standing at 09:21, after the note from legal, with the CAC clock then.
    @Test(arguments: cases) func replayPlayer(language: Language, size: Size) {
        let replay = ReplayFixture(language: language, size: size, at: 5)
        Snapshot.check(replay.screen, named: name("replay", language, size))
    }

    /// A drill ten minutes in at 60×: the source isolated, the reporter's call on screen.
    private func drillAtTheFirstInject(_ language: Language, _ size: Size) -> DrillConsoleFixture {
        let drill = DrillConsoleFixture(language: language, size: size)
        drill.press(.enter)
        drill.wait(millis: 5000)
        drill.press(.space)
        drill.run(toOffset: 600)
        return drill
    }

    @Test(arguments: cases) func drillInject(language: Language, size: Size) {
        Snapshot.check(drillAtTheFirstInject(language, size).screen, named: name("drill-inject", language, size))
    }

    /// The same drill answered, graded by the regulator's call, ended, with a lesson and an action.
    @Test(arguments: cases) func drillEvaluation(language: Language, size: Size) {
        let drill = drillAtTheFirstInject(language, size)
        drill.press(.enter)
        drill.type("不予置评，正在核实")
        drill.press(.enter)
        drill.run(toOffset: 1800)
        drill.press(.escape, .character("E"), .character("y"), .character("l"))
        drill.type("记者来电须先转公关统一口径")
        drill.press(.enter, .character("a"))
        drill.type("制定媒体问询口径模板")
        drill.press(.tab)
        drill.type("李娜")
        drill.press(.tab)
        drill.type("+30d")
        drill.press(.enter)
        Snapshot.check(drill.screen, named: name("drill-evaluation", language, size))
    }

    @Test(arguments: Language.allCases, [Size(width: 59, height: 17), Size(width: 30, height: 8)])
    func tooSmall(language: Language, size: Size) {
        let console = ConsoleFixture(language: language, size: size)
        Snapshot.check(console.screen, named: name("too-small", language, size))
    }
}
