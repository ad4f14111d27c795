import CordonCore
import CordonTestSupport
import Testing

@Suite struct EvidenceRecordTests {
    // MARK: - Adding

    @Test func aFileIsRecordedByReferenceWithItsHashSizeOriginAndCustodian() throws {
        let journal = MemoryJournal()
        let events = try journal.record(.addEvidence(EvidenceInput(file: Samples.file, origin: "prod-db-3 审计导出", custodian: "王芳")))
        #expect(events.map(\.type) == [EventType.evidenceAdded])
        let item = try #require(journal.state.evidence.first)
        #expect(item.id == "E1")
        #expect(item.file == Samples.file)
        #expect(item.origin == "prod-db-3 审计导出")
        #expect(item.custodian == "王芳")
        #expect(item.custody.count == 1)
        #expect(item.custody[0].from == nil)
    }

    @Test func itemsAreNumberedInOrderAndDescriptionsNeedNoFile() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        try journal.record(.addEvidence(EvidenceInput(description: "涉事员工笔记本电脑，封存袋 #12", custodian: "李明")))
        #expect(journal.state.evidence.map(\.id) == ["E1", "E2"])
        #expect(journal.state.evidence[1].file == nil)
        #expect(journal.state.evidence[1].label == "涉事员工笔记本电脑，封存袋 #12")
    }

    @Test func refusesWithoutCustodianOrContent() {
        let journal = MemoryJournal()
        #expect(journal.refusal(.addEvidence(EvidenceInput(file: Samples.file, custodian: "  "))) == "custodian-required")
        #expect(journal.refusal(.addEvidence(EvidenceInput(custodian: "王芳"))) == "evidence-empty")
        var unhashed = Samples.file
        unhashed.sha256 = "not-a-hash"
        #expect(journal.refusal(.addEvidence(EvidenceInput(file: unhashed, custodian: "王芳"))) == "evidence-unhashed")
        #expect(journal.state.evidence.isEmpty)
    }

    @Test func theSameFileIsNotRegisteredTwiceButACopyElsewhereOrNewBytesAre() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        #expect(journal.refusal(.addEvidence(EvidenceInput(file: Samples.file, custodian: "李明"))) == "evidence-duplicate")
        var copy = Samples.file
        copy.path = "/mnt/forensic-copy/" + copy.name
        #expect(journal.refusal(.addEvidence(EvidenceInput(file: copy, description: "鉴定副本", custodian: "李明"))) == nil)
        #expect(journal.refusal(.addEvidence(EvidenceInput(file: EvidenceRecordTests.altered, description: "重新导出", custodian: "王芳"))) == nil)
        #expect(journal.state.evidence.map(\.id) == ["E1", "E2", "E3"])
    }

    // MARK: - Custody

    @Test func everyHandOverIsACustodyEventOnTheTimeline() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        try journal.record(.transferEvidence(id: "e1", to: "李明", reason: "送司法鉴定"))
        journal.clock.advance(seconds: 3600)
        try journal.record(.transferEvidence(id: "E1", to: "公安机关 张警官", reason: nil))
        let custody = journal.state.evidence[0].custody
        #expect(custody.map(\.to) == ["王芳", "李明", "公安机关 张警官"])
        #expect(custody.map(\.from) == [nil, "王芳", "李明"])
        #expect(custody[1].reason == "送司法鉴定")
        let handOvers = journal.events.filter { $0.type == EventType.evidenceTransferred }
        #expect(handOvers.map { $0.data.string("to") } == ["李明", "公安机关 张警官"])
    }

    @Test func refusesHandingToTheCurrentHolderOrAnUnknownItem() throws {
        let journal = MemoryJournal()
        #expect(journal.refusal(.transferEvidence(id: "E1", to: "李明", reason: nil)) == "unknown-evidence")
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        #expect(journal.refusal(.transferEvidence(id: "E1", to: "王芳", reason: nil)) == "same-custodian")
        #expect(journal.refusal(.transferEvidence(id: "E9", to: "李明", reason: nil)) == "unknown-evidence")
    }

    @Test func custodyOutlivesTheIncidentButNewEvidenceDoesNot() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        try journal.close()
        #expect(journal.refusal(.transferEvidence(id: "E1", to: "档案室", reason: "归档")) == nil)
        #expect(journal.state.evidence[0].custodian == "档案室")
        #expect(journal.refusal(.addEvidence(EvidenceInput(description: "补充材料", custodian: "王芳"))) == "incident-closed")
    }

    @Test func theTimelineLineNamesTheItemAndItsCustodian() throws {
        let journal = MemoryJournal()
        let events = try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        let zh = EventText.summary(events[0], playbook: journal.playbook, language: .zh)
        #expect(zh.contains("E1") && zh.contains("db-audit-2026-11-28.csv") && zh.contains("王芳") && zh.contains("abababababab"))
    }

    // MARK: - Integrity checks

    static let altered: EvidenceFile = {
        var file = Samples.file
        file.sha256 = String(repeating: "cd", count: 32)
        return file
    }()

    static let gone = LocalizedText(zh: "文件已不在原路径", en: "the file is no longer at its path")

    @Test func everyCheckIsRecordedWithTheOutcomeTheRulesDecide() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        let started = journal.clock.now()
        journal.clock.advance(seconds: 600)
        try journal.record(.checkEvidence(id: "e1", found: .read(Samples.file), started: started))
        try journal.record(.checkEvidence(id: "E1", found: .read(Self.altered), started: nil))
        var grown = Samples.file
        grown.size += 1
        try journal.record(.checkEvidence(id: "E1", found: .read(grown), started: nil))
        try journal.record(.checkEvidence(id: "E1", found: .unreadable(Self.gone), started: nil))
        let item = journal.state.evidence[0]
        #expect(item.checks.map(\.outcome) == [.match, .changed, .changed, .unreadable])
        #expect(item.checks[0].startedAt == started, "when hashing began is kept beside when it was recorded")
        #expect(item.checks[0].at == started.adding(seconds: 600))
        #expect(item.checks[1].sha256 == Self.altered.sha256)
        #expect(item.checks[3].problem == Self.gone)
        #expect(item.checks[3].sha256 == nil)
        #expect(item.lastCheck?.outcome == .unreadable)
        #expect(item.file == Samples.file, "a check never rewrites what was registered")
    }

    @Test func checksNeedARegisteredFileAReasonWhenUnreadableAndOutliveTheIncident() throws {
        let journal = MemoryJournal()
        #expect(journal.refusal(.checkEvidence(id: "E1", found: .read(Samples.file), started: nil)) == "unknown-evidence")
        try journal.record(.addEvidence(EvidenceInput(description: "封存的笔记本电脑", custodian: "李明")))
        #expect(journal.refusal(.checkEvidence(id: "E1", found: .read(Samples.file), started: nil)) == "evidence-not-a-file")
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        var unhashed = Samples.file
        unhashed.sha256 = "not-a-hash"
        #expect(journal.refusal(.checkEvidence(id: "E2", found: .read(unhashed), started: nil)) == "evidence-unhashed")
        #expect(journal.refusal(.checkEvidence(id: "E2", found: .unreadable(LocalizedText(zh: " ", en: "")), started: nil)) == "check-reason-required")
        #expect(journal.state.evidence[1].checks.isEmpty)
        try journal.close()
        #expect(journal.refusal(.checkEvidence(id: "E2", found: .read(Samples.file), started: nil)) == nil)
        #expect(journal.state.evidence[1].checks.map(\.outcome) == [.match])
    }

    @Test func theTimelineLineSaysWhatTheCheckFoundInTheReadersLanguage() throws {
        let journal = MemoryJournal()
        try journal.record(.addEvidence(EvidenceInput(file: Samples.file, custodian: "王芳")))
        let changed = try journal.record(.checkEvidence(id: "E1", found: .read(Self.altered), started: nil))
        #expect(EventText.summary(changed[0], playbook: journal.playbook, language: .zh) == "校验证据 E1：已改变 · sha256 cdcdcdcdcdcd…")
        #expect(EventText.summary(changed[0], playbook: journal.playbook, language: .en) == "evidence E1 checked: changed · sha256 cdcdcdcdcdcd…")
        let gone = try journal.record(.checkEvidence(id: "E1", found: .unreadable(Self.gone), started: nil))
        #expect(EventText.summary(gone[0], playbook: journal.playbook, language: .zh) == "校验证据 E1：无法读取：文件已不在原路径")
        #expect(EventText.summary(gone[0], playbook: journal.playbook, language: .en) == "evidence E1 checked: unreadable: the file is no longer at its path")
    }
}
