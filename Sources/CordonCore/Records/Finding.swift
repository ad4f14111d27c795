/// A conclusion of the investigation.
public struct Finding: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 根本原因
        case rootCause = "root-cause"
        /// 促成因素
        case contributing
        /// A step of the attacker's or insider's timeline (攻击者或内部人员行为).
        case timeline

        public var title: LocalizedText {
            switch self {
            case .rootCause: LocalizedText(zh: "根本原因", en: "root cause")
            case .contributing: LocalizedText(zh: "促成因素", en: "contributing factor")
            case .timeline: LocalizedText(zh: "行为时间线", en: "attacker/insider timeline")
            }
        }
    }

    /// `F1`, `F2`, …
    public var id: String
    public var kind: Kind
    public var text: String
    /// When it happened (timeline entries), as the investigation established it.
    public var occurredAt: Timestamp?
    /// Ids of the evidence it rests on.
    public var evidence: [String]
    public var at: Timestamp
    public var by: String
    public var seq: Int
    /// Set when the finding was withdrawn; it stays in the record, marked.
    public var withdrawal: Withdrawal?

    public var isWithdrawn: Bool { withdrawal != nil }
}

/// Why and when a finding or an accountability entry was withdrawn.
public struct Withdrawal: Sendable, Hashable, Codable {
    public var reason: String
    public var at: Timestamp
    public var by: String
    public var seq: Int
}
