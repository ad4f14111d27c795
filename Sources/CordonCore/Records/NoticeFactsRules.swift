/// Facts written for the notices; each one given replaces the last of its kind.
enum NoticeFactsRules {
    static func record(_ facts: NoticeFacts, state: IncidentState) throws(Refusal) -> [EventDraft] {
        let cleaned = NoticeFacts(
            cause: try RecordRules.optional(facts.cause), harm: try RecordRules.optional(facts.harm),
            measures: try RecordRules.optional(facts.measures), advice: try RecordRules.optional(facts.advice),
            contact: try RecordRules.optional(facts.contact), company: try RecordRules.optional(facts.company),
            system: try RecordRules.optional(facts.system), lessons: try RecordRules.optional(facts.lessons))
        guard !cleaned.isEmpty else {
            throw Refusal(
                "facts-empty",
                zh: "没有要记录的通报要素：请给出 --cause、--harm、--measures、--advice、--contact、--company、--system 或 --lessons。",
                en: "Nothing to record: give --cause, --harm, --measures, --advice, --contact, --company, --system or --lessons.")
        }
        guard state.noticeFacts.merging(cleaned) != state.noticeFacts else {
            throw Refusal("facts-unchanged", zh: "通报要素与已记录的相同，未记录。", en: "These facts are already recorded; nothing was recorded.")
        }
        var data = JSONObject()
        let fields: [(String, String?)] = [
            ("cause", cleaned.cause), ("harm", cleaned.harm), ("measures", cleaned.measures),
            ("advice", cleaned.advice), ("contact", cleaned.contact), ("company", cleaned.company),
            ("system", cleaned.system), ("lessons", cleaned.lessons),
        ]
        for (key, value) in fields {
            if let value { data[key] = .string(value) }
        }
        return [EventDraft(EventType.noticeFactsRecorded, data)]
    }
}
