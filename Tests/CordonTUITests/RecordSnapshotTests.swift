import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The records menu, the scope form with its suggestion and the accountability screen at 80×24
/// and 120×40 in both languages, compared with `Snapshots/` (re-recorded with
/// `CORDON_RECORD_SNAPSHOTS=1`).
@Suite struct RecordSnapshotTests {
    private func name(_ screen: String, _ language: Language, _ size: Size) -> String {
        "\(screen)-\(language.rawValue)-\(size.width)x\(size.height)"
    }

    /// An incident twenty minutes in, with its investigation recorded by a colleague.
    private func investigated(_ language: Language, _ size: Size) -> ConsoleFixture {
        let console = ConsoleFixture.records(language: language, size: size, severity: .general)
        console.wait(minutes: 20)
        console.investigate()
        return console
    }

    @Test(arguments: SnapshotTests.cases) func recordsMenu(language: Language, size: Size) {
        let console = investigated(language, size)
        console.press(.character("r"))
        Snapshot.check(console.screen, named: name("records-menu", language, size))
    }

    @Test(arguments: SnapshotTests.cases) func scopeFormWithItsSuggestion(language: Language, size: Size) {
        let console = investigated(language, size)
        console.press(.character("r"), .character("3"), .down, .down, .down, .space, .tab, .tab)
        for _ in 0..<6 { console.press(.backspace) }
        console.type("1200000")
        Snapshot.check(console.screen, named: name("form-scope", language, size))
    }

    @Test(arguments: SnapshotTests.cases) func accountabilityScreen(language: Language, size: Size) {
        let console = investigated(language, size)
        console.recordElsewhere(.addFinding(FindingInput(kind: .contributing, text: "数据库审计告警未接入值班")))
        console.recordElsewhere(.addAccountability(AccountabilityInput(person: "刘洋", duty: "告警值班安排缺位", finding: "F3", measure: "书面检查")))
        console.recordElsewhere(.withdrawAccountability(id: "R2", reason: "值班安排属外包商责任"))
        console.press(.character("r"), .character("7"))
        Snapshot.check(console.screen, named: name("accountability", language, size))
    }
}
