/// How sure a scope estimate is.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    case low
    case medium
    case high

    public var title: LocalizedText {
        switch self {
        case .low: LocalizedText(zh: "低", en: "low")
        case .medium: LocalizedText(zh: "中", en: "medium")
        case .high: LocalizedText(zh: "高", en: "high")
        }
    }

    public init?(parsing text: String) {
        switch text.lowercased() {
        case "low", "低": self = .low
        case "medium", "med", "中": self = .medium
        case "high", "高": self = .high
        default: return nil
        }
    }
}

/// The best estimate of what leaked, at one moment. Each assessment is complete: a later one
/// replaces it, and the history stays in `IncidentState.scopeHistory`.
public struct ScopeAssessment: Sendable, Hashable, Codable {
    /// Ids of `DataCategory`, in the order of `DataCategory.all`.
    public var categories: [String]
    public var records: Int?
    public var people: Int?
    public var confidence: Confidence?
    /// How the numbers were reached (a query, a sample, an extrapolation).
    public var basis: String?
    public var at: Timestamp
    public var by: String
    public var seq: Int

    public init(
        categories: [String], records: Int?, people: Int?, confidence: Confidence?, basis: String?,
        at: Timestamp, by: String, seq: Int
    ) {
        self.categories = categories
        self.records = records
        self.people = people
        self.confidence = confidence
        self.basis = basis
        self.at = at
        self.by = by
        self.seq = seq
    }

    public var dataCategories: [DataCategory] { categories.compactMap(DataCategory.named) }

    public var involvesSensitive: Bool { dataCategories.contains { $0.sensitive } }
}
