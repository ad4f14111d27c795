import CordonCore
import CordonTestSupport
import Testing

@Suite struct AccountabilityRecordTests {
    func journalWithFinding() throws -> MemoryJournal {
        let journal = MemoryJournal()
        try journal.record(.addFinding(FindingInput(kind: .rootCause, text: "离职员工权限未回收")))
        return journal
    }

    @Test func anEntryRecordsWhoWhichDutyTheFindingAndTheMeasure() throws {
        let journal = try journalWithFinding()
        try journal.record(.addAccountability(AccountabilityInput(person: "赵强", duty: "离职人员权限回收", finding: "f1", measure: "书面警告")))
        let entry = try #require(journal.state.accountability.first)
        #expect(entry.id == "R1")
        #expect(entry.person == "赵强")
        #expect(entry.duty == "离职人员权限回收")
        #expect(entry.finding == "F1")
        #expect(entry.measure == "书面警告")
    }

    @Test func responsibilityIsNeverRecordedWithoutStandingGrounds() throws {
        let journal = try journalWithFinding()
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "赵强", duty: "d", finding: "", measure: "m"))) == "finding-required")
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "赵强", duty: "d", finding: "F7", measure: "m"))) == "unknown-finding")
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "", duty: "d", finding: "F1", measure: "m"))) == "person-required")
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "赵强", duty: "", finding: "F1", measure: "m"))) == "duty-required")
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "赵强", duty: "d", finding: "F1", measure: ""))) == "measure-required")
        try journal.record(.withdrawFinding(id: "F1", reason: "不成立"))
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "赵强", duty: "d", finding: "F1", measure: "m"))) == "finding-withdrawn")
    }

    @Test func theTimelineAndStatusNeverNameThePerson() throws {
        let journal = try journalWithFinding()
        let events = try journal.record(.addAccountability(AccountabilityInput(person: "赵强", duty: "离职人员权限回收", finding: "F1", measure: "书面警告")))
        for language in Language.allCases {
            let line = EventText.summary(events[0], playbook: journal.playbook, language: language)
            #expect(line.contains("R1"))
            #expect(!line.contains("赵强") && !line.contains("书面警告"))
        }
        let revealed = EventText.summary(events[0], playbook: journal.playbook, language: .zh, revealAccountability: true)
        #expect(revealed.contains("赵强") && revealed.contains("书面警告"))
        let status = JSONWriter.string(StatusDocument.make(playbook: journal.playbook, state: journal.state, now: journal.clock.now()))
        #expect(!status.contains("赵强"))
        #expect(!status.contains("accountability"))
    }

    @Test func withdrawingNeedsAReasonAndHappensOnce() throws {
        let journal = try journalWithFinding()
        try journal.record(.addAccountability(AccountabilityInput(person: "赵强", duty: "d", finding: "F1", measure: "m")))
        #expect(journal.refusal(.withdrawAccountability(id: "R1", reason: "")) == "reason-required")
        #expect(journal.refusal(.withdrawAccountability(id: "R2", reason: "x")) == "unknown-accountability")
        try journal.record(.withdrawAccountability(id: "r1", reason: "申诉成立"))
        #expect(journal.state.accountability[0].withdrawal?.reason == "申诉成立")
        #expect(journal.refusal(.withdrawAccountability(id: "R1", reason: "x")) == "accountability-withdrawn")
    }

    @Test func closedIncidentsTakeNoNewEntries() throws {
        let journal = try journalWithFinding()
        try journal.close()
        #expect(journal.refusal(.addAccountability(AccountabilityInput(person: "赵强", duty: "d", finding: "F1", measure: "m"))) == "incident-closed")
    }
}
