extension IncidentState {
    /// `facts.recorded`: the facts given, each replacing the last value of its kind, e.g.
    /// `{"cause":"外包商账号被盗用","contact":"个人信息保护负责人 010-0000 0000"}`
    mutating func applyNoticeFacts(_ event: Event) -> Bool {
        let data = event.data
        let facts = NoticeFacts(
            cause: data.string("cause"), harm: data.string("harm"), measures: data.string("measures"),
            advice: data.string("advice"), contact: data.string("contact"), company: data.string("company"),
            system: data.string("system"), lessons: data.string("lessons"))
        guard !facts.isEmpty else { return false }
        noticeFacts = noticeFacts.merging(facts)
        return true
    }
}
