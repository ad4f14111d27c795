/// The event types this version writes and understands. Others (from a newer version) are
/// kept in the timeline and shown as they are; the fold leaves the state unchanged for them.
public enum EventType {
    public static let declared = "incident.declared"
    public static let classified = "incident.classified"
    public static let closed = "incident.closed"
    public static let phaseAdvanced = "phase.advanced"
    public static let stepStarted = "step.started"
    public static let stepCompleted = "step.completed"
    public static let stepSkipped = "step.skipped"
    public static let stepBlocked = "step.blocked"
    public static let stepReopened = "step.reopened"
    public static let noteAdded = "note.added"
    public static let roleAssigned = "role.assigned"
    public static let noticeSent = "notice.sent"
    public static let drillStarted = "drill.started"
    public static let drillClock = "drill.clock"
    public static let drillEnded = "drill.ended"
    public static let injectDelivered = "inject.delivered"
}

/// The records of the investigation and its aftermath (see `RecordCommand`).
extension EventType {
    public static let evidenceAdded = "evidence.added"
    public static let evidenceTransferred = "evidence.transferred"
    public static let evidenceChecked = "evidence.checked"
    public static let scopeAssessed = "scope.assessed"
    public static let findingAdded = "finding.added"
    public static let findingWithdrawn = "finding.withdrawn"
    public static let accountabilityAdded = "accountability.added"
    public static let accountabilityWithdrawn = "accountability.withdrawn"
    public static let actionAdded = "action.added"
    public static let actionUpdated = "action.updated"
    public static let noticeFactsRecorded = "facts.recorded"
}
