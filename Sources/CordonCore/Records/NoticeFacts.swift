/// What a responder has written for the notices in their own words: the cause, the possible
/// harm, the remedial measures taken, what individuals can do, and the contact. Each one, once
/// given, takes precedence over what Cordon would derive from findings and playbook defaults.
public struct NoticeFacts: Sendable, Hashable, Codable {
    public var cause: String?
    public var harm: String?
    public var measures: String?
    public var advice: String?
    public var contact: String?
    /// The company's name as the notices give it, for an incident whose playbook leaves it blank.
    public var company: String?
    /// The facility, system or platform affected, as the CAC report names it.
    public var system: String?
    /// The lessons drawn, as the CAC summary report states them.
    public var lessons: String?

    public init(
        cause: String? = nil, harm: String? = nil, measures: String? = nil, advice: String? = nil, contact: String? = nil,
        company: String? = nil, system: String? = nil, lessons: String? = nil
    ) {
        self.company = company
        self.system = system
        self.lessons = lessons
        self.cause = cause
        self.harm = harm
        self.measures = measures
        self.advice = advice
        self.contact = contact
    }

    public var isEmpty: Bool { self == NoticeFacts() }

    /// The facts with every value `other` gives replacing this one's.
    public func merging(_ other: NoticeFacts) -> NoticeFacts {
        NoticeFacts(
            cause: other.cause ?? cause, harm: other.harm ?? harm, measures: other.measures ?? measures,
            advice: other.advice ?? advice, contact: other.contact ?? contact, company: other.company ?? company,
            system: other.system ?? system, lessons: other.lessons ?? lessons)
    }
}
