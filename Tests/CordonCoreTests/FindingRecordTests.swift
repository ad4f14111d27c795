import CordonCore
import CordonTestSupport
import Testing

@Suite struct FindingRecordTests {
    @Test func rootCausesContributingFactorsAndTimelineEntriesAreKeptApart() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        try journal.record(.addFinding(FindingInput(kind: .rootCause, text: "外包商共享账号未启用双因素认证", evidence: ["e1", "E1"])))
        try journal.record(.addFinding(FindingInput(kind: .contributing, text: "数据库审计告警未接入值班")))
        let at = Timestamp(iso8601: "2026-11-28T23:10:00+08:00")!
        try journal.record(.addFinding(FindingInput(kind: .timeline, text: "使用外包商账号登录堡垒机", occurredAt: at)))
        let findings = journal.state.findings
        #expect(findings.map(\.id) == ["F1", "F2", "F3"])
        #expect(findings.map(\.kind) == [.rootCause, .contributing, .timeline])
        #expect(findings[0].evidence == ["E1"], "references are normalised and counted once")
        #expect(findings[2].occurredAt == at)
    }

    @Test func aTimelineEntryNeedsItsTimeAndEvidenceMustExist() {
        let journal = MemoryJournal()
        #expect(journal.refusal(.addFinding(FindingInput(kind: .timeline, text: "导出客户表"))) == "time-required")
        #expect(journal.refusal(.addFinding(FindingInput(kind: .rootCause, text: "…", evidence: ["E4"]))) == "unknown-evidence")
        #expect(journal.refusal(.addFinding(FindingInput(kind: .rootCause, text: "   "))) == "finding-empty")
        #expect(journal.state.findings.isEmpty)
    }

    @Test func aWithdrawnFindingStaysOnRecordWithItsReason() throws {
        let journal = MemoryJournal()
        try journal.record(.addFinding(FindingInput(kind: .rootCause, text: "接口未鉴权")))
        #expect(journal.refusal(.withdrawFinding(id: "F1", reason: " ")) == "reason-required")
        try journal.record(.withdrawFinding(id: "f1", reason: "复核后确认接口有鉴权，系凭据泄露"))
        let finding = try #require(journal.state.findings.first)
        #expect(finding.isWithdrawn)
        #expect(finding.withdrawal?.reason == "复核后确认接口有鉴权，系凭据泄露")
        #expect(journal.refusal(.withdrawFinding(id: "F1", reason: "again")) == "finding-withdrawn")
    }

    @Test func aFindingThatAccountabilityRestsOnCannotBeWithdrawnFirst() throws {
        let journal = MemoryJournal()
        try journal.record(.addFinding(FindingInput(kind: .rootCause, text: "离职员工权限未回收")))
        try journal.record(.addAccountability(AccountabilityInput(person: "赵强", duty: "离职权限回收", finding: "F1", measure: "通报批评")))
        #expect(journal.refusal(.withdrawFinding(id: "F1", reason: "结论有误")) == "finding-in-use")
        try journal.record(.withdrawAccountability(id: "R1", reason: "随结论撤回"))
        #expect(journal.refusal(.withdrawFinding(id: "F1", reason: "结论有误")) == nil)
    }
}
