import CordonCore

/// A drill's evaluation as a report section: the score, every expectation met or missed with
/// its time, the injects and how they were answered, and the debrief.
///
/// The evaluation needs the drill's frozen scenario, which the report input does not carry, so
/// the caller makes it and inserts this builder:
///
///     AfterActionReport.sections(inserting: [DrillSection(evaluation: evaluation)], after: "summary")
public struct DrillSection: ReportSectionBuilder {
    public let id = "drill"
    public let evaluation: DrillEvaluation

    public init(evaluation: DrillEvaluation) {
        self.evaluation = evaluation
    }

    public func section(for input: ReportInput) -> ReportSection? {
        guard input.state.isDrill else { return nil }
        let language = input.language
        let evaluation = self.evaluation
        var facts = [
            ReportFact(input.t("场景", "Scenario"), "\(evaluation.scenario.id) — \(evaluation.scenario.title[language])"),
            ReportFact(input.t("得分", "Score"), "\(evaluation.score) / \(evaluation.maximumScore)"),
        ]
        if let seed = evaluation.seed { facts.append(ReportFact(input.t("种子", "Seed"), "\(seed)")) }
        facts.append(ReportFact(input.t("演练开始", "Drill started"), input.time(evaluation.startedAt)))
        if let ended = evaluation.endedAt {
            let why = DrillEndReason.title(of: evaluation.endReason)[language]
            facts.append(ReportFact(input.t("演练结束", "Drill ended"), "\(evaluation.clockText(ended)) (\(why))"))
        }
        var blocks: [ReportBlock] = [
            .facts(facts),
            .table(ReportTable(
                headers: ["#", input.t("期望", "Expectation"), input.t("分值", "Points"), input.t("结果", "Result")],
                rows: evaluation.results.map { result in
                    ["\(result.number)", result.label[language], "\(result.awarded)/\(result.expectation.points)", evaluation.outcomeText(result, language: language)]
                })),
            .heading(input.t("注入", "Injects")),
            .table(ReportTable(
                headers: [input.t("时间", "Time"), input.t("来自", "From"), input.t("内容", "Message"), input.t("回应", "Answered")],
                rows: evaluation.injects.map { inject in
                    let answer = evaluation.answers.first { $0.inject == inject.inject }
                    return [evaluation.clockText(inject.at), inject.from[language], inject.message[language], answer.map { evaluation.clockText($0.at) + " · " + $0.by } ?? "—"]
                })),
        ]
        for (kind, notes) in [(DebriefKind.lesson, evaluation.lessons), (.improvement, evaluation.improvements)] {
            blocks.append(.heading(kind.title[language]))
            blocks.append(notes.isEmpty ? .paragraph("—") : .list(notes.map { "\($0.text) — \($0.by)" }))
        }
        return ReportSection(id: id, title: input.t("演练评估", "Drill evaluation"), blocks: blocks, data: evaluation.json)
    }
}
