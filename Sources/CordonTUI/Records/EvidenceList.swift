import CordonCore

/// The evidence registered so far with its hash and custody; `n` registers more, `Enter` hands
/// the selected item over, `v` hashes its file again and records whether it still matches (both
/// also after the incident is closed).
struct EvidenceList: RecordListDialog {
    var selection = 0
    let parent: (any Dialog)?

    init(parent: (any Dialog)? = nil) {
        self.parent = parent
    }

    func title(_ language: Language) -> String { language == .zh ? "证据与保管链" : "Evidence and custody" }

    /// The list stays open after a check, so its result shows on the item.
    var afterRecording: (any Dialog)? { self }

    func intro(model: AppModel) -> [(String, Style)] {
        guard let progress = model.hashing else { return [] }
        return [(model.language == .zh
            ? "正在校验 SHA-256：\(progress.text)。算完才记录结果；按 Esc 取消，不记录任何内容。"
            : "Checking (SHA-256): \(progress.text). The result is recorded once every byte is hashed; Esc cancels and records nothing.", Style(.warning, bold: true))]
    }

    func entries(model: AppModel) -> [[(String, Style)]] {
        let zh = model.language == .zh
        return (model.console?.incident.evidence ?? []).map { item in
            var lines: [(String, Style)] = [(RecordText.evidence(item, language: model.language), .plain)]
            var detail: [String] = []
            if let file = item.file { detail.append("\(file.name.terminalSafe) \(NumberText.grouped(file.size)) B") }
            if let origin = item.origin { detail.append((zh ? "来源 " : "from ") + origin.terminalSafe) }
            if item.custody.count > 1, let last = item.custody.last {
                let why = last.reason.map { zh ? "（\($0.terminalSafe)）" : " (\($0.terminalSafe))" } ?? ""
                detail.append((zh ? "移交 \(item.custody.count - 1) 次，最近 " : "handed over \(item.custody.count - 1)×, last ") + "\(last.from?.terminalSafe ?? "?") → \(last.to.terminalSafe)\(why)")
            }
            if !detail.isEmpty { lines.append(("    " + detail.joined(separator: " · "), .muted)) }
            if let check = item.lastCheck {
                let text = (zh ? "    最近校验 " : "    last checked ") + model.times.minute(check.at) + " · " + check.outcome.title[model.language]
                lines.append((text, check.outcome == .match ? .muted : Style(.warning)))
            }
            return lines
        }
    }

    func empty(_ language: Language) -> String {
        language == .zh ? "尚未登记证据。按 n 登记文件（计算 SHA-256）或实物描述。" : "No evidence yet. Press n to register a file (hashed with SHA-256) or describe an item."
    }

    func hints(_ language: Language) -> String {
        language == .zh ? "n 登记  Enter 移交  v 校验  Esc 返回" : "n register  Enter hand over  v check  Esc back"
    }

    mutating func act(_ request: Request, model: AppModel) -> DialogOutcome {
        let evidence = model.console?.incident.evidence ?? []
        switch request {
        case .insert("n"):
            if let refusal = refuseInReplay(model) { return refusal }
            return .replace(EvidenceForm(parent: selectingNew(after: evidence.count)))
        case .submit:
            if let refusal = refuseInReplay(model) { return refusal }
            guard let index = selected(among: evidence.count) else {
                return .invalid(localized("还没有可移交的证据；按 n 先登记。", "There is no evidence to hand over yet; press n to register some."))
            }
            return .replace(HandOverForm(evidence: evidence, selected: index, parent: self))
        case .insert("v"):
            if let refusal = refuseInReplay(model) { return refusal }
            guard let index = selected(among: evidence.count) else {
                return .invalid(localized("还没有可校验的证据；按 n 先登记。", "There is no evidence to check yet; press n to register some."))
            }
            guard let incident = model.console?.incident else { return .stay }
            do throws(Refusal) {
                let (item, file) = try RecordRules.evidenceToCheck(evidence[index].id, in: incident)
                return .effect(.checkEvidenceFile(id: item.id, path: file.path))
            } catch {
                return .invalid(error.message)
            }
        default:
            return .stay
        }
    }
}
