import CordonCore

/// The internal detail a reader of the main text does not need but someone checking it against
/// the timeline does: the playbook's id and version, each step's and phase's id, and who held
/// each role.
struct InternalIdsSection: ReportSectionBuilder {
    let id = "internal"

    func section(for input: ReportInput) -> ReportSection? {
        let language = input.language
        let playbook = input.playbook
        var blocks: [ReportBlock] = [.facts([
            ReportFact(input.t("剧本", "Playbook"), "\(playbook.id) v\(playbook.version)", code: true),
            ReportFact(input.t("剧本文件 SHA-256", "Playbook file SHA-256"), input.optional(input.state.playbookSha256), code: true),
        ])]
        blocks.append(.heading(input.t("步骤标识", "Step ids")))
        blocks.append(.table(ReportTable(
            headers: [input.t("阶段", "Phase"), input.t("步骤", "Step"), input.t("标识", "Id")],
            rows: playbook.phases.flatMap { phase in
                phase.steps.map { step in ["\(phase.title[language]) (\(phase.id))", step.title[language], step.id] }
            })))
        blocks.append(.heading(input.t("角色指派", "Role assignments")))
        blocks.append(.table(ReportTable(
            headers: [input.t("角色", "Role"), input.t("标识", "Id"), input.t("人员", "Person")],
            rows: playbook.roles.map { role in [role.title[language], role.id, input.state.assignments[role.id] ?? "—"] })))
        let data: JSONObject = [
            "playbook": .string(playbook.id), "playbook_version": .int(playbook.version), "playbook_sha256": input.state.playbookSha256.json,
            "assignments": .object(JSONObject(playbook.roles.map { (key: $0.id, value: input.state.assignments[$0.id].json) })),
        ]
        return ReportSection(
            id: id, title: input.t("附录：内部标识与角色指派", "Appendix: internal ids and role assignments"), blocks: blocks,
            data: .object(data), isAppendix: true)
    }
}
