import CordonCore

/// Records what leaked: the categories of personal information, the numbers of records and of
/// people, how sure the estimate is, and how it was reached. Below the fields, the severity the
/// playbook's thresholds suggest for what is typed, updated with every key; grading stays a
/// decision made with `c`.
struct ScopeForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case categories, records, people, confidence, basis
    }

    /// "Not said", then low, medium, high.
    static let confidences: [Confidence?] = [nil] + Confidence.allCases

    var form: Form<Field>
    let parent: (any Dialog)?

    init(console: ConsoleModel, parent: (any Dialog)? = nil) {
        self.parent = parent
        let current = console.incident.scope
        form = Form { field in
            switch field {
            case .categories:
                let options = DataCategory.all.map { category in
                    LocalizedText(zh: category.title.zh + (category.sensitive ? "*" : ""), en: category.title.en + (category.sensitive ? "*" : ""))
                }
                let ticked = Set((current?.categories ?? []).compactMap { id in DataCategory.all.firstIndex { $0.id == id } })
                return FormField(label: localized("信息类别", "Categories"), input: .checklist(Checklist(options: options, checked: ticked, columns: 2, visibleRows: 7)))
            case .records:
                return .text(localized("记录条数", "Records"), current?.records.map(NumberText.grouped) ?? "", limit: 24, placeholder: localized("最佳估计，如 48000 或 4.8万", "best estimate, e.g. 48000"))
            case .people:
                return .text(localized("涉及人数", "People"), current?.people.map(NumberText.grouped) ?? "", limit: 24, placeholder: localized("最佳估计，如 31000 或 3.1万", "best estimate, e.g. 31000"))
            case .confidence:
                let labels = Self.confidences.map { $0?.title ?? localized("未说明", "not said") }
                return .choice(localized("把握程度", "Confidence"), labels, selected: Self.confidences.firstIndex(of: current?.confidence) ?? 0)
            case .basis:
                return .text(localized("依据", "Basis"), placeholder: localized("数字如何得出：查询、抽样、推算", "how the numbers were reached"))
            }
        }
    }

    func title(_ language: Language) -> String { language == .zh ? "影响范围评估" : "Assess the scope" }

    var preferredWidth: Int { 84 }

    /// A count field's value: `.some(nil)` when empty, `nil` when it is not a count.
    private func count(_ field: Field) -> Int?? {
        guard let text = form.cleaned(field) else { return .some(nil) }
        return Spelling.count(text).map { .some($0) }
    }

    private var categories: [DataCategory] { form.ticked(.categories).map { DataCategory.all[$0] } }

    func notes(model: AppModel) -> [(String, Style)] {
        guard let console = model.console else { return [] }
        let zh = model.language == .zh
        var out: [(String, Style)] = []
        for field in [Field.records, .people] where count(field) == nil {
            let name = form[field].label[model.language]
            out.append((zh ? "“\(name)”不是数字：写 48000、48,000 或 4.8万。" : "\(name) is not a number: write 48000, 48,000 or 4.8万.", Style(.danger, bold: true)))
        }
        let previous = console.incident.scope
        let scope = ScopeAssessment(
            categories: categories.map(\.id),
            records: (count(.records) ?? nil) ?? previous?.records,
            people: (count(.people) ?? nil) ?? previous?.people,
            confidence: Self.confidences[form.choice(.confidence)] ?? previous?.confidence,
            basis: form.cleaned(.basis), at: model.now, by: "", seq: 0)
        out += RecordText.suggestion(playbook: console.playbook, scope: scope, current: console.incident.severity, language: model.language)
        out.append((zh ? "* 敏感个人信息（个人信息保护法第二十八条）" : "* sensitive personal information (PIPL Art. 28)", .muted))
        return out
    }

    mutating func submit(model: AppModel) -> DialogOutcome {
        guard let records = count(.records) else {
            return refuse(.records, "记录条数不是数字：写 48000、48,000 或 4.8万，不知道就留空。", "The number of records is not a number: write 48000 or 48,000, or leave it empty.")
        }
        guard let people = count(.people) else {
            return refuse(.people, "涉及人数不是数字：写 31000、31,000 或 3.1万，不知道就留空。", "The number of people is not a number: write 31000 or 31,000, or leave it empty.")
        }
        let confidence = Self.confidences[form.choice(.confidence)]
        let previous = model.console?.incident.scope
        if (records ?? previous?.records) != nil || (people ?? previous?.people) != nil, confidence ?? previous?.confidence == nil {
            return refuse(.confidence, "有了数字，还请选择估计的把握程度（低、中、高）。", "With numbers given, choose how sure the estimate is (low, medium, high).")
        }
        return .perform(.record(.assessScope(ScopeInput(
            categories: categories, records: records, people: people,
            confidence: confidence, basis: form.cleaned(.basis)))))
    }
}
