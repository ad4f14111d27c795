/// A playbook's defaults for notices (`notice:`): who the company is, how people reach it,
/// and the wording of harm and advice for each category of personal information. A responder's
/// own `cordon facts` take precedence over all of these.
public struct NoticeSettings: Sendable, Hashable {
    public var company: LocalizedText?
    public var contact: LocalizedText?
    /// Advice that suits every leak, given after the per-category advice.
    public var advice: LocalizedText?
    public var categories: [CategoryWording]

    public init(company: LocalizedText? = nil, contact: LocalizedText? = nil, advice: LocalizedText? = nil, categories: [CategoryWording] = []) {
        self.company = company
        self.contact = contact
        self.advice = advice
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
    public var harm: LocalizedText?
    public var advice: LocalizedText?

    public init(category: String, harm: LocalizedText? = nil, advice: LocalizedText? = nil) {
        self.category = category
        self.harm = harm
        self.advice = advice
    }
}
