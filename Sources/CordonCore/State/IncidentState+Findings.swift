extension IncidentState {
    /// `finding.added`: `{"finding":"F1","kind":"root-cause","text":"…","evidence":["E1"]}`;
    /// timeline entries also carry `occurred_at`.
    mutating func applyFindingAdded(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("finding"), let kind = data.string("kind").flatMap(Finding.Kind.init(rawValue:)),
              let text = data.string("text"), !findings.contains(where: { $0.id == id })
        else { return false }
        findings.append(Finding(
            id: id, kind: kind, text: text,
            occurredAt: data.string("occurred_at").flatMap(Timestamp.init(iso8601:)),
            evidence: data["evidence"]?.array?.compactMap(\.string) ?? [],
            at: event.ts, by: event.actorLabel, seq: event.seq, withdrawal: nil))
        return true
    }

    /// `finding.withdrawn`: `{"finding":"F2","reason":"…"}`
    mutating func applyFindingWithdrawn(_ event: Event) -> Bool {
        guard let id = event.data.string("finding"), let index = findings.firstIndex(where: { $0.id == id }),
              let withdrawal = withdrawal(from: event)
        else { return false }
        findings[index].withdrawal = withdrawal
        return true
    }
}
