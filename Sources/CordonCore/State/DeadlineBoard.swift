/// Where one legal or internal clock stands at a given moment.
public struct DeadlineStatus: Sendable, Hashable {
    public enum State: String, Sendable, Codable {
        case running
        case met
        case missed
    }

    public var deadline: Deadline
    public var startedAt: Timestamp
    public var due: Timestamp
    public var state: State
    /// When the step that meets the deadline was done, if it is (possibly after `due`).
    public var metAt: Timestamp?
    /// Seconds from `now` to `due`; negative once it has passed.
    public var remaining: Int

    /// Under a quarter of the allowed time is left and it is still running.
    public var isUrgent: Bool { state == .running && remaining * 4 < deadline.within }

    /// How late the deadline was met or how long it has been overdue, in seconds; 0 when on time.
    public var lateness: Int {
        guard state == .missed else { return 0 }
        return metAt.map { due.seconds(to: $0) } ?? -remaining
    }
}

/// Works out which deadlines apply to an incident and where each stands.
public enum DeadlineBoard {
    /// The deadlines that apply at the incident's current severity, in playbook order.
    ///
    /// A deadline is met when its step is done, or — for a step that sends a notice — when that
    /// notice was recorded as sent after the clock started: a notice that went out stays sent even
    /// if the step is later reopened or the incident closed. A deadline whose step was skipped
    /// (with its recorded reason, e.g. PIPL Art. 57's exception where measures effectively avoid
    /// harm to individuals) and whose notice never went out no longer runs and is not listed.
    public static func evaluate(playbook: Playbook, state: IncidentState, now: Timestamp) -> [DeadlineStatus] {
        playbook.deadlines.compactMap { deadline in
            guard deadline.applies(at: state.severity), let start = anchor(of: deadline, in: state, playbook: playbook) else { return nil }
            let progress = state.steps[deadline.metBy]
            let metBy = playbook.step(deadline.metBy)?.step
            let rolling = deadline.anchor == .lastReport
            // A rolling clock starts at the last report, so only a later one could meet it, and
            // sending that starts the next clock instead.
            let noticeAt = rolling ? nil : metBy?.notice.flatMap { audience in
                state.notices.first { notice in
                    // A summary report sent just before closing still meets the clock closing starts.
                    notice.audience == audience && (metBy?.stage == nil || notice.stage == metBy?.stage)
                        && (notice.at >= start || deadline.anchor == .closed)
                }?.at
            }
            guard progress?.state != .skipped || noticeAt != nil else { return nil }
            let due = start.adding(seconds: deadline.within)
            let doneAt = progress?.state == .done && !rolling ? progress?.completedAt : nil
            // A step done before the clock started meets it as the clock starts, never before.
            let metAt = [noticeAt, doneAt].compactMap { $0 }.min().map { max($0, start) }
            let status: DeadlineStatus.State
            if let metAt, metAt <= due {
                status = .met
            } else if now > due || metAt != nil {
                status = .missed
            } else {
                status = .running
            }
            return DeadlineStatus(
                deadline: deadline, startedAt: start, due: due, state: status, metAt: metAt,
                remaining: now.seconds(to: due)
            )
        }
    }

    /// When the clock of `deadline` started, or `nil` if it has not.
    ///
    /// A `classified` clock starts when the incident was last graded into the range where the
    /// deadline applies: regrading within that range (serious → major) does not restart it,
    /// dropping out of it and coming back does.
    static func anchor(of deadline: Deadline, in state: IncidentState, playbook: Playbook) -> Timestamp? {
        switch deadline.anchor {
        case .detected: return state.detectedAt
        case .declared: return state.declaredAt
        case .closed: return state.closedAt
        case .lastReport:
            guard !state.isClosed, let step = playbook.step(deadline.metBy)?.step, let audience = step.notice else { return nil }
            return state.notices.last { $0.audience == audience }?.at
        case .classified:
            var start: Timestamp?
            for change in state.severityHistory {
                if deadline.applies(at: change.severity) {
                    if start == nil { start = change.at }
                } else {
                    start = nil
                }
            }
            return start
        }
    }
}
