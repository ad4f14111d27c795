import CordonCore
import CordonStore
import CordonTestSupport
import Foundation
import Testing

@Suite struct PlaybookRecordsLoadingTests {
    @Test func theBundledPlaybookLoadsItsGradingNoticeDefaultsAndRemedialWording() throws {
        let playbook = try PlaybookLoader.load(path: Fixtures.bundledPlaybookPath).playbook
        #expect(playbook.grading.contains { $0.severity == .critical && $0.peopleAtLeast == 100_000_000 && !$0.verify })
        #expect(playbook.grading.filter(\.verify).allSatisfy { $0.cite.contains("未核实") }, "unverified law says so in its citation")
        #expect(playbook.grading.filter { $0.cite.contains("本公司政策") }.count >= 3)
        #expect(playbook.notice.wording(for: "bank-card")?.harm != nil)
        #expect(playbook.notice.company == nil, "each team fills in its own name")
        #expect(playbook.step("isolate-source")?.step.remedial != nil)
        #expect(Set(playbook.templates.map(\.audience)) == ["regulator", "nfra", "police", "individuals"])
        #expect(playbook.templates.filter { $0.audience == "regulator" }.map(\.stage) == [.initial, .followup, .final])
    }

    @Test func gradingMistakesAreReportedWithFileAndLine() throws {
        let yaml = """
            id: tiny
            version: 1
            title: {zh: 小, en: Tiny}
            roles:
              - id: commander
                title: {zh: 指挥, en: Commander}
            phases:
              - id: only
                title: {zh: 唯一, en: Only}
                steps:
                  - id: one
                    title: {zh: 一, en: One}
                    role: commander
            grading:
              - severity: serious
                people_at_least: many
                cite: policy
              - severity: huge
                people_at_least: 10
                cite: policy
            notice:
              categories:
                - category: passports
            """
        #expect { try PlaybookLoader.parse(Array(yaml.utf8), file: "tiny.yaml") } throws: { error in
            let text = (error as? DocumentError)?.description ?? ""
            return text.contains("tiny.yaml:16:") && text.contains("people_at_least must be a whole number")
                && text.contains("tiny.yaml:18:") && text.contains("'huge' is not a severity")
        }
        let fixed = yaml.replacingOccurrences(of: "many", with: "1000").replacingOccurrences(of: "huge", with: "major")
        #expect { try PlaybookLoader.parse(Array(fixed.utf8), file: "tiny.yaml") } throws: { error in
            let text = (error as? DocumentError)?.description ?? ""
            return text.contains("tiny.yaml:23:") && text.contains("unknown category 'passports'")
        }
    }
}
