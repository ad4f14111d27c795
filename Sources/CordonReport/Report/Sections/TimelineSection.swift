import CordonCore

/// Every event of the timeline, one line each, as the console shows it: an annex, after the
/// main text, since a reader checks it rather than reads it.
struct TimelineSection: ReportSectionBuilder {
    let id = "timeline"

    func section(for input: ReportInput) -> ReportSection? {
        let summaries = input.events.map { event in
            EventText.summary(event, playbook: input.playbook, language: input.language, revealAccountability: input.includeAccountability)
        }
        let rows = zip(input.events, summaries).map { event, summary in ["\(event.seq)", input.time(event.ts), event.actorLabel, summary] }
        let data = JSONValue.array(zip(input.events, summaries).map { event, summary in
            .object(["seq": .int(event.seq), "ts": event.ts.json, "actor": .string(event.actorLabel), "type": .string(event.type), "summary": .string(summary)])
        })
        return ReportSection(
            id: id, title: input.t("附件：完整时间线", "Annex: the full timeline"),
            blocks: [.table(ReportTable(headers: ["seq", input.t("时间", "When"), input.t("操作人", "By"), input.t("事件", "Event")], rows: rows))],
            data: data, isAppendix: true)
    }
}
