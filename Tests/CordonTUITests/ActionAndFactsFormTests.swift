import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// Improvement actions, notice facts and the overview from the console, and the counts the
/// main view shows. The clock moves only when told, so "overdue" is a matter of days passed.
@Suite struct ActionAndFactsFormTests {
    // MARK: - Actions

    @Test func anActionIsAddedWithOwnerDueDateAndTheFindingItAnswers() throws {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("5"), .character("n"))
        console.type("审计告警接入值班系统")
        console.press(.tab)
        console.type("赵磊")
        console.press(.tab)
        console.type("+30d")
        console.press(.tab, .right)
        console.press(.enter)
        let action = try #require(console.journal.state.actions.last)
        #expect(action.id == "A2" && action.title == "审计告警接入值班系统" && action.owner == "赵磊")
        #expect(action.due == DueDate(year: 2026, month: 12, day: 29))
        #expect(action.finding == "F1")
        #expect(console.screen.contains("> A2  2026-12-29  待办  赵磊  审计告警接入值班系统"))
    }

    @Test func theFormTakesADueDateSpeltInChineseAsTheCommandLineDoes() throws {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("5"), .character("n"))
        console.type("外包商账号启用双因素认证")
        console.press(.tab)
        console.type("李明")
        console.press(.tab)
        console.type("+30天")
        console.press(.enter)
        let action = try #require(console.journal.state.actions.last)
        #expect(action.due == DueDate(year: 2026, month: 12, day: 29), "+30天 is +30d")
    }

    @Test func aDueDateThatIsNotOneIsRefusedKeepingTheRest() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("5"), .character("n"))
        console.type("外包商账号启用双因素认证")
        console.press(.tab)
        console.type("李明")
        console.press(.enter)
        #expect(console.screen.contains("请写完成期限：2026-12-31，或 +30天（+30d）表示 30 天后。"))
        console.type("月底")
        console.press(.enter)
        #expect(console.screen.contains("月底") && console.screen.contains("李明") && console.screen.contains("外包商账号启用双因素认证"))
        #expect(console.journal.state.actions.isEmpty)
    }

    @Test func overdueActionsAreMarkedInTheListTheMenuAndTheMainView() {
        let console = ConsoleFixture.records(size: Size(width: 80, height: 24))
        console.investigate()
        #expect(console.screen.contains("证据 2 · 结论 2 · 措施 1 ──"))
        console.wait(minutes: 33 * 24 * 60)
        #expect(console.screen.contains("证据 2 · 结论 2 · 措施 1（逾期 1）"))
        #expect(console.screen.style(of: "措施 1（逾期 1）")?.tone == .warning)
        console.press(.character("r"))
        #expect(console.screen.contains("1 项未完成，1 项逾期"))
        console.press(.character("5"))
        #expect(console.screen.contains("1 项已逾期。"))
        #expect(console.screen.contains("A1  2026-12-31  逾期 1 天  待办  李明"))
        #expect(console.screen.style(of: "A1  2026-12-31  逾期 1 天")?.tone == .danger)
    }

    @Test func droppingAnActionNeedsANoteAndUpdatesWorkAfterClosing() throws {
        let console = ConsoleFixture.records()
        console.investigate()
        try console.journal.close()
        console.program.refresh()
        console.press(.character("r"), .character("5"), .enter)
        #expect(console.screen.contains("‹ 待办 ›"))
        console.press(.left, .enter)
        #expect(console.screen.contains("放弃改进措施需要说明原因。"))
        console.type("外包合同已终止，账号全部注销")
        console.press(.enter)
        let action = try #require(console.journal.state.actions.first)
        #expect(action.status == .dropped)
        #expect(action.updates.last?.note == "外包合同已终止，账号全部注销")
        #expect(console.screen.contains("最近说明：外包合同已终止，账号全部注销"))
    }

    @Test func anUpdateThatChangesNothingIsRefusedByTheRules() {
        let console = ConsoleFixture.records()
        console.investigate()
        console.press(.character("r"), .character("5"), .enter, .enter)
        #expect(console.screen.contains("A1 没有变化"))
        #expect(console.program.model.dialog is ActionUpdateForm)
    }

    // MARK: - Notice facts

    @Test func noticeFactsOpenWithWhatIsWrittenAndRecordOnlyWhatChanged() throws {
        let console = ConsoleFixture.records()
        console.recordElsewhere(.setNoticeFacts(NoticeFacts(contact: "个人信息保护负责人 010-0000 0000")))
        console.press(.character("r"), .character("6"))
        #expect(console.screen.contains("个人信息保护负责人 010-0000 0000"))
        console.press(.enter)
        #expect(console.screen.contains("没有改动"))
        console.type("外包商共享账号被盗用")
        console.press(.tab, .tab, .tab)
        console.type("请警惕冒充客服的来电，不要透露验证码")
        console.press(.enter)
        let event = console.lastEvent
        #expect(event.type == EventType.noticeFactsRecorded)
        #expect(event.data.string("cause") == "外包商共享账号被盗用")
        #expect(event.data.string("advice") == "请警惕冒充客服的来电，不要透露验证码")
        #expect(event.data["contact"] == nil, "the unchanged contact is not recorded again")
        #expect(console.screen.contains("已写明 3/5"))
    }

    @Test func anEmptyFactShowsTheWordingTheNoticeWillUseOrThatItIsUnknown() throws {
        let console = ConsoleFixture.records(size: Size(width: 120, height: 40))
        console.investigate()
        console.press(.character("r"), .character("6"))
        let screen = console.screen
        #expect(screen.contains("将使用：外包商共享账号未启用双因素认证"), "the cause comes from the root-cause finding")
        #expect(screen.contains("未知：通报中标明“待补充”"), "a fact nothing supplies is said to be unknown")
        console.type("外包商共享账号被盗用")
        #expect(!console.screen.contains("将使用：外包商共享账号未启用双因素认证"), "typing replaces the derived wording")
    }

    // MARK: - Overview

    @Test func theOverviewShowsEveryRecordButAccountability() {
        let console = ConsoleFixture.records(language: .en, size: Size(width: 120, height: 40))
        console.investigate()
        console.press(.character("r"), .character("1"))
        let screen = console.screen
        #expect(screen.contains("E1  sftp-access.log · sha256 9f86d081884c… · custodian 王芳"))
        #expect(screen.contains("E2  封存的外包商笔记本电脑 · custodian 李明"))
        #expect(screen.contains("ID numbers, phone numbers, loan records; 31,000 people / 48,000 records (confidence: medium)"))
        #expect(screen.contains("The playbook suggests: serious"))
        #expect(screen.contains("F1  [root cause] 外包商共享账号未启用双因素认证"))
        #expect(screen.contains("A1  2026-12-31  open  李明  外包商账号启用双因素认证"))
        #expect(!screen.contains("张伟") && !screen.contains("审批制度"))
        console.press(.escape)
        #expect(console.program.model.dialog is RecordsMenu)
    }

    // MARK: - Typing

    @Test func chineseIsEditedByCharacterInARecordForm() {
        let console = ConsoleFixture.records()
        console.press(.character("r"), .character("4"), .character("n"))
        console.type("外包商共享账号未启用双因素认证")
        console.press(.left, .left, .backspace, .backspace)
        console.type("未")
        console.press(.enter)
        #expect(console.journal.state.findings.first?.text == "外包商共享账号未启用双未认证")
    }
}
