import Foundation

/// Where an improvement action stands.
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case inProgress = "in-progress"
    case done
    case dropped

    /// Open or in progress: still owed.
    public var isOutstanding: Bool { self == .open || self == .inProgress }

    public var title: LocalizedText {
        switch self {
        case .open: LocalizedText(zh: "待办", en: "open")
        case .inProgress: LocalizedText(zh: "进行中", en: "in progress")
        case .done: LocalizedText(zh: "已完成", en: "done")
        case .dropped: LocalizedText(zh: "已放弃", en: "dropped")
        }
    }

    public init?(parsing text: String) {
        let key = text.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch key {
        case "open", "待办": self = .open
        case "in-progress", "progress", "started", "进行中": self = .inProgress
        case "done", "closed", "已完成", "完成": self = .done
        case "dropped", "drop", "cancelled", "已放弃", "放弃": self = .dropped
        default: return nil
        }
    }
}

/// An improvement (改进措施) with an owner and a due date. Actions outlive their incident:
/// they can be updated after it is closed, and `cordon actions` lists them across incidents.
public struct ImprovementAction: Sendable, Hashable, Codable, Identifiable {
    /// `A1`, `A2`, …
    public var id: String
    public var title: String
    public var owner: String
    public var due: DueDate
    public var status: ActionStatus
    /// The finding it answers, if any.
    public var finding: String?
    public var addedAt: Timestamp
    public var addedBy: String
    public var seq: Int
    /// Every update after the first, oldest first.
    public var updates: [ActionUpdateRecord]

    /// Still owed and past its due day, as seen at `now`.
    public func isOverdue(at now: Timestamp) -> Bool {
        status.isOutstanding && due < DueDate.today(now)
    }
}

/// One recorded change to an action.
public struct ActionUpdateRecord: Sendable, Hashable, Codable {
    public var status: ActionStatus?
    public var owner: String?
    public var due: DueDate?
    public var note: String?
    public var at: Timestamp
    public var by: String
    public var seq: Int
}
