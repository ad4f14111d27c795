/// A playbook's defaults for notices (`notice:`): who the company is, how people reach it,
/// and the wording of harm and advice for each category of personal information. A responder's
/// own `cordon facts` take precedence over all of these.
public struct NoticeSettings: Sendable, Hashable {
    public var company: LocalizedText?
    public var contact: LocalizedText?
    /// Advice that suits every leak, given after the per-category advice.
    public var advice: LocalizedText?
    /// The same advice said of the people affected, for reports to authorities.
    public var individualMeasures: LocalizedText?
    /// The type of incident as a report to an authority names it: `数据安全事件（个人信息泄露）`.
    public var incidentType: LocalizedText?
    public var categories: [CategoryWording]

    public init(
        company: LocalizedText? = nil, contact: LocalizedText? = nil, advice: LocalizedText? = nil, individualMeasures: LocalizedText? = nil,
        incidentType: LocalizedText? = nil, categories: [CategoryWording] = []
    ) {
        self.company = company
        self.contact = contact
        self.advice = advice
        self.individualMeasures = individualMeasures
        self.incidentType = incidentType
        self.categories = categories
    }

    public func wording(for category: String) -> CategoryWording? {
        categories.first { $0.category == category }
    }
}

/// How a notice describes the harm of one category leaking and what individuals can do about it.
public struct CategoryWording: Sendable, Hashable {
    /// A `DataCategory` id.
    public var category: String
    /// Said of no one in particular, so that a letter and a report can both state it.
    public var harm: LocalizedText?
    /// Addressed to the person (`留意以您名义办理的业务`), for the letter to individuals.
    public var advice: LocalizedText?
    /// The same advice said of the people affected (`留意以本人名义办理的业务`), for a report to an
    /// authority.
    public var individualMeasures: LocalizedText?

    public init(category: String, harm: LocalizedText? = nil, advice: LocalizedText? = nil, individualMeasures: LocalizedText? = nil) {
        self.category = category
        self.harm = harm
        self.advice = advice
        self.individualMeasures = individualMeasures
    }
}
