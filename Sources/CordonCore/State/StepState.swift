/// Where a step stands.
public enum StepState: String, Sendable, CaseIterable, Codable {
    case pending
    case active
    case done
    case skipped
    case blocked

    /// Done or skipped: nothing holds the phase back on this step's account.
    public var isSettled: Bool { self == .done || self == .skipped }

    public var title: LocalizedText {
        switch self {
        case .pending: LocalizedText(zh: "待办", en: "pending")
        case .active: LocalizedText(zh: "进行中", en: "active")
        case .done: LocalizedText(zh: "已完成", en: "done")
        case .skipped: LocalizedText(zh: "已跳过", en: "skipped")
        case .blocked: LocalizedText(zh: "受阻", en: "blocked")
        }
    }
}

/// The latest word on one step.
public struct StepProgress: Sendable, Hashable, Codable {
    public var state: StepState
    /// When and by whom the step last changed.
    public var at: Timestamp
    public var by: String
    public var seq: Int
    /// Why it was skipped, blocked or reopened.
    public var reason: String?
    /// When it was last completed, while it stays done.
    public var completedAt: Timestamp?

    public init(state: StepState, at: Timestamp, by: String, seq: Int, reason: String? = nil, completedAt: Timestamp? = nil) {
        self.state = state
        self.at = at
        self.by = by
        self.seq = seq
        self.reason = reason
        self.completedAt = completedAt
    }
}
