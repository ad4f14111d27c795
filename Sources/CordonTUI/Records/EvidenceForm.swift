import CordonCore

/// Registers evidence: a file, hashed where it lies by the driver (the console never opens it),
/// or an item described in words; where it came from and who holds it now.
struct EvidenceForm: FormDialog {
    enum Field: CaseIterable, Sendable {
        case file, description, origin, custodian
    }

    var form: Form<Field>
    let parent: (any Dialog)?

    init(parent: (any Dialog)? = nil) {
        self.parent = parent
        form = Form { field in
            switch field {
            case .file: .text(localized("文件路径", "File path"), limit: 4096, placeholder: localized("如 /srv/export/access.log；实物可留空", "e.g. /srv/export/access.log; empty for an item"))
            case .description: .text(localized("描述", "Description"), placeholder: localized("如 封存的外包商笔记本电脑", "e.g. the vendor's sealed laptop"))
            case .origin: .text(localized("来源", "Origin"), placeholder: localized("系统、导出或提供人", "system, export or person"))
            case .custodian: .text(localized("保管人", "Custodian"), limit: 200, placeholder: localized("现由谁保管（必填）", "who holds it now (required)"))
            }
        }
    }

    func title(_ language: Language) -> String { language == .zh ? "登记证据" : "Register evidence" }

    var draftKey: String? { "evidence" }
    var hasDraft: Bool { form.hasText }

    func notes(model: AppModel) -> [(String, Style)] {
        if let progress = model.hashing {
            return [(model.language == .zh
                ? "正在计算 SHA-256：\(progress.text)。算完才会登记；按 Esc 取消，不记录任何内容。"
                : "Hashing (SHA-256): \(progress.text). It is registered once every byte is hashed; Esc cancels and records nothing.", Style(.warning, bold: true))]
        }
        return [(model.language == .zh
            ? "文件就地计算 SHA-256 并只登记引用，不复制、不改动。相对路径从启动 cordon 的目录算起。"
            : "A file is hashed (SHA-256) where it lies and only referenced, never copied or changed. Relative paths start where cordon was started.", .muted)]
    }

    mutating func submit(model: AppModel) -> DialogOutcome {
        let path = form.cleaned(.file)
        let description = form.cleaned(.description)
        guard path != nil || description != nil else {
            return refuse(.file, "请写文件路径，或为实物写一段描述。", "Type the file's path, or describe the item.")
        }
        guard let custodian = form.cleaned(.custodian) else {
            return refuse(.custodian, "请写明证据现由谁保管。", "Say who holds the evidence now.")
        }
        let input = EvidenceInput(description: description, origin: form.cleaned(.origin), custodian: custodian)
        if let path { return .effect(.addEvidenceFile(path: path, input: input)) }
        return .perform(.record(.addEvidence(input)))
    }
}
