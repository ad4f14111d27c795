import CordonCore

/// Builds one section of a report, or nothing when it does not apply.
public protocol ReportSectionBuilder: Sendable {
    /// The section's id, its key in the JSON document.
    var id: String { get }
    func section(for input: ReportInput) -> ReportSection?
}

/// The after-action report of an incident (or a drill): an executive summary, the summary,
/// severity history, metrics and deadlines, phases and steps, scope, evidence and custody,
/// findings, improvement actions, notices word for word, accountability only when asked, the
/// journal's head hash, and as appendices the internal ids and the full timeline.
///
/// Sections are builders in a list, so a drill's score and expectations are one more builder:
///
///     let sections = AfterActionReport.sections(inserting: [DrillSection()], after: "summary")
///     let report = AfterActionReport.make(input, sections: sections)
public enum AfterActionReport {
    public static let standardSections: [any ReportSectionBuilder] = [
        ExecutiveSummarySection(), SummarySection(), SeverityHistorySection(), MetricsSection(), PhasesSection(), ScopeSection(),
        EvidenceSection(), FindingsSection(), ActionsSection(), NoticesSection(), AccountabilitySection(),
        SealSection(), InternalIdsSection(), TimelineSection(),
    ]

    /// The standard sections with `extra` placed after the section with id `anchor` (at the end if
    /// there is none).
    public static func sections(inserting extra: [any ReportSectionBuilder], after anchor: String) -> [any ReportSectionBuilder] {
        var sections = standardSections
        let index = sections.firstIndex { $0.id == anchor }.map { $0 + 1 } ?? sections.count
        sections.insert(contentsOf: extra, at: index)
        return sections
    }

    public static func make(_ input: ReportInput, sections: [any ReportSectionBuilder] = standardSections) -> Report {
        let kind = input.state.isDrill ? input.t("演练总结报告", "Drill after-action report") : input.t("事件总结报告", "Incident after-action report")
        return Report(
            title: "\(kind) · \(input.state.id) · \(input.state.title)", language: input.language, generatedAt: input.now,
            redacted: false, sections: sections.compactMap { $0.section(for: input) })
    }
}
