import Foundation

/// The rules of working an incident: a command against the current state yields events or a
/// refusal that explains itself. Nothing here mutates anything or reads a clock.
public enum IncidentRules {
    /// The longest note or reason accepted, in characters (see `TextLimits`).
    public static let maximumTextLength = TextLimits.text

    public static func decide(_ command: Command, state: IncidentState, playbook: Playbook) -> Decision {
        switch command {
        case .step(let id, let action, let reason): step(id, action, reason: clean(reason), state: state, playbook: playbook)
        case .note(let text): note(text, state: state)
        case .assign(let role, let person): assign(role: role, person: person, state: state, playbook: playbook)
        case .classify(let severity, let reason): classify(severity, reason: clean(reason), state: state)
        case .advance(let force, let reason): advance(force: force, reason: clean(reason), state: state, playbook: playbook)
        case .notify(let audience, let channel, let reference, let stage, let sent):
            notify(audience: audience, channel: channel, reference: clean(reference), stage: stage, sent: sent, state: state, playbook: playbook)
        case .record(let record): RecordRules.decide(record, state: state, playbook: playbook)
        }
    }

    // MARK: - Steps

    private static func step(_ id: String, _ action: StepAction, reason: String?, state: IncidentState, playbook: Playbook) -> Decision {
        if let refusal = refuseIfClosed(state) { return .refuse(refusal) }
        guard playbook.step(id) != nil else {
            return .refuse(Refusal(
                "unknown-step",
                zh: "没有编号为“\(id)”的步骤；用 cordon status \(state.id) 查看步骤编号。",
                en: "There is no step '\(id)'; see the step ids with: cordon status \(state.id)"))
        }
        if let refusal = refuseIfTooLong(reason) { return .refuse(refusal) }
        let current = state.stepState(id)
        let reopenHint = LocalizedText(
            zh: "如需重做，先执行 cordon step \(state.id) \(id) reopen。",
            en: "To redo it, first run: cordon step \(state.id) \(id) reopen")
        func refuse(_ code: String, zh: String, en: String) -> Decision {
            .refuse(Refusal(code, zh: zh, en: en))
        }
        var data: JSONObject = ["step": .string(id)]
        if let reason { data["reason"] = .string(reason) }

        switch action {
        case .start:
            switch current {
            case .pending, .blocked: return .accept([EventDraft(EventType.stepStarted, data)])
            case .active: return refuse("step-already-active", zh: "步骤“\(id)”已在进行中。", en: "Step '\(id)' is already under way.")
            case .done, .skipped:
                return refuse("step-settled", zh: "步骤“\(id)”已\(current.title.zh)。\(reopenHint.zh)", en: "Step '\(id)' is already \(current.title.en). \(reopenHint.en)")
            }
        case .done:
            switch current {
            case .pending, .active, .blocked: return .accept([EventDraft(EventType.stepCompleted, data)])
            case .done, .skipped:
                return refuse("step-settled", zh: "步骤“\(id)”已\(current.title.zh)。\(reopenHint.zh)", en: "Step '\(id)' is already \(current.title.en). \(reopenHint.en)")
            }
        case .skip, .block:
            guard reason != nil else {
                let verb = action == .skip ? LocalizedText(zh: "跳过", en: "Skipping") : LocalizedText(zh: "标记受阻", en: "Blocking")
                return refuse("reason-required", zh: "\(verb.zh)步骤需要说明原因：加上 --reason \"…\"。", en: "\(verb.en) a step needs a reason: add --reason \"…\"")
            }
            if current.isSettled {
                return refuse("step-settled", zh: "步骤“\(id)”已\(current.title.zh)。\(reopenHint.zh)", en: "Step '\(id)' is already \(current.title.en). \(reopenHint.en)")
            }
            if action == .block && current == .blocked {
                return refuse("step-already-blocked", zh: "步骤“\(id)”已标记为受阻。", en: "Step '\(id)' is already blocked.")
            }
            return .accept([EventDraft(action == .skip ? EventType.stepSkipped : EventType.stepBlocked, data)])
        case .reopen:
            guard current == .done || current == .skipped || current == .blocked else {
                return refuse("step-not-settled", zh: "步骤“\(id)”为\(current.title.zh)状态，无需重新打开。", en: "Step '\(id)' is \(current.title.en); there is nothing to reopen.")
            }
            return .accept([EventDraft(EventType.stepReopened, data)])
        }
    }

    // MARK: - Notes, roles, severity

