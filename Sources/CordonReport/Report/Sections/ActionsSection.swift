import CordonCore

/// Improvement actions with owner, due date and status; overdue ones say by how much.
struct ActionsSection: ReportSectionBuilder {
    let id = "actions"

    func section(for input: ReportInput) -> ReportSection? {
        let actions = input.state.actions
        guard !actions.isEmpty else {
            return ReportSection(id: id, title: input.t("改进措施", "Improvement actions"), blocks: [.paragraph(input.t("尚无改进措施。", "No improvement actions yet."))], data: .array([]))
        }
        let today = DueDate.today(input.now)
        let rows = actions.map { action -> [String] in
            var status = action.status.title[input.language]
            if action.isOverdue(at: input.now) {
                status += input.t("（逾期 \(action.due.days(to: today)) 天）", " (overdue by \(action.due.days(to: today)) days)")
            }
            return [action.id, action.title, action.owner, action.due.description, status, action.finding ?? "—"]
        }
        let data = JSONValue.array(actions.map { RecordJSON.action($0, now: input.now) })
        return ReportSection(
            id: id, title: input.t("改进措施", "Improvement actions"),
            blocks: [.table(ReportTable(
                headers: [input.t("编号", "Id"), input.t("措施", "Action"), input.t("负责人", "Owner"), input.t("期限", "Due"), input.t("状态", "Status"), input.t("依据", "Finding")],
                rows: rows))],
            data: data)
    }
}
