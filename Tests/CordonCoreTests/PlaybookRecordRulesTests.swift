import CordonCore
import CordonTestSupport
import Testing

@Suite struct PlaybookRecordRulesTests {
    /// The issues of the fixture playbook, with a complete template for the notice its step
    /// names, after `change`.
    func issues(_ change: (inout Playbook) -> Void) -> [String] {
        var playbook = Fixtures.playbook
        playbook.templates = [NoticeTemplate(audience: "regulator", title: LocalizedText("报告 {{id}}"), body: LocalizedText(Self.article57Body))]
        change(&playbook)
        return PlaybookRules.issues(in: playbook).map(\.description)
    }

    static let article57Body = "{{categories}} {{cause}} {{harm}} {{measures}} {{advice}} {{contact}}"

    @Test func aCompleteTemplatePasses() {
        #expect(issues { $0.templates = [NoticeTemplate(audience: "regulator", title: LocalizedText("报告 {{id}}"), body: LocalizedText(Self.article57Body))] }.isEmpty)
    }

    @Test func everyArticle57ElementIsRequiredInEachLanguage() {
        let body = LocalizedText(zh: Self.article57Body, en: "{{categories}} {{cause}} {{harm}} {{measures}} {{advice}}")
        let found = issues { $0.templates += [NoticeTemplate(audience: "individuals", title: LocalizedText("t"), body: body)] }
        #expect(found.count == 1)
        #expect(found[0].contains("templates[1].body.en") && found[0].contains("{{contact}}") && found[0].contains("Art. 57"))
    }

    @Test func noticesToOthersThanTheRegulatorAndIndividualsNeedNotFollowArticle57() {
        let body = LocalizedText("买方顾问：请删除数据室下载的 {{categories}} 文件，联系 {{contact}}")
        #expect(issues { $0.templates += [NoticeTemplate(audience: "bidder", title: LocalizedText("t"), body: body)] }.isEmpty)
        #expect(issues { $0.templates = [NoticeTemplate(audience: "regulator", title: LocalizedText("t"), body: body)] }.count == 2)
    }

    @Test func aStepNamingANoticeWithoutATemplateFails() {
        let found = issues { $0.templates = [] }
        #expect(found == ["phases[1].steps[0].notice: step 'notify-regulator' sends a notice to 'regulator', but no template drafts it; add one under templates: with audience: regulator"])
    }

    @Test func aReportToAnAuthorityMayStateWhatIndividualsCanDoInTheThirdPerson() {
        let body = LocalizedText("{{categories}} {{cause}} {{harm}} {{measures}} {{individual_measures}} {{contact}}")
        #expect(issues { $0.templates = [NoticeTemplate(audience: "regulator", title: LocalizedText("t"), body: body)] }.isEmpty)
        let missing = LocalizedText("{{categories}} {{cause}} {{harm}} {{measures}} {{contact}}")
        #expect(issues { $0.templates = [NoticeTemplate(audience: "regulator", title: LocalizedText("t"), body: missing)] }.count == 2)
    }

    @Test func stagedTemplatesAreOnePerStageAndNeverMixedWithAnUnstagedOne() {
        let body = LocalizedText(Self.article57Body)
        let found = issues {
            $0.templates += [
                NoticeTemplate(audience: "regulator", stage: .followup, title: LocalizedText("t"), body: body),
                NoticeTemplate(audience: "regulator", stage: .followup, title: LocalizedText("t"), body: body),
            ]
        }
        #expect(found.contains { $0.contains("a second template for audience 'regulator' at stage followup") })
        #expect(found.contains { $0.contains("has both staged and unstaged templates") })
        let followups = issues { $0.templates = [NoticeTemplate(audience: "regulator", stage: .followup, title: LocalizedText("t"), body: LocalizedText("{{changes}}"))] }
        #expect(followups.isEmpty, "a follow-up supplements the initial report and need not restate Art. 57's list: \(followups)")
    }

    @Test func unknownVariablesAndBrokenSectionsAreNamedWithTheirLine() {
        let body = LocalizedText(Self.article57Body + "\n{{#pending}}\n{{casue}}")
        let found = issues { $0.templates = [NoticeTemplate(audience: "regulator", title: LocalizedText("t"), body: body)] }
        #expect(found.contains { $0.contains("{{casue}}") })
        #expect(found.contains { $0.contains("template line 2") && $0.contains("never closed") })
    }

    @Test func gradingRulesNeedAConditionValidThresholdsKnownCategoriesAndACitation() {
        let found = issues {
            $0.grading = [
                GradingRule(severity: .serious, cite: "policy"),
                GradingRule(severity: .serious, peopleAtLeast: 0, cite: "policy"),
                GradingRule(severity: .serious, categories: ["faces"], cite: "policy"),
                GradingRule(severity: .serious, peopleAtLeast: 10, cite: " "),
            ]
        }
        #expect(found.count == 4)
        #expect(found[0].hasPrefix("grading[0]"))
        #expect(found[1].hasPrefix("grading[1].people_at_least"))
        #expect(found[2].hasPrefix("grading[2].categories[0]"))
        #expect(found[3].hasPrefix("grading[3].cite"))
    }

    @Test func noticeWordingMustNameKnownCategoriesOnce() {
        let found = issues {
            $0.notice.categories = [CategoryWording(category: "phone"), CategoryWording(category: "phone"), CategoryWording(category: "passport")]
        }
        #expect(found.count == 2)
    }
}
