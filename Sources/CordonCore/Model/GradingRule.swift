/// One line of a playbook's `grading:` section: the severity a scope suggests when every
/// condition the rule gives holds.
///
///     - severity: serious
///       people_at_least: 10000
///       sensitive: true
///       cite: 本公司政策：涉及敏感个人信息 1 万人以上至少定为较大
public struct GradingRule: Sendable, Hashable {
    public var severity: Severity
    public var peopleAtLeast: Int?
    public var recordsAtLeast: Int?
    /// Holds only when a sensitive category is involved.
    public var sensitive: Bool
    /// Holds only when one of these category ids is involved (empty: any).
    public var categories: [String]
    /// The law or company policy the threshold encodes.
    public var cite: String
    /// The threshold is not confirmed law: show it as "check with legal".
    public var verify: Bool

    public init(
        severity: Severity, peopleAtLeast: Int? = nil, recordsAtLeast: Int? = nil, sensitive: Bool = false,
        categories: [String] = [], cite: String, verify: Bool = false
    ) {
        self.severity = severity
        self.peopleAtLeast = peopleAtLeast
        self.recordsAtLeast = recordsAtLeast
        self.sensitive = sensitive
        self.categories = categories
        self.cite = cite
        self.verify = verify
    }

    /// Whether the rule says anything at all.
    public var hasCondition: Bool {
        peopleAtLeast != nil || recordsAtLeast != nil || sensitive || !categories.isEmpty
    }

    /// The conditions in words: `≥ 10,000 people, sensitive categories`.
    public func conditions(_ language: Language) -> String {
        var parts: [String] = []
        if let people = peopleAtLeast {
            parts.append(language == .zh ? "≥ \(NumberText.grouped(people)) 人" : "≥ \(NumberText.grouped(people)) people")
        }
        if let records = recordsAtLeast {
            parts.append(language == .zh ? "≥ \(NumberText.grouped(records)) 条记录" : "≥ \(NumberText.grouped(records)) records")
        }
        if sensitive { parts.append(language == .zh ? "含敏感个人信息" : "sensitive categories") }
        if !categories.isEmpty {
            let names = categories.map { DataCategory.named($0)?.title[language] ?? $0 }
            parts.append((language == .zh ? "涉及" : "involving ") + names.joined(separator: language == .zh ? "或" : " or "))
        }
        return parts.joined(separator: language == .zh ? "，" : ", ")
    }
}
