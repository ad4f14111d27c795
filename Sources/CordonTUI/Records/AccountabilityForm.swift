import CordonCore

/// Records who is held to account, for which duty, on which finding, and the measure proposed.
/// Opened only from the accountability screen.
struct AccountabilityForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case person, duty, finding, measure
    }

    /// The findings that stand (not withdrawn): the only grounds an entry may rest on.
    let findings: [Finding]
    var form: Form<Field>
    let parent: (any Dialog)?

    init(findings: [Finding], parent: (any Dialog)? = nil) {
        self.findings = findings
        self.parent = parent
        form = Form { field in
            switch field {
            case .person: .text(localized("责任人", "Person"), limit: 200, placeholder: localized("姓名或岗位", "name or post"))
            case .duty: .text(localized("未履行职责", "Duty not met"), rows: 2, placeholder: localized("哪项职责或制度未落实", "which duty or rule was not met"))
            case .finding: .choice(localized("所依结论", "Rests on"), findings.map(RecordText.findingChoice))
            case .measure: .text(localized("拟处理措施", "Measure"), rows: 2, placeholder: localized("如 通报批评、扣减绩效", "e.g. written warning"))
            }
        }
    }

    func title(_ language: Language) -> String { language == .zh ? "新增追责记录" : "Add an accountability entry" }

    /// Kept per the records it offers, so a draft never comes back with a stale list.
    var draftKey: String? { "accountability " + findings.map(\.id).joined(separator: ",") }
    var hasDraft: Bool { form.hasText }

    mutating func submit(model: AppModel) -> DialogOutcome {
        guard let person = form.cleaned(.person) else {
            return refuse(.person, "请写明责任人。", "Name the person.")
        }
        guard let duty = form.cleaned(.duty) else {
            return refuse(.duty, "请写明未履行的职责。", "State the duty that was not met.")
        }
        guard let measure = form.cleaned(.measure) else {
            return refuse(.measure, "请写明拟采取的处理措施。", "State the measure proposed.")
        }
        let finding = findings[form.choice(.finding)]
        return .perform(.record(.addAccountability(AccountabilityInput(person: person, duty: duty, finding: finding.id, measure: measure))))
    }
}
