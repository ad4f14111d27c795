/// A scope assessment records the whole estimate: what is not given is carried over from the
/// last one, except the basis, which explains only the assessment it comes with.
enum ScopeRules {
    static func assess(_ input: ScopeInput, state: IncidentState) throws(Refusal) -> [EventDraft] {
        guard input.categories != nil || input.records != nil || input.people != nil || input.confidence != nil || input.basis != nil else {
            throw Refusal(
                "scope-empty",
                zh: "没有要记录的范围：请给出 --category、--records、--people、--confidence 或 --basis。",
                en: "Nothing to record: give --category, --records, --people, --confidence or --basis.")
        }
        if (input.records ?? 0) < 0 || (input.people ?? 0) < 0 {
            throw Refusal("scope-negative", zh: "记录数和人数不能为负数。", en: "The numbers of records and people cannot be negative.")
        }
        let basis = try RecordRules.optional(input.basis)
        let previous = state.scope
        let chosen = input.categories.map { Set($0.map(\.id)) }
        let categories = chosen.map { set in DataCategory.all.map(\.id).filter(set.contains) } ?? previous?.categories ?? []
        let records = input.records ?? previous?.records
        let people = input.people ?? previous?.people
        let confidence = input.confidence ?? previous?.confidence
        if (records != nil || people != nil) && confidence == nil {
            throw Refusal(
                "confidence-required",
                zh: "请说明估计的把握程度：--confidence low|medium|high（低、中、高）。",
                en: "Say how sure the estimate is: --confidence low|medium|high")
        }
        if let previous, previous.categories == categories, previous.records == records, previous.people == people,
           previous.confidence == confidence, basis == nil || basis == previous.basis
        {
            throw Refusal("scope-unchanged", zh: "范围与当前评估相同，未记录。", en: "The scope is the same as the current assessment; nothing was recorded.")
        }
        var data: JSONObject = ["categories": .array(categories.map { .string($0) })]
        if let records { data["records"] = .int(records) }
        if let people { data["people"] = .int(people) }
        if let confidence { data["confidence"] = .string(confidence.rawValue) }
        if let basis { data["basis"] = .string(basis) }
        return [EventDraft(EventType.scopeAssessed, data)]
    }
}
