/// Evidence is registered once and handed over any number of times; each hand-over is its own
/// event, so the chain of custody is the timeline itself.
enum EvidenceRules {
    static func add(_ input: EvidenceInput, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let custodian = try RecordRules.required(
            input.custodian, "custodian-required",
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
                    zh: "该文件已登记为 \(same.id)（路径与 SHA-256 都相同），未重复登记；移交用 transfer，核对用 check。",
                    en: "This file is already registered as \(same.id) (same path and SHA-256) and was not registered twice; hand it over with transfer, check it with check.")
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
        let to = try RecordRules.required(person, "custodian-required", zh: "请说明交给谁：--to 姓名。", en: "Say who receives it: --to NAME")
        let reason = try RecordRules.optional(reason)
        guard to != item.custodian else {
            throw Refusal("same-custodian", zh: "\(item.id) 已由 \(to) 保管。", en: "\(to) already holds \(item.id).")
        }
        var data: JSONObject = ["evidence": .string(item.id), "from": .string(item.custodian), "to": .string(to)]
        if let reason { data["reason"] = .string(reason) }
        return [EventDraft(EventType.evidenceTransferred, data)]
    }

    /// Allowed on a closed incident: evidence is checked long after the response, before it is
    /// handed to a court or a regulator. The outcome is decided here from what was observed, so
    /// a caller cannot record a match for bytes that differ.
    static func check(_ reference: String, observed: EvidenceFile?, problem: String?, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let item = try find(reference, in: state)
        guard let recorded = item.file else {
            throw Refusal(
                "evidence-not-a-file", zh: "\(item.id) 是实物或描述，没有可校验的文件。",
                en: "\(item.id) is a description, with no file to check.")
        }
        var data: JSONObject = ["evidence": .string(item.id), "file": .string(recorded.path)]
        if let observed {
            guard EvidenceFile.isHash(observed.sha256), observed.size >= 0 else {
                throw Refusal(
                    "evidence-unhashed",
                    zh: "校验结果缺少有效的 SHA-256 或大小，未记录；请用 cordon evidence ID check 校验。",
                    en: "The check lacks a valid SHA-256 or size and was not recorded; check with cordon evidence ID check.")
            }
            let same = observed.sha256 == recorded.sha256 && observed.size == recorded.size
            data["outcome"] = .string((same ? EvidenceCheck.Outcome.match : .changed).rawValue)
            data["sha256"] = .string(observed.sha256)
            data["size"] = .int(observed.size)
        } else {
            data["outcome"] = .string(EvidenceCheck.Outcome.missing.rawValue)
            data["problem"] = .string(try RecordRules.optional(problem) ?? "unreadable")
        }
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