    private static func note(_ text: String, state: IncidentState) -> Decision {
        guard let text = clean(text) else {
            return .refuse(Refusal("empty-note", zh: "备注为空，未记录。", en: "The note is empty; nothing was recorded."))
        }
        if let refusal = refuseIfTooLong(text) { return .refuse(refusal) }
        return .accept([EventDraft(EventType.noteAdded, ["text": .string(text)])])
    }

    private static func assign(role: String, person: String, state: IncidentState, playbook: Playbook) -> Decision {
        if let refusal = refuseIfClosed(state) { return .refuse(refusal) }
        guard playbook.role(role) != nil else {
            let known = playbook.roles.map(\.id).joined(separator: ", ")
            return .refuse(Refusal("unknown-role", zh: "没有角色“\(role)”；可用角色：\(known)。", en: "There is no role '\(role)'; the roles are: \(known)"))
        }
        let named: String?
        do throws(Refusal) {
            named = try TextLimits.name(person, field: LocalizedText(zh: "负责人姓名", en: "the name of the person"))
        } catch {
            return .refuse(error)
        }
        guard let person = named else {
            return .refuse(Refusal("empty-person", zh: "请给出负责人的姓名。", en: "Name the person who takes the role."))
        }
        if state.assignments[role] == person {
            return .refuse(Refusal("already-assigned", zh: "\(person) 已担任该角色。", en: "\(person) already holds that role."))
        }
        return .accept([EventDraft(EventType.roleAssigned, ["role": .string(role), "person": .string(person)])])
    }

    private static func classify(_ severity: Severity, reason: String?, state: IncidentState) -> Decision {
        if let refusal = refuseIfClosed(state) { return .refuse(refusal) }
        if let refusal = refuseIfTooLong(reason) { return .refuse(refusal) }
        guard state.severity != severity else {
            return .refuse(Refusal("same-severity", zh: "事件已定级为“\(severity.title.zh)”。", en: "The incident is already graded \(severity.title.en)."))
        }
        var data: JSONObject = ["severity": .string(severity.rawValue)]
        if let previous = state.severity { data["previous"] = .string(previous.rawValue) }
        if let reason { data["reason"] = .string(reason) }
        return .accept([EventDraft(EventType.classified, data)])
    }

    // MARK: - Phases

    /// Required steps of the current phase that are neither done nor skipped.
    public static func openRequiredSteps(state: IncidentState, playbook: Playbook) -> [Step] {
        guard let phase = playbook.phase(state.phase) else { return [] }
        return phase.steps.filter { $0.required && !state.stepState($0.id).isSettled }
    }

    private static func advance(force: Bool, reason: String?, state: IncidentState, playbook: Playbook) -> Decision {
        if let refusal = refuseIfClosed(state) { return .refuse(refusal) }
        if let refusal = refuseIfTooLong(reason) { return .refuse(refusal) }
        guard let index = playbook.phases.firstIndex(where: { $0.id == state.phase }) else {
            return .refuse(Refusal("unknown-phase", zh: "剧本中没有当前阶段“\(state.phase)”。", en: "The playbook has no phase '\(state.phase)'."))
        }
        let open = openRequiredSteps(state: state, playbook: playbook)
        if !open.isEmpty {
            guard force else {
                // Ids, since they are what `cordon step ID STEP done` takes.
                return .refuse(Refusal(
                    "required-steps-open",
                    zh: "必需步骤尚未完成：\(open.map(\.id).joined(separator: "、"))。完成或跳过它们，或使用 --force --reason \"…\" 强制推进。",
                    en: "Required steps are still open: \(open.map(\.id).joined(separator: ", ")). Finish or skip them, or use --force --reason \"…\""))
            }
            guard reason != nil else {
                return .refuse(Refusal("reason-required", zh: "强制推进需要说明原因：加上 --reason \"…\"。", en: "A forced advance needs a reason: add --reason \"…\""))
            }
        }
        var data: JSONObject = ["from": .string(state.phase)]
        let isLast = index == playbook.phases.count - 1
        if !isLast { data["to"] = .string(playbook.phases[index + 1].id) }
        if !open.isEmpty {
            data["forced"] = true
            data["open_steps"] = .array(open.map { .string($0.id) })
        }
        if let reason { data["reason"] = .string(reason) }
        return .accept([EventDraft(isLast ? EventType.closed : EventType.phaseAdvanced, data)])
    }

    // MARK: - Notices

