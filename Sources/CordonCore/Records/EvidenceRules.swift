/// Evidence is registered once and handed over any number of times; each hand-over is its own
/// event, so the chain of custody is the timeline itself.
enum EvidenceRules {
    static func add(_ input: EvidenceInput, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let custodian = try RecordRules.requiredName(
            input.custodian, "custodian-required", field: LocalizedText(zh: "保管人姓名", en: "the custodian's name"),
            zh: "请说明证据现由谁保管：--custodian 姓名。", en: "Say who holds the evidence now: --custodian NAME")
        let description = try RecordRules.optional(input.description)
        let origin = try RecordRules.optional(input.origin)
        guard input.file != nil || description != nil else {
            throw Refusal(
                "evidence-empty",
                zh: "请给出证据文件（--file 路径）或描述（--description \"…\"，如封存的笔记本电脑）。",
                en: "Give the evidence file (--file PATH) or a description (--description \"…\", e.g. a sealed laptop).")
        }
        var data: JSONObject = ["evidence": .string(RecordRules.nextId("E", after: state.evidence.map(\.id)))]
        if let file = input.file {
            guard EvidenceFile.isHash(file.sha256), file.size >= 0, !file.path.isEmpty else {
                throw Refusal(
                    "evidence-unhashed",
                    zh: "证据文件缺少有效的 SHA-256 或大小，未记录；请用 cordon evidence 登记文件，由程序计算哈希。",
                    en: "The evidence file lacks a valid SHA-256 or size and was not recorded; register files with cordon evidence so the hash is computed for you.")
            }
            if let same = state.evidence.first(where: { $0.file?.path == file.path && $0.file?.sha256 == file.sha256 }) {
                throw Refusal(
                    "evidence-duplicate",
                    zh: "该文件已登记为 \(same.id)（路径与 SHA-256 都相同），未重复登记；需要时可移交或校验 \(same.id)。",
                    en: "This file is already registered as \(same.id) (same path and SHA-256), so nothing was registered; hand \(same.id) over or check it instead.")
            }
            data["file"] = .string(file.path)
            data["sha256"] = .string(file.sha256)
            data["size"] = .int(file.size)
        }
        if let description { data["description"] = .string(description) }
        if let origin { data["origin"] = .string(origin) }
        data["custodian"] = .string(custodian)
        return [EventDraft(EventType.evidenceAdded, data)]
    }

    /// Allowed on a closed incident: evidence keeps moving after the response ends.
    static func transfer(_ reference: String, to person: String, reason: String?, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let item = try find(reference, in: state)
        let to = try RecordRules.requiredName(person, "custodian-required", field: LocalizedText(zh: "接收人姓名", en: "the recipient's name"), zh: "请说明交给谁：--to 姓名。", en: "Say who receives it: --to NAME")
        let reason = try RecordRules.optional(reason)
        guard to != item.custodian else {
            throw Refusal("same-custodian", zh: "\(item.id) 已由 \(to) 保管。", en: "\(to) already holds \(item.id).")
        }
        var data: JSONObject = ["evidence": .string(item.id), "from": .string(item.custodian), "to": .string(to)]
        if let reason { data["reason"] = .string(reason) }
        return [EventDraft(EventType.evidenceTransferred, data)]
    }

    /// Allowed on a closed incident: evidence is checked long after the response, before it is
    /// handed to a court or a regulator. The outcome is decided here from what was found, so
    /// a caller cannot record a match for bytes that differ.
    static func check(_ reference: String, found: EvidenceObservation, started: Timestamp?, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let (item, recorded) = try RecordRules.evidenceToCheck(reference, in: state)
        var data: JSONObject = ["evidence": .string(item.id), "file": .string(recorded.path)]
        switch found {
        case .read(let file):
            guard EvidenceFile.isHash(file.sha256), file.size >= 0 else {
                throw Refusal(
                    "evidence-unhashed",
                    zh: "校验结果缺少有效的 SHA-256 或大小，未记录；请用 cordon evidence ID check 校验。",
                    en: "The check lacks a valid SHA-256 or size and was not recorded; check with cordon evidence ID check.")
            }
            let same = file.sha256 == recorded.sha256 && file.size == recorded.size
            data["outcome"] = .string((same ? EvidenceCheck.Outcome.match : .changed).rawValue)
            data["sha256"] = .string(file.sha256)
            data["size"] = .int(file.size)
        case .unreadable(let reason):
            let zh = reason.zh.trimmingCharacters(in: .whitespacesAndNewlines)
            let en = reason.en.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !zh.isEmpty, !en.isEmpty else {
                throw Refusal(
                    "check-reason-required", zh: "无法读取的文件须说明原因，未记录。",
                    en: "A file that could not be read needs the reason; nothing was recorded.")
            }
            data["outcome"] = .string(EvidenceCheck.Outcome.unreadable.rawValue)
            data["problem"] = LocalizedText(zh: zh, en: en).json
        }
        if let started { data["started"] = .string(started.iso8601) }
        return [EventDraft(EventType.evidenceChecked, data)]
    }

    static func find(_ reference: String, in state: IncidentState) throws(Refusal) -> EvidenceRecord {
        let id = RecordRules.normalizedId(reference, prefix: "E")
        if let item = state.evidence.first(where: { $0.id == id }) { return item }
        let known = state.evidence.map(\.id).joined(separator: ", ")
        throw Refusal(
            "unknown-evidence",
            zh: "没有证据“\(reference)”\(known.isEmpty ? "，尚未登记任何证据" : "；已登记：\(known)")（cordon evidence \(state.id) list）。",
            en: "There is no evidence '\(reference)'\(known.isEmpty ? "; none is registered yet" : "; registered: \(known)") (cordon evidence \(state.id) list).")
    }
}
