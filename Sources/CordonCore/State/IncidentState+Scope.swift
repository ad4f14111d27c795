extension IncidentState {
    /// `scope.assessed`: the whole estimate, e.g.
    /// `{"categories":["id-number","phone"],"records":48000,"people":31000,"confidence":"medium","basis":"…"}`
    mutating func applyScopeAssessed(_ event: Event) -> Bool {
        let data = event.data
        guard let list = data["categories"]?.array else { return false }
        let categories = list.compactMap(\.string)
        guard categories.count == list.count else { return false }
        let confidence = data.string("confidence").flatMap(Confidence.init(rawValue:))
        scopeHistory.append(ScopeAssessment(
            categories: categories, records: data.int("records"), people: data.int("people"),
            confidence: confidence, basis: data.string("basis"), at: event.ts, by: event.actorLabel, seq: event.seq))
        return true
    }
}
