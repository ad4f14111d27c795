import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// Findings and accountability from the console. Accountability shows on its own screen and
/// nowhere else: not in the main view, not in the timeline beyond its id, not in the overview.
@Suite struct FindingAndAccountabilityFormTests {
    // MARK: - Findings

    @Test func aTimelineEntryNeedsItsTimeAndRestsOnTheEvidenceTicked() throws {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("4"), .character("n"))
        console.type("内部人员用外包商账号登录堡垒机")
        console.press(.up, .right, .right)
        #expect(console.screen.contains("‹ 行为时间线 ›"))
        console.press(.enter)
        #expect(console.screen.contains("行为时间线条目需要发生时间，如 2026-11-28 23:10。"))
        #expect(console.screen.contains("内部人员用外包商账号登录堡垒机"), "the text stays")
        console.type("2026-11-28 23:10")
        console.press(.tab, .down, .space, .enter)
        let finding = try #require(console.journal.state.findings.last)
        #expect(finding.id == "F3")
        #expect(finding.kind == .timeline)
        #expect(finding.text == "内部人员用外包商账号登录堡垒机")
        #expect(finding.occurredAt == Timestamp(iso8601: "2026-11-28T23:10:00+08:00"))
        #expect(finding.evidence == ["E2"])
        #expect(console.screen.contains("> F3  ［行为时间线］内部人员用外包商账号登录堡垒机"))
    }

    @Test func aTimeThatIsNotOneIsRefusedAndTheFindingMustSaySomething() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("4"), .character("n"), .enter)
        #expect(console.screen.contains("请写下查明的结论。"))
        console.type("数据库审计告警未接入值班")
        console.press(.tab)
        console.type("昨天晚上")
        console.press(.enter)
        #expect(console.screen.contains("无法识别时间“昨天晚上”"))
        #expect(console.journal.events.count == 1)
    }

    @Test func aFindingIsWithdrawnWithAReasonOnceNothingRestsOnIt() throws {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("4"), .character("w"))
        #expect(console.screen.contains("撤回调查结论"))
        console.press(.enter)
        #expect(console.screen.contains("请写明撤回的原因"))
        console.type("复核后认定账号已启用双因素")
        console.press(.enter)
        #expect(console.screen.contains("追责记录 R1 以 F1 为依据；请先撤回"), "the rules' refusal, in the form")
        #expect(console.screen.contains("复核后认定账号已启用双因素"), "the reason typed stays")
        console.press(.escape, .down, .character("w"))
        console.type("时间与日志不符")
        console.press(.enter)
        let withdrawn = try #require(console.journal.state.findings.first { $0.id == "F2" })
        #expect(withdrawn.withdrawal?.reason == "时间与日志不符")
        #expect(console.screen.contains("（已撤回：时间与日志不符）"))
        console.press(.character("w"))
        #expect(console.screen.contains("F2 已撤回。"))
    }

    // MARK: - Accountability

    @Test func accountabilityIsRecordedOnItsOwnScreenAndShownNowhereElse() throws {
        let console = ConsoleFixture.records(size: Size(width: 80, height: 24))
        console.recordElsewhere(.addFinding(FindingInput(kind: .rootCause, text: "外包商共享账号未启用双因素认证")))
        console.recordElsewhere(.addFinding(FindingInput(kind: .contributing, text: "审计告警未接入值班")))
        console.press(.character("r"), .character("7"), .character("n"))
        console.type("张伟")
        console.press(.tab)
        console.type("未执行外包账号审批制度")
        console.press(.tab, .right)
        #expect(console.screen.contains("‹ F2 促成因素：审计告警未接入值班 ›"))
        console.press(.tab)
        console.type("通报批评")
        console.press(.enter)
        let entry = try #require(console.journal.state.accountability.first)
        #expect(entry.person == "张伟" && entry.finding == "F2" && entry.measure == "通报批评")
        #expect(console.screen.contains("> R1  张伟"), "its own screen shows it")
        #expect(console.screen.contains("依据：F2 促成因素：审计告警未接入值班"))

        console.press(.escape, .escape)
        #expect(console.program.model.dialog == nil)
        let main = console.screen
        #expect(!main.contains("张伟") && !main.contains("审批制度") && !main.contains("通报批评"), "the main view never names anyone:\(main)")
        #expect(main.contains("追责记录 R1 已登记"))
        console.press(.tab, .enter)
        #expect(!console.screen.contains("张伟"), "nor does the timeline entry's detail")
        console.press(.escape, .character("r"), .character("1"))
        #expect(!console.screen.contains("张伟") && console.screen.contains("追责记录不在此显示"), "nor the overview")
    }

    @Test func accountabilityNeedsAStandingFindingAndEveryField() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("7"), .character("n"))
        #expect(console.screen.contains("追责必须以调查结论为依据：请先在记录菜单的“调查结论”中记录。"))
        console.recordElsewhere(.addFinding(FindingInput(kind: .rootCause, text: "外包商共享账号未启用双因素认证")))
        console.press(.character("n"))
        console.type("张伟")
        console.press(.enter)
        #expect(console.screen.contains("请写明未履行的职责。"))
        console.type("未执行审批")
        console.press(.enter)
        #expect(console.screen.contains("请写明拟采取的处理措施。"))
        #expect(console.screen.contains("张伟") && console.screen.contains("未执行审批"))
        #expect(console.journal.state.accountability.isEmpty)
    }

    @Test func anEntryIsWithdrawnWithAReason() throws {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("7"), .character("w"))
        #expect(console.screen.contains("R1  张伟 · 未执行外包账号审批制度"))
        console.type("经复核不属其职责范围")
        console.press(.enter)
        let entry = try #require(console.journal.state.accountability.first)
        #expect(entry.withdrawal?.reason == "经复核不属其职责范围")
        #expect(console.screen.contains("已撤回：经复核不属其职责范围"))
        console.press(.escape, .escape)
        #expect(!console.screen.contains("经复核不属其职责范围"), "the reason stays on the accountability screen too")
    }
}
