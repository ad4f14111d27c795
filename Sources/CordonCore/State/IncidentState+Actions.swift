extension IncidentState {
    /// `action.added`: `{"action":"A1","title":"…","owner":"李明","due":"2026-12-31","finding":"F1"}`
    mutating func applyActionAdded(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("action"), let title = data.string("title"), let owner = data.string("owner"),
              let due = data.string("due").flatMap(DueDate.init(iso:)), !actions.contains(where: { $0.id == id })
        else { return false }
        actions.append(ImprovementAction(
            id: id, title: title, owner: owner, due: due, status: .open, finding: data.string("finding"),
            addedAt: event.ts, addedBy: event.actorLabel, seq: event.seq, updates: []))
        return true
    }

    /// `action.updated`: any of `status`, `owner`, `due`, `note`, e.g. `{"action":"A1","status":"done"}`
    mutating func applyActionUpdated(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("action"), let index = actions.firstIndex(where: { $0.id == id }) else { return false }
        let status = data.string("status").flatMap(ActionStatus.init(rawValue:))
        let due = data.string("due").flatMap(DueDate.init(iso:))
        let owner = data.string("owner")
        let note = data.string("note")
        guard status != nil || due != nil || owner != nil || note != nil else { return false }
        if let status { actions[index].status = status }
        if let due { actions[index].due = due }
        if let owner { actions[index].owner = owner }
        actions[index].updates.append(ActionUpdateRecord(
            status: status, owner: owner, due: due, note: note, at: event.ts, by: event.actorLabel, seq: event.seq))
        return true
    }
}
