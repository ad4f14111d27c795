extension IncidentState {
    /// `evidence.added`: `{"evidence":"E1","file":"/…","sha256":"…","size":1024,"origin":"…","custodian":"王芳"}`
    /// or with `description` instead of (or beside) the file.
    mutating func applyEvidenceAdded(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("evidence"), let custodian = data.string("custodian"),
              !evidence.contains(where: { $0.id == id })
        else { return false }
        var file: EvidenceFile?
        if let path = data.string("file") {
            guard let sha256 = data.string("sha256"), let size = data.int("size") else { return false }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            file = EvidenceFile(path: path, name: name, sha256: sha256, size: size)
        }
        let description = data.string("description")
        guard file != nil || description != nil else { return false }
        evidence.append(EvidenceRecord(
            id: id, description: description, file: file, origin: data.string("origin"),
            custody: [CustodyChange(at: event.ts, from: nil, to: custodian, by: event.actorLabel, reason: nil, seq: event.seq)],
            addedAt: event.ts, addedBy: event.actorLabel, seq: event.seq))
        return true
    }

    /// `evidence.transferred`: `{"evidence":"E1","from":"王芳","to":"李明","reason":"送司法鉴定"}`
    mutating func applyEvidenceTransferred(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("evidence"), let to = data.string("to"),
              let index = evidence.firstIndex(where: { $0.id == id })
        else { return false }
        evidence[index].custody.append(CustodyChange(
            at: event.ts, from: data.string("from") ?? evidence[index].custodian, to: to, by: event.actorLabel,
            reason: data.string("reason"), seq: event.seq))
        return true
    }

    /// `evidence.checked`: `{"evidence":"E1","file":"/…","outcome":"match","sha256":"…","size":1024,"started":"…"}`,
    /// or `"outcome":"unreadable"` with the `problem` (`{"zh":…,"en":…}`) instead of a hash.
    mutating func applyEvidenceChecked(_ event: Event) -> Bool {
        let data = event.data
        guard let id = data.string("evidence"),
              let outcome = data.string("outcome").flatMap(EvidenceCheck.Outcome.init(rawValue:)),
              let index = evidence.firstIndex(where: { $0.id == id })
        else { return false }
        evidence[index].checks.append(EvidenceCheck(
            outcome: outcome, sha256: data.string("sha256"), size: data.int("size"), problem: LocalizedText(json: data["problem"]),
            startedAt: data.string("started").flatMap(Timestamp.init(iso8601:)), at: event.ts, by: event.actorLabel, seq: event.seq))
        return true
    }
}