    /// A notice is a fact that happened, so it is recorded even on a closed incident;
    /// only then does it leave the (frozen) steps alone.
    private static func notify(
        audience: String, channel: String, reference: String?, stage: ReportStage?, sent: SentText?, state: IncidentState, playbook: Playbook
    ) -> Decision {
        if let refusal = refuseIfDrillEnded(state) { return .refuse(refusal) }
        guard playbook.audiences.contains(audience) || audience == Sitrep.audience else {
            let known = playbook.audiences.joined(separator: ", ")
            return .refuse(Refusal("unknown-audience", zh: "剧本中没有通报对象“\(audience)”；可用：\(known)。", en: "The playbook has no audience '\(audience)'; it has: \(known)"))
        }
        guard let channel = clean(channel) else {
            return .refuse(Refusal("channel-required", zh: "请说明通报渠道：--channel（如 邮件、电话、短信、监管报送系统）。", en: "Say how the notice went out: --channel (email, phone, SMS, the regulator's portal…)"))
        }
        if let refusal = refuseIfTooLong(channel) ?? refuseIfTooLong(reference) { return .refuse(refusal) }
        if stage != nil, !playbook.isStaged(audience) {
            return .refuse(Refusal(
                "not-staged", zh: "剧本中发给“\(audience)”的通报不分阶段；请去掉 --stage。",
                en: "The playbook does not report to '\(audience)' in stages; leave out --stage."))
        }
        if let sent {
            if clean(sent.text) == nil {
                return .refuse(Refusal("notice-text-empty", zh: "通报全文为空；请给出发出的全文。", en: "The notice's text is empty; give the text as it went out."))
            }
            if sent.text.utf8.count > SentText.maximumBytes {
                return .refuse(Refusal(
                    "notice-text-too-long",
                    zh: "通报全文有 \(sent.text.utf8.count) 字节，超过上限 \(SentText.maximumBytes / 1024) KB；附件请登记为证据（cordon evidence add），只保存正文。",
                    en: "The notice's text is \(sent.text.utf8.count) bytes, over the \(SentText.maximumBytes / 1024) KB limit; register attachments as evidence (cordon evidence add) and keep only the letter."))
            }
        }
        let stage = stage ?? ReportStage.next(for: audience, playbook: playbook, state: state)
        var data: JSONObject = ["audience": .string(audience), "channel": .string(channel)]
        if let reference { data["reference"] = .string(reference) }
        if let stage { data["stage"] = .string(stage.rawValue) }
        if let sent {
            if let subject = sent.subject { data["subject"] = .string(subject) }
            data["text"] = .string(sent.text)
            data["sha256"] = .string(sent.sha256)
            data["source"] = .string(sent.source.rawValue)
        }
        var drafts = [EventDraft(EventType.noticeSent, data)]
        for (_, step) in playbook.allSteps
        where !state.isClosed && step.notice == audience && (step.stage == nil || step.stage == stage) && state.stepState(step.id) != .done {
            drafts.append(EventDraft(EventType.stepCompleted, ["step": .string(step.id), "via": "notice.sent"]))
        }
        return .accept(drafts)
    }

    // MARK: - Shared checks

    /// Actions outlive incidents: besides notes and notices sent, a closed incident still takes
    /// improvement-action updates and evidence hand-overs and checks (`RecordRules` lets exactly those through).
    static func refuseIfClosed(_ state: IncidentState) -> Refusal? {
        if let refusal = refuseIfDrillEnded(state) { return refusal }
        guard state.isClosed else { return nil }
        return Refusal(
            "incident-closed",
            zh: "事件 \(state.id) 已关闭，只能再添加备注、记录已发出的通报及其事实、更新改进措施，或移交、校验证据。",
            en: "Incident \(state.id) is closed; only notes, notices sent and their facts, improvement-action updates and evidence hand-overs and checks can still be recorded.")
    }

    /// An ended drill is scored as it stood: work recorded afterwards would change its score.
    static func refuseIfDrillEnded(_ state: IncidentState) -> Refusal? {
        guard state.drill?.hasEnded == true else { return nil }
        return Refusal("drill-ended", zh: "演练 \(state.id) 已结束；只能再添加备注、经验教训和改进措施。", en: "Drill \(state.id) has ended; only notes, lessons and improvement actions can still be added.")
    }

    static func refuseIfTooLong(_ text: String?) -> Refusal? { TextLimits.refuseIfTooLong(text) }

    /// Trimmed text, or `nil` when nothing is left.
    public static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
