import CordonCore

/// One legal or internal clock: when it started, when it is due, and the rule it comes from.
struct DeadlineDetailDialog: ReadingDialog {
    let deadlineId: String
    var scroll = 0

    init(deadlineId: String) {
        self.deadlineId = deadlineId
    }

    func title(_ language: Language) -> String { language == .zh ? "时限详情" : "Deadline" }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console,
              let status = console.deadlines(now: model.now).first(where: { $0.deadline.id == deadlineId })
        else { return [(model.language == .zh ? "该时限在当前级别下不适用。" : "This deadline does not apply at the current severity.", .muted)] }
        let language = model.language
        let t = { (zh: String, en: String) in language == .zh ? zh : en }
        let deadline = status.deadline
        let anchor: String
        switch deadline.anchor {
        case .detected: anchor = t("自发现时起", "from detection")
        case .declared: anchor = t("自宣布时起", "from declaration")
        case .classified: anchor = t("自定级时起", "from grading")
        }
        var out: [(String, Style)] = [(deadline.title[language], .heading)]
        out.append((DeadlineText.state(status, times: model.times, language: language), DeadlineText.style(status)))
        out.append((t("时限：", "Limit: ") + "\(DurationText.spoken(deadline.within, language: language)) \(anchor)", .plain))
        out.append((t("开始：", "Started: ") + model.times.secondWithLabel(status.startedAt, language: model.language), .plain))
        out.append((t("截止：", "Due: ") + model.times.secondWithLabel(status.due, language: model.language), .plain))
        let step = console.playbook.step(deadline.metBy)?.step.title[language] ?? deadline.metBy
        out.append((t("完成此步骤即满足：", "Met by completing: ") + step, .plain))
        out.append(("", .plain))
        out.append((t("依据", "Rule"), .heading))
        out.append((deadline.cite, .plain))
        if deadline.verify {
            out.append((t("⚠ 该时限未经核实，请法务确认。", "⚠ This limit is not confirmed law; check with legal."), Style(.warning, bold: true)))
        }
        return out
    }
}
