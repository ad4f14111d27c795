import CordonCore
import CordonReport
import CordonTestSupport
import Testing

@Suite struct AfterActionReportTests {
    static let head = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    /// An incident worked through its first phases, with every kind of record.
    func workedIncident() throws -> MemoryJournal {
        let journal = MemoryJournal(severity: nil, clock: ManualClock(Fixtures.start))
        journal.clock.advance(seconds: 600)
        try journal.perform(.classify(.serious, reason: "涉及身份证号"))
        try journal.perform(.step("isolate", .done))
        try journal.perform(.step("preserve", .done))
        try journal.record(.addEvidence(EvidenceInput(
            file: EvidenceFile(path: "/evidence/audit.csv", name: "audit.csv", sha256: Self.head, size: 13_812_345_678),
            origin: "prod-db-3", custodian: "王芳")))
        try journal.record(.transferEvidence(id: "E1", to: "李明", reason: "送鉴定"))
        try journal.record(.assessScope(ScopeInput(categories: [DataCategory.named("id-number")!], records: 48_000, people: 31_000, confidence: .medium)))
        try journal.record(.addFinding(FindingInput(kind: .rootCause, text: "外包商账号未启用双因素认证", evidence: ["E1"])))
        try journal.record(.addAccountability(AccountabilityInput(person: "赵强", duty: "账号权限复核", finding: "F1", measure: "书面警告")))
        try journal.record(.addAction(ActionInput(title: "外包商账号启用双因素认证", owner: "李明", due: DueDate(iso: "2026-12-31")!, finding: "F1")))
        journal.clock.advance(seconds: 1800)
        try journal.perform(.advance())
        journal.clock.advance(seconds: 4 * 3600)
        try journal.perform(.notify(audience: "regulator", channel: "网信办报送系统", reference: "粤网信〔2026〕17号"))
        return journal
    }

    func report(_ journal: MemoryJournal, includeAccountability: Bool = false, language: Language = .zh) -> Report {
        AfterActionReport.make(ReportInput(
            playbook: journal.playbook, state: journal.state, events: journal.events,
            seal: JournalSeal(lines: journal.events.count, headHash: Self.head, intact: true),
            now: journal.clock.now(), language: language, includeAccountability: includeAccountability))
    }

    // MARK: - Content

