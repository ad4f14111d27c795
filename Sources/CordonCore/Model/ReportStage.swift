/// Which report to an authority a notice is, where the playbook drafts them in stages: the CAC's
/// 2025 measures ask for what is known within the limit (初报), supplements while the incident is
/// handled (续报), and a summary once it is (总结报告).
public enum ReportStage: String, Sendable, Hashable, Codable, CaseIterable {
    case initial
    case followup
    case final

    public var title: LocalizedText {
        switch self {
        case .initial: LocalizedText(zh: "初次报告", en: "initial report")
        case .followup: LocalizedText(zh: "续报", en: "follow-up report")
        case .final: LocalizedText(zh: "总结报告", en: "summary report")
        }
    }

    /// The stage due next for `audience`: the initial report until one has gone out, then
    /// follow-ups while the incident is open, and the summary once it is closed. `nil` when the
    /// playbook does not draft that audience's notices in stages.
    public static func next(for audience: String, playbook: Playbook, state: IncidentState) -> ReportStage? {
        guard playbook.isStaged(audience) else { return nil }
        if state.isClosed { return .final }
        return state.notices.contains { $0.audience == audience } ? .followup : .initial
    }
}

extension Playbook {
    /// Whether the notices to `audience` come in stages (its templates name a `stage`).
    public func isStaged(_ audience: String) -> Bool {
        templates.contains { $0.audience == audience && $0.stage != nil }
    }

    /// The template for `audience` at `stage`; without a stage, the audience's only unstaged one.
    public func template(for audience: String, stage: ReportStage?) -> NoticeTemplate? {
        templates.first { $0.audience == audience && $0.stage == stage }
    }
}
