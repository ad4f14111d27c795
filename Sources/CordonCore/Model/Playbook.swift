/// A response plan: who takes part, what is done in which order, and which clocks run.
///
/// Playbooks are YAML files written by people (see `playbooks/pi-leak.yaml`); `CordonStore`
/// loads them and `PlaybookRules` checks what YAML cannot.
public struct Playbook: Sendable, Hashable {
    public var id: String
    public var version: Int
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var roles: [Role]
    public var phases: [Phase]
    public var deadlines: [Deadline]
    public var templates: [NoticeTemplate]
    /// Scope thresholds that suggest a severity; the team still decides (`cordon classify`).
    public var grading: [GradingRule]
    /// Defaults the notices fall back on.
    public var notice: NoticeSettings

    public init(
        id: String, version: Int, title: LocalizedText, summary: LocalizedText? = nil,
        roles: [Role], phases: [Phase], deadlines: [Deadline] = [], templates: [NoticeTemplate] = [],
        grading: [GradingRule] = [], notice: NoticeSettings = NoticeSettings()
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.roles = roles
        self.phases = phases
        self.deadlines = deadlines
        self.templates = templates
        self.grading = grading
        self.notice = notice
    }

    public func template(for audience: String) -> NoticeTemplate? { templates.first { $0.audience == audience } }

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }

    public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }

    public func deadline(_ id: String) -> Deadline? { deadlines.first { $0.id == id } }

    /// Every step with the index of its phase, in playbook order.
    public var allSteps: [(phaseIndex: Int, step: Step)] {
        phases.enumerated().flatMap { index, phase in phase.steps.map { (index, $0) } }
    }

    public func step(_ id: String) -> (phaseIndex: Int, step: Step)? {
        for (index, phase) in phases.enumerated() {
            if let step = phase.steps.first(where: { $0.id == id }) { return (index, step) }
        }
        return nil
    }

    /// The audiences a notice can go to: those with a template and those a step sends to.
    public var audiences: [String] {
        var seen: [String] = []
        for audience in templates.map(\.audience) + allSteps.compactMap(\.step.notice) where !seen.contains(audience) {
            seen.append(audience)
        }
        return seen
    }
}

public struct Role: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText

    public init(id: String, title: LocalizedText) {
        self.id = id
        self.title = title
    }
}

public struct Phase: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var goal: LocalizedText?
    public var steps: [Step]

    public init(id: String, title: LocalizedText, goal: LocalizedText? = nil, steps: [Step]) {
        self.id = id
        self.title = title
        self.goal = goal
        self.steps = steps
    }
}

public struct Step: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    /// The id of the role that owns the step.
    public var role: String
    /// Whether the phase may be left only once this step is done or skipped.
    public var required: Bool
    public var guidance: LocalizedText?
    /// The audience (`regulator`, `individuals`, …) a notice sent to which completes this step.
    public var notice: String?
    /// How a notice states this step once it is done, as a remedial measure taken:
    /// `{zh: 已关闭暴露的接口, en: we closed the exposed interface}`.
    public var remedial: LocalizedText?
    /// Grading the incident completes this step (`done_by_grading: true`, the playbook's 初步定级),
    /// so the grade and the step can never disagree.
    public var doneByGrading: Bool

    public init(
        id: String, title: LocalizedText, role: String, required: Bool = false,
        guidance: LocalizedText? = nil, notice: String? = nil, remedial: LocalizedText? = nil,
        doneByGrading: Bool = false
    ) {
        self.id = id
        self.title = title
        self.role = role
        self.required = required
        self.guidance = guidance
        self.notice = notice
        self.remedial = remedial
        self.doneByGrading = doneByGrading
    }
}

/// A clock the law or the company's own rules start.
public struct Deadline: Sendable, Hashable {
    public enum Anchor: String, Sendable, CaseIterable, Codable {
        /// When the leak was detected (given at declaration, else the declaration time).
        case detected
        /// When the incident was declared in Cordon.
        case declared
        /// When the incident was first graded at a severity that makes this deadline apply.
        case classified
    }

    public var id: String
    public var title: LocalizedText
    public var anchor: Anchor
    /// Seconds from the anchor to the due time.
    public var within: Int
    /// The deadline applies only at or above this severity; `nil` means always.
    public var minimumSeverity: Severity?
    /// The step whose completion meets the deadline.
    public var metBy: String
    /// The rule this deadline encodes, as the playbook cites it.
    public var cite: String
    /// The time limit is not confirmed law: show it as "check with legal".
    public var verify: Bool

    public init(
        id: String, title: LocalizedText, anchor: Anchor, within: Int, minimumSeverity: Severity? = nil,
        metBy: String, cite: String, verify: Bool = false
    ) {
        self.id = id
        self.title = title
        self.anchor = anchor
        self.within = within
        self.minimumSeverity = minimumSeverity
        self.metBy = metBy
        self.cite = cite
        self.verify = verify
    }

    public func applies(at severity: Severity?) -> Bool {
        guard let minimumSeverity else { return true }
        guard let severity else { return false }
        return severity >= minimumSeverity
    }
}

/// A notice draft for one audience, as Mustache source in both languages.
public struct NoticeTemplate: Sendable, Hashable {
    public var audience: String
    public var title: LocalizedText
    public var body: LocalizedText

    public init(audience: String, title: LocalizedText, body: LocalizedText) {
        self.audience = audience
        self.title = title
        self.body = body
    }
}
