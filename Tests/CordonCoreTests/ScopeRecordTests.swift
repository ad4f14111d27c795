import CordonCore
import CordonTestSupport
import Testing

@Suite struct ScopeRecordTests {
    let idNumber = DataCategory(parsing: "身份证号")!
    let phone = DataCategory(parsing: "phone")!
    let loans = DataCategory(parsing: "loan-record")!

    @Test func anEstimateNeedsAConfidence() throws {
        let journal = MemoryJournal()
        #expect(journal.refusal(.assessScope(ScopeInput(categories: [phone], people: 31_000))) == "confidence-required")
        try journal.record(.assessScope(ScopeInput(categories: [phone], people: 31_000, confidence: .medium)))
        #expect(journal.state.scope?.people == 31_000)
        #expect(journal.state.scope?.confidence == .medium)
    }

    @Test func aLaterAssessmentKeepsWhatItDoesNotChangeExceptTheBasis() throws {
        let journal = MemoryJournal()
        try journal.record(.assessScope(ScopeInput(categories: [phone, idNumber], records: 48_000, people: 31_000, confidence: .low, basis: "样本推算")))
        try journal.record(.assessScope(ScopeInput(people: 29_500, confidence: .high)))
        let scope = try #require(journal.state.scope)
        #expect(scope.categories == ["id-number", "phone"], "categories keep the catalogue's order")
        #expect(scope.records == 48_000)
        #expect(scope.people == 29_500)
        #expect(scope.confidence == .high)
        #expect(scope.basis == nil, "the basis explains only the assessment it came with")
        #expect(journal.state.scopeHistory.count == 2)
    }

    @Test func categoriesGivenReplaceTheList() throws {
        let journal = MemoryJournal()
        try journal.record(.assessScope(ScopeInput(categories: [phone, idNumber])))
        try journal.record(.assessScope(ScopeInput(categories: [loans, loans])))
        #expect(journal.state.scope?.categories == ["loan-record"])
    }

    @Test func refusesNothingNegativeOrTheSameAgain() throws {
        let journal = MemoryJournal()
        #expect(journal.refusal(.assessScope(ScopeInput())) == "scope-empty")
        #expect(journal.refusal(.assessScope(ScopeInput(people: -1, confidence: .low))) == "scope-negative")
        try journal.record(.assessScope(ScopeInput(categories: [phone], people: 10, confidence: .low)))
        #expect(journal.refusal(.assessScope(ScopeInput(people: 10))) == "scope-unchanged")
        #expect(journal.refusal(.assessScope(ScopeInput(basis: "复核日志"))) == nil, "a new basis alone is a new assessment")
    }

    @Test func categoriesAreReadInEitherLanguageOrByAlias() {
        #expect(DataCategory(parsing: "身份证号")?.id == "id-number")
        #expect(DataCategory(parsing: "ID-Number")?.id == "id-number")
        #expect(DataCategory(parsing: "通讯录")?.id == "contacts")
        #expect(DataCategory(parsing: "银行卡")?.id == "bank-card")
        #expect(DataCategory(parsing: "passport") == nil)
        #expect(DataCategory.named("bank-card")?.sensitive == true)
        #expect(DataCategory.named("phone")?.sensitive == false)
    }

    @Test func theTimelineLineReadsLikeTheEstimate() throws {
        let journal = MemoryJournal()
        let events = try journal.record(.assessScope(ScopeInput(categories: [idNumber, phone], records: 48_000, people: 31_000, confidence: .medium)))
        let zh = EventText.summary(events[0], playbook: journal.playbook, language: .zh)
        #expect(zh == "范围评估：身份证号、手机号；31,000 人 / 48,000 条（把握：中）")
        let en = EventText.summary(events[0], playbook: journal.playbook, language: .en)
        #expect(en == "scope: ID numbers, phone numbers; 31,000 people / 48,000 records (confidence: medium)")
    }
}
