import CordonCore

extension AppModel {
    /// How times read on screen: an open incident's at its declaration's offset, whoever wrote
    /// them; on the home screen, this terminal's own.
    var times: MomentFormat {
        console?.incident.times ?? MomentFormat(offsetSeconds: now.offsetSeconds)
    }

    /// Now at the open incident's offset: what typed times and due days are read against, and
    /// what decides which of its actions are overdue.
    var incidentNow: Timestamp {
        console?.incident.local(now) ?? now
    }
}
