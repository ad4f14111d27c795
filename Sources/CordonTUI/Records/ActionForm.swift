import CordonCore

/// Adds an improvement action: what is to be done, who owns it, by when, and the finding it
/// answers if any.
struct ActionForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case title, owner, due, finding
    }

    let findings: [Finding]
    var form: Form<Field>
    let parent: (any Dialog)?

    init(findings: [Finding], parent: (any Dialog)? = nil) {
        self.findings = findings
        self.parent = parent
        form = Form { field in
            switch field {
            case .title: .text(localized("措施", "Action"), rows: 2, placeholder: localized("要做什么", "what is to be done"))
            case .owner: .text(localized("负责人", "Owner"), limit: 200, placeholder: localized("姓名（必填）", "name (required)"))
            case .due: .text(localized("完成期限", "Due"), limit: 20, placeholder: localized("2026-12-31，或 +30d 表示 30 天后", "2026-12-31, or +30d for thirty days on"))
            case .finding: .choice(localized("对应结论", "Answers"), [localized("（无）", "(none)")] + findings.map(RecordText.findingChoice))
            }
        }
    }

    func title(_ language: Language) -> String { language == .zh ? "新增改进措施" : "Add an improvement action" }

    /// Kept per the records it offers, so a draft never comes back with a stale list.
    var draftKey: String? { "action " + findings.map(\.id).joined(separator: ",") }
    var hasDraft: Bool { form.hasText }

    mutating func submit(model: AppModel) -> DialogOutcome {
        guard let title = form.cleaned(.title) else {
            return refuse(.title, "请写明要做什么。", "Say what is to be done.")
        }
        guard let owner = form.cleaned(.owner) else {
            return refuse(.owner, "请指定负责人。", "Name the owner.")
        }
        guard let due = ActionForm.dueDate(form.cleaned(.due), now: model.incidentNow) else {
            return refuse(.due, "请写完成期限：2026-12-31，或 +30d 表示 30 天后。", "Give the due date: 2026-12-31, or +30d for thirty days from today.")
        }
        let choice = form.choice(.finding)
        let finding = choice == 0 ? nil : findings[choice - 1].id
        return .perform(.record(.addAction(ActionInput(title: title, owner: owner, due: due, finding: finding))))
    }

    static func dueDate(_ text: String?, now: Timestamp) -> DueDate? {
        text.flatMap { DueDate(parsing: $0, now: now) }
    }
}
