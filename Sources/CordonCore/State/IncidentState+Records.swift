/// Folds the records of the investigation and its aftermath. Each record type folds in its own
/// file; an event whose data this version cannot read is left out and counted as unknown.
extension IncidentState {
    mutating func applyRecord(_ event: Event) -> Bool {
        switch event.type {
        case EventType.evidenceAdded: applyEvidenceAdded(event)
        case EventType.evidenceTransferred: applyEvidenceTransferred(event)
        case EventType.evidenceChecked: applyEvidenceChecked(event)
        case EventType.scopeAssessed: applyScopeAssessed(event)
        case EventType.findingAdded: applyFindingAdded(event)
        case EventType.findingWithdrawn: applyFindingWithdrawn(event)
        case EventType.accountabilityAdded: applyAccountabilityAdded(event)
        case EventType.accountabilityWithdrawn: applyAccountabilityWithdrawn(event)
        case EventType.actionAdded: applyActionAdded(event)
        case EventType.actionUpdated: applyActionUpdated(event)
        case EventType.noticeFactsRecorded: applyNoticeFacts(event)
        default: false
        }
    }

    /// The withdrawal an event records, if its data has a reason.
    func withdrawal(from event: Event) -> Withdrawal? {
        guard let reason = event.data.string("reason") else { return nil }
        return Withdrawal(reason: reason, at: event.ts, by: event.actorLabel, seq: event.seq)
    }
}
