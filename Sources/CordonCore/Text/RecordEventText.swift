/// One-line descriptions of record events (evidence, scope, findings, accountability, actions,
/// notice facts). Accountability entries say only that they exist unless `revealAccountability`
/// is set: the timeline pane and the plain report must not name people.
enum RecordEventText {
    static func summary(_ event: Event, language: Language, revealAccountability: Bool) -> String? {
        let data = event.data
        func localized(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        func text(_ key: String) -> String { data.string(key) ?? "?" }
        let reason = data.string("reason").map { localized("（原因：\($0)）", " (reason: \($0))") } ?? ""

        switch event.type {
        case EventType.evidenceAdded:
            var label = data.string("description") ?? data.string("file").map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "?"
            if let hash = data.string("sha256") { label += " · sha256 \(hash.prefix(12))…" }
            return localized("登记证据 \(text("evidence"))：\(label)（保管人 \(text("custodian"))）", "evidence \(text("evidence")): \(label) (custodian \(text("custodian")))")
        case EventType.evidenceTransferred:
            return localized("证据 \(text("evidence")) 移交：\(text("from")) → \(text("to"))", "evidence \(text("evidence")) handed over: \(text("from")) → \(text("to"))") + reason
        case EventType.evidenceChecked:
            let outcome = data.string("outcome").flatMap(EvidenceCheck.Outcome.init(rawValue:))?.title[language] ?? text("outcome")
            var detail = ""
            if let hash = data.string("sha256") { detail = " · sha256 \(hash.prefix(12))…" }
            if let problem = LocalizedText(json: data["problem"]) { detail = localized("：", ": ") + problem[language] }
            return localized("校验证据 \(text("evidence"))：\(outcome)", "evidence \(text("evidence")) checked: \(outcome)") + detail
        case EventType.scopeAssessed:
            return localized("范围评估：", "scope: ") + scopeLine(data, language: language)
        case EventType.findingAdded:
            let kind = data.string("kind").flatMap(Finding.Kind.init(rawValue:))?.title[language] ?? text("kind")
            return localized("调查结论 \(text("finding"))［\(kind)］：", "finding \(text("finding")) [\(kind)]: ") + text("text")
        case EventType.findingWithdrawn:
            return localized("撤回调查结论 \(text("finding"))", "finding \(text("finding")) withdrawn") + reason
        case EventType.accountabilityAdded:
            guard revealAccountability else {
                return localized("追责记录 \(text("entry")) 已登记（内容仅在追责界面查看）", "accountability entry \(text("entry")) recorded (shown only on its own screen)")
            }
            return localized(
                "追责记录 \(text("entry"))：\(text("person"))，未履行职责：\(text("duty"))；依据 \(text("finding"))；拟处理：\(text("measure"))",
                "accountability \(text("entry")): \(text("person")), duty not met: \(text("duty")); rests on \(text("finding")); measure: \(text("measure"))")
        case EventType.accountabilityWithdrawn:
            return localized("追责记录 \(text("entry")) 已撤回", "accountability entry \(text("entry")) withdrawn") + (revealAccountability ? reason : "")
        case EventType.actionAdded:
            return localized(
                "改进措施 \(text("action"))：\(text("title"))（负责人 \(text("owner"))，期限 \(text("due"))）",
                "action \(text("action")): \(text("title")) (owner \(text("owner")), due \(text("due")))")
        case EventType.actionUpdated:
            var parts: [String] = []
            if let status = data.string("status").flatMap(ActionStatus.init(rawValue:)) { parts.append(status.title[language]) }
            if let owner = data.string("owner") { parts.append(localized("负责人 → \(owner)", "owner → \(owner)")) }
            if let due = data.string("due") { parts.append(localized("期限 → \(due)", "due → \(due)")) }
            if let note = data.string("note") { parts.append(note) }
            return localized("改进措施 \(text("action"))：", "action \(text("action")): ") + parts.joined(separator: " · ")
        case EventType.noticeFactsRecorded:
            let names: [(String, LocalizedText)] = [
                ("cause", LocalizedText(zh: "原因", en: "cause")), ("harm", LocalizedText(zh: "可能的危害", en: "possible harm")),
                ("measures", LocalizedText(zh: "补救措施", en: "remedial measures")), ("advice", LocalizedText(zh: "个人可采取的措施", en: "advice")),
                ("contact", LocalizedText(zh: "联系方式", en: "contact")), ("company", LocalizedText(zh: "公司名称", en: "company")),
                ("system", LocalizedText(zh: "受影响的系统", en: "system affected")), ("lessons", LocalizedText(zh: "经验教训", en: "lessons")),
            ]
            let given = names.filter { data[$0.0] != nil }.map { $0.1[language] }
            return localized("通报要素已更新：", "notice facts updated: ") + given.joined(separator: language == .zh ? "、" : ", ")
        default:
            return nil
        }
    }

    static func scopeLine(_ data: JSONObject, language: Language) -> String {
        ScopeText.line(
            categories: (data["categories"]?.array ?? []).compactMap(\.string), people: data.int("people"), records: data.int("records"),
            confidence: data.string("confidence").flatMap(Confidence.init(rawValue:)), language: language)
    }
}
