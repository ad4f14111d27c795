import CordonCore
import CordonReport
import CordonStore
import CordonTestSupport
import Foundation
import Testing

@Suite struct NoticeDraftTests {
    static let playbook = try! PlaybookLoader.load(path: Fixtures.bundledPlaybookPath).playbook

    func journal() -> MemoryJournal {
        MemoryJournal(playbook: Self.playbook, severity: .serious)
    }

    func draft(_ journal: MemoryJournal, _ audience: String, _ language: Language) throws -> NoticeDraft {
        try NoticeDraft.make(playbook: journal.playbook, state: journal.state, audience: audience, language: language, now: journal.clock.now())
    }

    /// A journal where every Art. 57 element is known.
    func knownJournal() throws -> MemoryJournal {
        let journal = journal()
        try journal.record(.assessScope(ScopeInput(
            categories: [DataCategory.named("id-number")!, DataCategory.named("loan-record")!],
            records: 48_000, people: 31_000, confidence: .medium)))
        try journal.record(.addFinding(FindingInput(kind: .rootCause, text: "催收外包商账号被盗用后批量导出客户数据")))
        try journal.perform(.step("isolate-source", .done))
        try journal.record(.addFinding(FindingInput(kind: .timeline, text: "使用外包商账号登录堡垒机", occurredAt: Fixtures.start)))
        try journal.record(.setNoticeFacts(NoticeFacts(contact: "个人信息保护负责人 400-000-0000", system: "催收外包 SFTP 服务器")))
        return journal
    }

    // MARK: - PIPL Art. 57

    @Test(arguments: ["regulator", "individuals"], Language.allCases)
    func everyArticle57ElementIsStatedOrMarkedWhenNothingIsKnown(audience: String, language: Language) throws {
        let journal = journal()
        let notice = try draft(journal, audience, language)
        for name in ["categories", "cause", "harm", "measures", "contact"] {
            let label = NoticeVariables.all.first { $0.name == name }!.meaning
            #expect(notice.body.contains(NoticeContent.marker(label, language: language)), "\(name) is marked as unknown")
        }
        // The letter tells the customers what to do; the report says what they can do.
        let advice = audience == "individuals" ? Self.playbook.notice.advice![language] : Self.playbook.notice.individualMeasures![language]
        #expect(notice.body.contains(advice), "the playbook's general advice is always known")
        #expect(!notice.body.contains("{{"))
        #expect(notice.unknown.count >= 6)
        #expect(!notice.pending.contains(NoticeVariables.all.first { $0.name == "contact" }!.meaning[language]),
                "the sender's own details are marked but not listed as still being established")
    }

    @Test(arguments: ["regulator", "individuals"], Language.allCases)
    func aNoticeWithEverythingKnownHasNoMarkers(audience: String, language: Language) throws {
        let notice = try draft(try knownJournal(), audience, language)
        let company = NoticeContent.marker(NoticeVariables.all.first { $0.name == "company" }!.meaning, language: language)
        #expect(notice.unknown == [NoticeVariables.all.first { $0.name == "company" }!.meaning[language]],
                "only the company, which the bundled playbook leaves to each team, is missing")
        #expect(notice.pending.isEmpty)
        #expect(notice.body.replacingOccurrences(of: company, with: "").contains(language == .zh ? "【待补充" : "[TO BE CONFIRMED") == false)
        #expect(notice.body.contains("催收外包商账号被盗用后批量导出客户数据"))
        #expect(notice.body.contains("400-000-0000"))
        let harm = Self.playbook.notice.wording(for: "loan-record")!.harm![language]
        #expect(notice.body.contains(harm))
        let measure = Self.playbook.step("isolate-source")!.step.remedial![language]
        #expect(notice.body.contains(measure))
    }

    @Test(arguments: Language.allCases)
    func theLetterToCustomersIsSignedWithADateNotAClockAndOffset(language: Language) throws {
        let notice = try draft(try knownJournal(), "individuals", language)
        let lastLine = notice.body.split(separator: "\n").last.map(String.init)
        #expect(lastLine == (language == .zh ? "2026年11月29日" : "29 November 2026"))
        #expect(!notice.body.contains("UTC"), "customers read a date, not an offset")
        #expect(try draft(try knownJournal(), "regulator", language).body.contains("UTC+08:00"), "the regulator's report keeps exact times")
    }

    @Test func theCompanyCanBeGivenForOneIncidentOrByUncommentingThePlaybooksExample() throws {
        // For one incident, as facts: no playbook change, so nothing frozen needs to move.
        let journal = try knownJournal()
        try journal.record(.setNoticeFacts(NoticeFacts(company: "某某消费金融股份有限公司")))
        let notice = try draft(journal, "regulator", .zh)
        #expect(notice.unknown.isEmpty)
        #expect(notice.body.contains("报告单位：某某消费金融股份有限公司"))

        // For every incident, by uncommenting the example the bundled playbook carries.
        let text = try String(contentsOfFile: Fixtures.bundledPlaybookPath, encoding: .utf8)
        let filled = text
            .replacingOccurrences(of: "  # company: {", with: "  company: {")
            .replacingOccurrences(of: "  # contact: {", with: "  contact: {")
        #expect(filled != text)
        let loaded = try PlaybookLoader.parse(Array(filled.utf8), file: "team/pi-leak.yaml")
        #expect(loaded.playbook.notice.company?[.en] == "Example Consumer Finance Co., Ltd.")
        #expect(loaded.playbook.notice.contact?[.zh] == "个人信息保护负责人，客服专线 400-000-0000")
    }

    @Test func theRegulatorNoticeSaysWhatIsStillToBeReported() throws {
        let journal = journal()
        let unknown = try draft(journal, "regulator", .zh)
        #expect(unknown.body.contains("以下事项尚未查明，本单位将在查明后续报："))
        #expect(!(try draft(try knownJournal(), "regulator", .zh).body.contains("尚未查明")), "a missing company name is not an open question of the investigation")
        var playbook = Self.playbook
        playbook.notice.company = LocalizedText(zh: "某某消费金融股份有限公司", en: "Example Consumer Finance")
        let known = try knownJournal()
        let complete = try NoticeDraft.make(playbook: playbook, state: known.state, audience: "regulator", language: .zh, now: known.clock.now())
        #expect(complete.pending.isEmpty)
        #expect(!complete.body.contains("尚未查明"))
        #expect(complete.body.contains("报告单位：某某消费金融股份有限公司"))
    }

    // MARK: - Where facts come from

    @Test func writtenFactsTakePrecedenceOverFindingsAndDefaults() throws {
        let journal = try knownJournal()
        try journal.record(.setNoticeFacts(NoticeFacts(cause: "第三方账号被冒用", harm: "可能收到诈骗电话")))
        let notice = try draft(journal, "individuals", .zh)
        #expect(notice.body.contains("发生原因：第三方账号被冒用"))
        #expect(!notice.body.contains("催收外包商账号被盗用"))
        #expect(notice.body.contains("可能给您带来的危害：可能收到诈骗电话"))
        let content = NoticeContent.resolve(playbook: journal.playbook, state: journal.state, language: .zh, now: journal.clock.now())
        #expect(content.element("cause")?.source == .facts)
        #expect(content.element("measures")?.source == .steps)
        #expect(content.element("advice")?.source == .playbook)
    }

    @Test func estimatesReadAsEstimatesUntilConfident() throws {
        let journal = try knownJournal()
        #expect(try draft(journal, "regulator", .zh).body.contains("约 31,000 人、约 48,000 条记录"))
        try journal.record(.assessScope(ScopeInput(confidence: .high)))
        #expect(try draft(journal, "regulator", .en).body.contains("31,000 people, 48,000 records"))
    }

    @Test func notices_are_plain_text_not_html() throws {
        let journal = journal()
        try journal.record(.setNoticeFacts(NoticeFacts(cause: "A & B <调试接口> \"未鉴权\"")))
        #expect(try draft(journal, "regulator", .zh).body.contains("A & B <调试接口> \"未鉴权\""))
    }

    @Test func everyTemplateVariableIsFilled() {
        let content = NoticeContent.resolve(playbook: Self.playbook, state: journal().state, language: .en, now: Fixtures.start)
        for variable in NoticeVariables.all where variable.name != "pending" {
            #expect(content.element(variable.name) != nil, "\(variable.name) has a value or a marker")
        }
    }

    @Test func anAudienceWithoutATemplateIsRefused() {
        #expect(throws: Refusal.self) { try draft(journal(), "nobody", .zh) }
    }
}

