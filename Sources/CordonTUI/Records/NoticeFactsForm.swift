import CordonCore

/// The facts a notice states in the team's own words (PIPL Art. 57): the cause, the possible
/// harm, the remedial measures taken, what individuals can do, the contact, and the company's
/// name where the playbook leaves it blank. Opens with what is written; a field left empty
/// shows the wording the notice will use instead (from the findings, the steps done or the
/// playbook), or that it is still unknown. Only what changes is recorded.
struct NoticeFactsForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case cause, harm, measures, advice, contact, company

        var label: LocalizedText {
            switch self {
            case .cause: localized("原因", "Cause")
            case .harm: localized("可能的危害", "Possible harm")
            case .measures: localized("补救措施", "Measures taken")
            case .advice: localized("个人可做什么", "Advice")
            case .contact: localized("联系方式", "Contact")
            case .company: localized("公司名称", "Company")
            }
        }

        /// The notice variable this field sets.
        var variable: String {
            switch self {
            case .cause: "cause"
            case .harm: "harm"
            case .measures: "measures"
            case .advice: "advice"
            case .contact: "contact"
            case .company: "company"
            }
        }

        func value(in facts: NoticeFacts) -> String? {
            switch self {
            case .cause: facts.cause
            case .harm: facts.harm
            case .measures: facts.measures
            case .advice: facts.advice
            case .contact: facts.contact
            case .company: facts.company
            }
        }
    }

    let facts: NoticeFacts
    var form: Form<Field>
    let parent: (any Dialog)?

    init(facts: NoticeFacts, derived: [Field: LocalizedText] = [:], parent: (any Dialog)? = nil) {
        self.facts = facts
        self.parent = parent
        form = Form { field in .text(field.label, field.value(in: facts)?.terminalSafe ?? "", rows: 2, placeholder: derived[field]) }
    }

    /// What each field would be in the notice if left empty: the wording drawn from the records
    /// and the playbook (`将使用：…`), or that it is still unknown and marked in the notice.
    static func derived(playbook: Playbook, state: IncidentState, now: Timestamp) -> [Field: LocalizedText] {
        var facts = state
        facts.noticeFacts = NoticeFacts()
        let zh = NoticeContent.resolve(playbook: playbook, state: facts, language: .zh, now: now)
        let en = NoticeContent.resolve(playbook: playbook, state: facts, language: .en, now: now)
        var placeholders: [Field: LocalizedText] = [:]
        for field in Field.allCases {
            if let zhValue = zh.element(field.variable)?.value, let enValue = en.element(field.variable)?.value {
                placeholders[field] = LocalizedText(zh: "将使用：" + zhValue.terminalSafe, en: "Will use: " + enValue.terminalSafe)
            } else {
                placeholders[field] = localized("未知：通报中标明“待补充”", "Unknown: marked TO BE CONFIRMED in the notice")
            }
        }
        return placeholders
    }

    func title(_ language: Language) -> String { language == .zh ? "通报要素" : "Notice facts" }

    func intro(model: AppModel) -> [(String, Style)] {
        [(model.language == .zh
            ? "留空的项由调查结论、影响范围和剧本推导；仍未知的在通报中标明“待补充”。"
            : "What is left empty comes from the findings, the scope and the playbook; what is still unknown is marked in the notice.", .muted)]
    }

    mutating func submit(model: AppModel) -> DialogOutcome {
        func changed(_ field: Field) -> String? {
            guard let text = form.cleaned(field), text != field.value(in: facts)?.terminalSafe else { return nil }
            return text
        }
        let written = NoticeFacts(cause: changed(.cause), harm: changed(.harm), measures: changed(.measures), advice: changed(.advice), contact: changed(.contact), company: changed(.company))
        guard !written.isEmpty else {
            return .invalid(localized("没有改动：写下或修改至少一项，或按 Esc 返回。", "Nothing changed: write or change at least one fact, or press Esc."))
        }
        return .perform(.record(.setNoticeFacts(written)))
    }
}