    @Test func theSectionsComeInTheOrderTheIssueListsThem() throws {
        #expect(report(try workedIncident()).sections.map(\.id) == [
            "executive_summary", "summary", "severity_history", "metrics", "phases", "scope", "evidence", "findings", "actions", "notices",
            "journal", "internal", "timeline",
        ])
        #expect(report(try workedIncident()).sections.filter(\.isAppendix).map(\.id) == ["internal", "timeline"],
                "internal ids and the full timeline come after the main text")
    }

    @Test func metricsMeasureFromDetectionAndSayByHowMuchDeadlinesWereMetOrMissed() throws {
        let journal = try workedIncident()
        let metrics = try #require(report(journal).section("metrics")?.data.object)
        #expect(metrics.int("detection_to_declaration_seconds") == 0)
        #expect(metrics.int("detection_to_containment_end_seconds") == 2400)
        #expect(metrics.int("detection_to_regulator_notice_seconds") == 2400 + 4 * 3600)
        #expect(metrics["detection_to_individuals_notice_seconds"] == .null)
        let deadlines = try #require(metrics["deadlines"]?.array)
        let cac = try #require(deadlines.first { $0.object?.string("id") == "cac-report" }?.object)
        #expect(cac.string("state") == "missed")
        #expect(cac.int("late_seconds") == 1800, "classified at +10m, due at +4h10m, met at +4h40m")
        let contain = try #require(deadlines.first { $0.object?.string("id") == "contain" }?.object)
        #expect(contain.string("state") == "met")
        #expect(contain.int("early_seconds") == 3000)
        let markdown = MarkdownRenderer.render(report(journal))
        #expect(markdown.contains("未满足，超时 0:30:00"))
        #expect(markdown.contains("已满足，提前 0:50:00"))
    }

    @Test func evidenceShowsItsHashAndEveryHandOver() throws {
        let markdown = MarkdownRenderer.render(report(try workedIncident(), language: .en))
        #expect(markdown.contains(Self.head))
        #expect(markdown.contains("13,812,345,678 bytes"))
        #expect(markdown.contains("| E1 | 2026-11-29 09:10:00 | (registered) | 王芳 |"))
        #expect(markdown.contains("| 王芳 | 李明 |"))
    }

    @Test func theJournalHeadHashIsInEveryFormat() throws {
        let report = report(try workedIncident())
        #expect(MarkdownRenderer.render(report).contains("`\(Self.head)`"))
        #expect(HTMLRenderer.render(report).contains("<code>\(Self.head)</code>"))
        let json = try JSONReader.parse(JSONRenderer.render(report))
        #expect(json.object?["sections"]?.object?["journal"]?.object?.string("head") == Self.head)
    }

    @Test func theJSONDocumentParsesAndKeysSectionsById() throws {
        let json = try JSONReader.parse(JSONRenderer.render(report(try workedIncident())))
        let document = try #require(json.object)
        #expect(document.string("report") == "cordon-after-action")
        #expect(document.string("id") == "INC-20261129-001")
        #expect(document["sections"]?.object?.entries.first?.key == "executive_summary")
        #expect(document["sections"]?.object?["evidence"]?.array?.first?.object?["file"]?.object?.int("size") == 13_812_345_678)
    }

    // MARK: - Accountability

    @Test(arguments: [false, true])
    func accountabilityAppearsOnlyWhenAskedFor(include: Bool) throws {
        let report = report(try workedIncident(), includeAccountability: include)
        let outputs = [MarkdownRenderer.render(report), HTMLRenderer.render(report), JSONRenderer.render(report)]
        for output in outputs {
            #expect(output.contains("赵强") == include)
            #expect(output.contains("书面警告") == include)
        }
        #expect((report.section("accountability") != nil) == include)
    }

    // MARK: - Escaping

    @Test func htmlShowsAPastedScriptAsText() throws {
        let journal = try workedIncident()
        try journal.perform(.note("<script>alert('x')</script> \"onerror=alert(1)\" & <img src=http://evil.example/x.png>"))
        let html = HTMLRenderer.render(report(journal))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;onerror=alert(1)&quot; &amp; &lt;img src=http://evil.example/x.png&gt;"))
    }

    @Test func htmlIsSelfContained() throws {
        let html = HTMLRenderer.render(report(try workedIncident()))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(html.contains("Content-Security-Policy"))
        for forbidden in ["<script", "<link", " src=", " href=", "@import", "url("] {
            #expect(!html.contains(forbidden), "no \(forbidden) in the page")
        }
    }

    @Test func markdownKeepsUserTextFromBreakingTablesOrBecomingMarkup() throws {
        let journal = try workedIncident()
        try journal.perform(.note("a | b\nsecond line <b>bold</b> *x*"))
        let markdown = MarkdownRenderer.render(report(journal))
        let row = try #require(markdown.split(separator: "\n").first { $0.contains("second line") })
        #expect(row.contains("a \\| b second line \\<b\\>bold\\</b\\> \\*x\\*"))
        #expect(row.filter { $0 == "|" }.count == 5 + 1, "four columns, plus the escaped bar")
    }

    // MARK: - Redaction

    @Test func redactionLeavesNoIdentifierInClearAndKeepsIdsHashesAndTimes() throws {
        let journal = try workedIncident()
        try journal.perform(.note("客户 11010519491231002X 手机 13712345678 卡号 6222021234567894 邮箱 victim@example.com 金额 12345.67"))
        try journal.record(.addEvidence(EvidenceInput(description: "客户 13900001111 的投诉录音", custodian: "王芳")))
        let redacted = report(journal, includeAccountability: true).redactedCopy()
        let outputs = ["md": MarkdownRenderer.render(redacted), "html": HTMLRenderer.render(redacted), "json": JSONRenderer.render(redacted)]
        for (format, output) in outputs {
            for secret in ["11010519491231002X", "13712345678", "6222021234567894", "victim@example.com", "13900001111"] {
                #expect(!output.contains(secret), "\(format) shows \(secret)")
            }
            for kept in ["INC-20261129-001", Self.head, "12345.67", "2026-11-29"] {
                #expect(output.contains(kept), "\(format) keeps \(kept)")
            }
            #expect(output.contains(format == "md" ? "137\\*\\*\\*\\*5678" : "137****5678"), "\(format) keeps enough to recognise it")
        }
        #expect(JSONRenderer.render(redacted).contains("\"redacted\":true"))
        #expect(try JSONReader.parse(JSONRenderer.render(redacted)).object != nil, "redaction never breaks the JSON")
    }

    // MARK: - Extension

    struct Extra: ReportSectionBuilder {
        let id = "drill"
        func section(for input: ReportInput) -> ReportSection? {
            ReportSection(id: id, title: "Drill", blocks: [.paragraph("score 80/100")], data: .object(["score": 80]))
        }
    }

    @Test func aDrillSectionIsOneMoreBuilder() throws {
        let journal = try workedIncident()
        let sections = AfterActionReport.sections(inserting: [Extra()], after: "summary")
        let input = ReportInput(
            playbook: journal.playbook, state: journal.state, events: journal.events,
            seal: JournalSeal(lines: 1, headHash: Self.head, intact: true), now: journal.clock.now(), language: .en)
        let report = AfterActionReport.make(input, sections: sections)
        #expect(report.sections.map(\.id).prefix(3) == ["executive_summary", "summary", "drill"])
        #expect(MarkdownRenderer.render(report).contains("## Drill\n\nscore 80/100"))
    }
}