/// Every notice a bundled playbook's steps name can be drafted, in both languages, at every
/// stage its templates give.
@Suite struct BundledNoticeTests {
    static let playbooks: [Playbook] = {
        let folder = Fixtures.repository + "/playbooks"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()) ?? []
        return files.compactMap { try? PlaybookLoader.load(path: folder + "/" + $0).playbook }
    }()

    @Test func everyAudienceAStepNamesDraftsInEveryBundledPlaybook() throws {
        #expect(Self.playbooks.count == 4)
        for playbook in Self.playbooks {
            let journal = MemoryJournal(playbook: playbook, severity: .serious)
            #expect(PlaybookRules.issues(in: playbook).isEmpty, "\(playbook.id)")
            for (_, step) in playbook.allSteps {
                guard let audience = step.notice else { continue }
                let stages: [ReportStage?] = playbook.isStaged(audience) ? ReportStage.allCases : [nil]
                for stage in stages {
                    for language in Language.allCases {
                        let draft = try NoticeDraft.make(playbook: playbook, state: journal.state, audience: audience, stage: stage, language: language, now: journal.clock.now())
                        #expect(!draft.body.isEmpty && !draft.body.contains("{{"), "\(playbook.id) \(audience) \(stage?.rawValue ?? "")")
                    }
                }
            }
            for audience in ["nfra", "regulator"] {
                #expect(playbook.template(for: audience) != nil, "\(playbook.id) reports to \(audience)")
            }
        }
    }

    @Test func reportsToAuthoritiesSpeakOfTheCustomersNotToThem() throws {
        for playbook in Self.playbooks {
            let journal = MemoryJournal(playbook: playbook, severity: .serious)
            try journal.record(.assessScope(ScopeInput(categories: playbook.notice.categories.compactMap { DataCategory.named($0.category) }, people: 31_000, confidence: .medium)))
            for template in playbook.templates where !["individuals"].contains(template.audience) {
                let draft = try NoticeDraft.make(
                    playbook: playbook, state: journal.state, audience: template.audience, stage: template.stage, language: .zh, now: journal.clock.now())
                #expect(!draft.body.contains("您"), "\(playbook.id) \(template.audience) \(template.stage?.rawValue ?? ""): \(draft.body)")
            }
            let letter = try NoticeDraft.make(playbook: playbook, state: journal.state, audience: "individuals", language: .zh, now: journal.clock.now())
            #expect(letter.body.contains("您"), "the letter to customers addresses them")
        }
    }
}
