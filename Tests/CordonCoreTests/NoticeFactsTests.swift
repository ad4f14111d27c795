import CordonCore
import CordonTestSupport
import Testing

@Suite struct NoticeFactsTests {
    @Test func eachFactGivenReplacesOnlyItsOwnKind() throws {
        let journal = MemoryJournal()
        try journal.record(.setNoticeFacts(NoticeFacts(cause: "外包商账号被盗用", contact: "400-000-0000")))
        try journal.record(.setNoticeFacts(NoticeFacts(cause: "外包商员工出售账号")))
        #expect(journal.state.noticeFacts == NoticeFacts(cause: "外包商员工出售账号", contact: "400-000-0000"))
    }

    @Test func refusesNothingOrTheSameAgain() throws {
        let journal = MemoryJournal()
        #expect(journal.refusal(.setNoticeFacts(NoticeFacts(cause: "  "))) == "facts-empty")
        try journal.record(.setNoticeFacts(NoticeFacts(harm: "诈骗风险")))
        #expect(journal.refusal(.setNoticeFacts(NoticeFacts(harm: "诈骗风险"))) == "facts-unchanged")
    }
}
