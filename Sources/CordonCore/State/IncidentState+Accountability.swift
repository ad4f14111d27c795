extension IncidentState {
    /// `accountability.added`: `{"entry":"R1","person":"…","duty":"…","finding":"F2","measure":"…"}`
    mutating func applyAccountabilityAdded(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("entry"), let person = data.string("person"), let duty = data.string("duty"),
              let finding = data.string("finding"), let measure = data.string("measure"),
              !accountability.contains(where: { $0.id == id })
        else { return false }
        accountability.append(AccountabilityEntry(
            id: id, person: person, duty: duty, finding: finding, measure: measure,
            at: event.ts, by: event.actorLabel, seq: event.seq, withdrawal: nil))
        return true
    }

    /// `accountability.withdrawn`: `{"entry":"R1","reason":"…"}`
    mutating func applyAccountabilityWithdrawn(_ event: Event) -> Bool {
        guard let id = event.data.string("entry"), let index = accountability.firstIndex(where: { $0.id == id }),
              let withdrawal = withdrawal(from: event)
        else { return false }
        accountability[index].withdrawal = withdrawal
        return true
    }
}
