import CordonCore

extension AppModel {
    mutating func handleConsole<Timeline: RandomAccessCollection>(_ request: Request, timeline: Timeline) -> [Effect]
    where Timeline.Element == Event, Timeline.Index == Int {
        guard var console, let layout = consoleLayout else { return [] }
        if request.writes, console.mode.isReadOnly {
            let id = console.incident.id
            flash = Flash(localized(
                "回放为只读：这个键会写入记录，已停用；要处置请用 cordon open \(id)",
                "Read-only replay: that key records something, so it is off. To work the incident: cordon open \(id)"), tone: .danger)
            return []
        }
        if request == .back {
            guard home != nil else { return [] }
            if console.conductsRunningDrill {
                flash = Flash(localized(
                    "演练仍在进行：先按 E 结束并评分，再返回主界面（q 退出时也会结束并评分）。",
                    "The drill is still running: end and score it with E first, then go back (q also ends and scores it before quitting)."), tone: .danger)
                return []
            }
            self.console = nil
            return [.close]
        }
        switch request {
        case .player(let action):
            return console.player == nil ? [] : [.player(action)]
        case .drill(let drillRequest):
            return handleDrill(drillRequest)
        default:
            break
        }
        let effects = handleConsole(request, console: &console, layout: layout, timeline: timeline)
        self.console = console
        return effects
    }

    private mutating func handleConsole<Timeline: RandomAccessCollection>(
        _ request: Request, console: inout ConsoleModel, layout: ConsoleLayout, timeline: Timeline
    ) -> [Effect] where Timeline.Element == Event, Timeline.Index == Int {
        let count = timeline.count
        let rows = layout.timelineRows
        let deadlineCount = console.deadlines(now: now).count
        let stepCount = console.selectedPhase.steps.count

        switch request {
        case .up, .down:
            let delta = request == .up ? -1 : 1
            switch console.focus {
            case .steps: console.stepIndex = min(max(0, console.stepIndex + delta), max(0, stepCount - 1))
            case .timeline: console.timeline.move(by: delta, count: count, rows: rows)
            case .deadlines: console.deadlineIndex = min(max(0, console.deadlineIndex + delta), max(0, deadlineCount - 1))
            }
        case .left, .right:
            let target = console.phaseIndex + (request == .left ? -1 : 1)
            guard console.playbook.phases.indices.contains(target) else { return [] }
            console.phaseIndex = target
            console.stepIndex = console.firstOpenStep(in: target)
        case .pageUp: console.timeline.page(by: -(rows - 1), count: count, rows: rows)
        case .pageDown: console.timeline.page(by: rows - 1, count: count, rows: rows)
        case .first:
            console.timeline.following = false
            console.timeline.cursor = 0
            console.timeline.settle(count: count, rows: rows)
        case .last:
            console.timeline.following = true
            console.timeline.settle(count: count, rows: rows)
        case .nextPane, .previousPane:
            let panes = Pane.allCases
            let index = panes.firstIndex(of: console.focus)! + (request == .nextPane ? 1 : panes.count - 1)
            console.focus = panes[index % panes.count]
        case .details:
            switch console.focus {
            case .steps:
                if let step = console.selectedStep { dialog = StepDetailDialog(stepId: step.id) }
            case .timeline:
                if count > 0 { dialog = EventDetailDialog(event: timeline[console.timeline.cursor]) }
            case .deadlines:
                let deadlines = console.deadlines(now: now)
                if deadlines.indices.contains(console.deadlineIndex) {
                    dialog = DeadlineDetailDialog(deadlineId: deadlines[console.deadlineIndex].deadline.id)
                }
            }
        case .complete, .start, .skip, .block, .reopen:
            guard let step = console.selectedStep else { return [] }
            let state = console.incident.stepState(step.id)
            if request != .reopen, state.isSettled {
                let said = RaceText.lastChange(of: step.id, in: timeline).flatMap { RaceText.step($0, playbook: console.playbook, times: console.incident.times) }
                flash = Flash(said ?? localized(
                    "“\(step.title.zh)”已\(state.title.zh)；如需重做，先按 o 重新打开。",
                    "'\(step.title.en)' is already \(state.title.en); press o to reopen it first."), tone: .danger)
                return []
            }
            switch request {
            case .complete: return [.perform(.step(step.id, .done))]
            case .start: return [.perform(.step(step.id, .start))]
            case .skip: dialog = restoringDraft(ReasonDialog(purpose: .skip(step.id)))
            case .block: dialog = restoringDraft(ReasonDialog(purpose: .block(step.id)))
            default:
                guard state.isSettled || state == .blocked else {
                    flash = Flash(localized("“\(step.title.zh)”为\(state.title.zh)，无需重新打开。", "'\(step.title.en)' is \(state.title.en); there is nothing to reopen."), tone: .danger)
                    return []
                }
                dialog = restoringDraft(ReasonDialog(purpose: .reopen(step.id)))
            }
        case .note: dialog = restoringDraft(NoteDialog())
        case .advance: dialog = AdvanceDialog(state: console.incident, playbook: console.playbook)
        case .classify: dialog = ClassifyDialog(current: console.incident.severity)
        case .assign:
            let role = console.selectedStep?.role ?? console.playbook.roles.first?.id ?? ""
            dialog = AssignDialog(playbook: console.playbook, role: role)
        case .search: dialog = SearchPrompt(previous: console.searchQuery)
        case .records: dialog = RecordsMenu()
        case .sitrep: dialog = SitrepDialog()
        case .help: dialog = HelpDialog()
        case .quit: dialog = QuitDialog(endsDrill: console.conductsRunningDrill)
        default: break
        }
        return []
    }

    /// Finds `query` in the timeline, newest first, from just before the last hit; an empty
    /// query repeats the last search. Builds the text of entries only as it searches them.
    mutating func search<Timeline: RandomAccessCollection>(_ query: String, timeline: Timeline)
    where Timeline.Element == Event, Timeline.Index == Int {
        guard var console, let layout = consoleLayout else { return }
        let repeating = IncidentRules.clean(query) == nil
        guard let needle = repeating ? console.searchQuery : IncidentRules.clean(query) else {
            flash = Flash(localized("请输入要搜索的文字。", "Type something to search for."), tone: .danger)
            return
        }
        let count = timeline.count
        let start = repeating ? (console.searchHit ?? count) : count
        let search = TimelineSearch(query: needle, playbook: console.playbook, language: language)
        var hit = search.lastMatch(in: timeline, before: start)
        var wrapped = false
        if hit == nil, start < count, let again = search.lastMatch(in: timeline, before: count), again >= start {
            hit = again
            wrapped = true
        }
        console.searchQuery = needle
        console.searchHit = hit
        if let hit {
            console.focus = .timeline
            console.timeline.reveal(hit, count: count, rows: layout.timelineRows)
            if wrapped {
                flash = Flash(localized("已搜到最早处，从最新处重新开始：“\(needle)”", "Reached the oldest entry; searching again from the newest: '\(needle)'"))
            }
        } else {
            flash = Flash(localized("时间线中没有“\(needle)”。", "'\(needle)' is not in the timeline."), tone: .danger)
        }
        self.console = console
    }
}
