import CordonCore

/// How fast the team moved, measured from detection, and each deadline met or missed by how much.
struct MetricsSection: ReportSectionBuilder {
    let id = "metrics"

    func section(for input: ReportInput) -> ReportSection? {
        let state = input.state
        let containmentEnd = input.playbook.phases.first.flatMap { first in
            state.phaseHistory.first { $0.from == first.id }?.at
        }
        let milestones: [(key: String, label: String, at: Timestamp?)] = [
            ("declaration", input.t("宣布事件", "Declared"), state.declaredAt),
            ("containment_end", input.t("遏制阶段结束", "Containment ended"), containmentEnd),
            ("regulator_notice", input.t("报告监管", "Regulator notified"), state.notices.first { $0.audience == "regulator" }?.at),
            ("individuals_notice", input.t("通知个人", "Individuals notified"), state.notices.first { $0.audience == "individuals" }?.at),
        ]
        let milestoneRows = milestones.map { milestone in
            [milestone.label, input.time(milestone.at), milestone.at.map { input.duration(state.detectedAt.seconds(to: $0)) } ?? input.t("尚未", "not yet")]
        }
        var blocks: [ReportBlock] = [
            .table(ReportTable(headers: [input.t("里程碑", "Milestone"), input.t("时间", "When"), input.t("距发现", "Since detection")], rows: milestoneRows)),
        ]
        var data = JSONObject()
        for milestone in milestones {
            data["detection_to_\(milestone.key)_seconds"] = milestone.at.map { .int(state.detectedAt.seconds(to: $0)) } ?? .null
        }

        let deadlines = DeadlineBoard.evaluate(playbook: input.playbook, state: state, now: input.now)
        blocks.append(.heading(input.t("时限", "Deadlines")))
        if deadlines.isEmpty {
            blocks.append(.paragraph(input.t("当前级别下没有适用的时限。", "No deadline applies at the current severity.")))
        } else {
            let rows = deadlines.map { status -> [String] in
                let outcome: String
                switch status.state {
                case .met: outcome = input.t("已满足，提前 ", "met, ") + input.duration(status.metAt!.seconds(to: status.due)) + input.t("", " early")
                case .missed: outcome = input.t("未满足，超时 ", "missed by ") + input.duration(status.lateness)
                case .running: outcome = input.t("进行中，剩余 ", "running, ") + input.duration(status.remaining) + input.t("", " left")
                }
                let check = status.deadline.verify ? input.t("（时限待法务确认）", " (check with legal)") : ""
                return [status.deadline.title[input.language], input.time(status.startedAt), input.time(status.due), input.time(status.metAt), outcome + check, status.deadline.cite]
            }
            blocks.append(.table(ReportTable(
                headers: [input.t("时限", "Deadline"), input.t("起算", "Started"), input.t("截止", "Due"), input.t("完成", "Met at"), input.t("结果", "Outcome"), input.t("依据", "Source")],
                rows: rows)))
        }
        data["deadlines"] = .array(deadlines.map { status in
            var entry: JSONObject = [
                "id": .string(status.deadline.id), "state": .string(status.state.rawValue),
                "started_at": status.startedAt.json, "due": status.due.json, "met_at": status.metAt.json,
                "cite": .string(status.deadline.cite), "verify": .bool(status.deadline.verify),
            ]
            switch status.state {
            case .met: entry["early_seconds"] = .int(status.metAt!.seconds(to: status.due))
            case .missed: entry["late_seconds"] = .int(status.lateness)
            case .running: entry["remaining_seconds"] = .int(status.remaining)
            }
            return .object(entry)
        })
        return ReportSection(id: id, title: input.t("时效与时限", "Metrics and deadlines"), blocks: blocks, data: .object(data))
    }
}
