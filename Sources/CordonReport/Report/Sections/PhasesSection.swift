import CordonCore

/// Every phase with every step: its state, who moved it last and when.
struct PhasesSection: ReportSectionBuilder {
    let id = "phases"

    func section(for input: ReportInput) -> ReportSection? {
        let state = input.state
        let language = input.language
        var blocks: [ReportBlock] = []
        var phases: [JSONValue] = []
        for (index, phase) in input.playbook.phases.enumerated() {
            let entered = index == 0 ? state.declaredAt : state.phaseHistory.first { $0.to == phase.id }?.at
            let left = state.phaseHistory.first { $0.from == phase.id }
            blocks.append(.heading("\(index + 1). \(phase.title[language])"))
            var span = input.t("进入 ", "entered ") + input.time(entered) + " · " + input.t("离开 ", "left ") + input.time(left?.at)
            if left?.forced == true { span += input.t("（强制推进：", " (forced: ") + input.optional(left?.reason) + input.t("）", ")") }
            blocks.append(.paragraph(span))
            var rows: [[String]] = []
            var steps: [JSONValue] = []
            for step in phase.steps {
                let progress = state.steps[step.id]
                let role = input.playbook.role(step.role)?.title[language] ?? step.role
                let owner = state.assignments[step.role].map { "\(role) · \($0)" } ?? role
                rows.append([
                    step.title[language], step.required ? input.t("是", "yes") : input.t("否", "no"), owner,
                    state.stepState(step.id).title[language], input.time(progress?.at), progress?.by ?? "—", input.optional(progress?.reason),
                ])
                steps.append(.object([
                    "id": .string(step.id), "required": .bool(step.required), "role": .string(step.role),
                    "assignee": state.assignments[step.role].json, "state": .string(state.stepState(step.id).rawValue),
                    "at": progress?.at.json ?? .null, "by": (progress?.by).json, "reason": progress?.reason.json ?? .null,
                ]))
            }
            blocks.append(.table(ReportTable(
                headers: [input.t("步骤", "Step"), input.t("必需", "Required"), input.t("负责", "Owner"), input.t("状态", "State"), input.t("时间", "When"), input.t("操作人", "By"), input.t("说明", "Reason")],
                rows: rows)))
            phases.append(.object([
                "id": .string(phase.id), "entered_at": entered.json, "left_at": left?.at.json ?? .null,
                "forced": .bool(left?.forced ?? false), "steps": .array(steps),
            ]))
        }
        return ReportSection(id: id, title: input.t("阶段与步骤", "Phases and steps"), blocks: blocks, data: .array(phases))
    }
}
