import CordonCore
import CordonTestSupport
import Testing

@Suite struct SeverityGradingTests {
    static let playbook: Playbook = {
        var playbook = Fixtures.playbook
        playbook.grading = [
            GradingRule(severity: .critical, peopleAtLeast: 100_000_000, cite: "law"),
            GradingRule(severity: .major, peopleAtLeast: 1_000_000, sensitive: true, cite: "policy"),
            GradingRule(severity: .serious, peopleAtLeast: 10_000, sensitive: true, cite: "policy"),
            GradingRule(severity: .serious, recordsAtLeast: 1_000_000, cite: "policy"),
            GradingRule(severity: .serious, peopleAtLeast: 1000, categories: ["credentials"], cite: "policy"),
        ]
        return playbook
    }()

    func suggest(_ categories: [String], people: Int?, records: Int? = nil) -> SeveritySuggestion? {
        let scope = ScopeAssessment(
            categories: categories, records: records, people: people, confidence: .medium, basis: nil,
            at: Fixtures.start, by: "tester", seq: 2)
        return SeverityGrading.suggest(playbook: Self.playbook, scope: scope)
    }

    @Test func theHighestSeverityWhoseConditionsAllHoldIsSuggested() {
        #expect(suggest(["id-number", "phone"], people: 31_000)?.severity == .serious)
        #expect(suggest(["id-number"], people: 2_000_000)?.severity == .major)
        #expect(suggest(["phone"], people: 150_000_000)?.severity == .critical)
        #expect(suggest(["id-number"], people: 31_000)?.rule?.cite == "policy")
    }

    @Test func belowEveryThresholdTheSuggestionIsGeneralWithNoRule() {
        let suggestion = suggest(["phone"], people: 31_000)
        #expect(suggestion?.severity == .general)
        #expect(suggestion?.rule == nil)
    }

    @Test func unknownNumbersLeaveHigherRulesUndecidedRatherThanMet() {
        let suggestion = suggest(["bank-card"], people: nil, records: 2_000_000)
        #expect(suggestion?.severity == .serious)
        #expect(suggestion?.undecided.map(\.severity) == [.critical, .major])
        let noCategories = suggest([], people: 50_000)
        #expect(noCategories?.severity == .general)
        #expect(noCategories?.undecided.map(\.severity) == [.serious, .serious, .serious], "category and record rules cannot be judged yet")
    }

    @Test func aRuleForNamedCategoriesHoldsOnlyWhenOneIsInvolved() {
        #expect(suggest(["credentials"], people: 5000)?.severity == .serious)
        #expect(suggest(["phone"], people: 5000)?.severity == .general)
    }

    @Test func noGradingOrNoScopeMeansNoSuggestion() {
        #expect(SeverityGrading.suggest(playbook: Fixtures.playbook, scope: nil) == nil)
        let scope = ScopeAssessment(categories: ["phone"], records: nil, people: 1, confidence: .low, basis: nil, at: Fixtures.start, by: "t", seq: 2)
        #expect(SeverityGrading.suggest(playbook: Fixtures.playbook, scope: scope) == nil)
    }

    @Test func aSuggestionNeverClassifies() throws {
        let journal = MemoryJournal(playbook: Self.playbook)
        try journal.record(.assessScope(ScopeInput(categories: [DataCategory.named("id-number")!], people: 2_000_000, confidence: .high)))
        #expect(journal.state.severity == nil)
        #expect(journal.state.severityHistory.isEmpty)
        let status = StatusDocument.make(playbook: journal.playbook, state: journal.state, now: journal.clock.now())
        #expect(status.object?["severity"] == .null)
        #expect(status.object?["suggested_severity"] == .string("major"))
    }
}
