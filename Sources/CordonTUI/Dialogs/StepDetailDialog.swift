import CordonCore

/// A step in full: its owner, where it stands, the playbook's guidance, and the deadlines it
/// meets with their legal citation.
struct StepDetailDialog: ReadingDialog {
    let stepId: String
    var scroll = 0

    init(stepId: String) {
        self.stepId = stepId
    }

    func title(_ language: Language) -> String { language == .zh ? "步骤详情" : "Step" }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        guard let console = model.console, let (phaseIndex, step) = console.playbook.step(stepId) else { return [] }
        let language = model.language
        let t = { (zh: String, en: String) in language == .zh ? zh : en }
        let playbook = console.playbook
        let incident = console.incident
        var out: [(String, Style)] = [(step.title[language], .heading)]
        let required = step.required ? t("必需", "required") : t("可选", "optional")
        out.append(("\(step.id) · \(playbook.phases[phaseIndex].title[language]) · \(required)", .muted))
        let role = playbook.role(step.role)?.title[language] ?? step.role
        let person = incident.assignments[step.role] ?? t("（未指派，按 a 指派）", "(nobody yet; a assigns)")
        out.append((t("负责：", "Owner: ") + "\(role) · \(person)", .plain))
        let state = incident.stepState(step.id)
        var status = t("状态：", "State: ") + state.title[language]
        if let progress = incident.steps[step.id] {
            status += " · \(model.times.secondWithLabel(progress.at, language: language)) · \(progress.by)"
            if let reason = progress.reason { status += t(" · 原因：", " · reason: ") + reason }
        }
        out.append((status, StepMark.style(state)))
        if let guidance = step.guidance {
            out.append(("", .plain))
            out.append((t("指引", "Guidance"), .heading))
            out.append((guidance[language], .plain))
        }
        let deadlines = playbook.deadlines.filter { $0.metBy == step.id }
        if !deadlines.isEmpty {
            out.append(("", .plain))
            out.append((t("此步骤满足的时限", "Deadlines this step meets"), .heading))
            let running = console.deadlines(now: model.now)
            for deadline in deadlines {
                if let status = running.first(where: { $0.deadline.id == deadline.id }) {
                    out.append((deadline.title[language] + " · " + DeadlineText.state(status, times: model.times, language: language), DeadlineText.style(status)))
                } else {
                    out.append((deadline.title[language] + t(" · 当前级别下未开始", " · not running at this severity"), .muted))
                }
                out.append((t("依据：", "Rule: ") + deadline.cite, .muted))
            }
        }
        return out
    }
}
