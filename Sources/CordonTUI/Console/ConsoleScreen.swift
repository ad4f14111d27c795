import CordonCore

/// Draws the console: header, phase strip, steps, timeline, deadline clocks, message, hints.
enum ConsoleScreen {
    static func draw<Timeline: RandomAccessCollection>(
        into canvas: inout Canvas, model: AppModel, console: ConsoleModel, timeline: Timeline
    ) where Timeline.Element == Event, Timeline.Index == Int {
        let deadlines = console.deadlines(now: model.now)
        let layout = ConsoleLayout(size: model.size, deadlineCount: deadlines.count, statusLines: console.statusLineCount)
        header(into: &canvas, layout.header, model: model, console: console)
        phaseStrip(into: &canvas, layout.phases, model: model, console: console)
        divider(into: &canvas, layout.topDivider, junction: "┬", at: layout.separatorX, label: nil)
        steps(into: &canvas, layout.steps, model: model, console: console)
        for y in layout.steps.y..<layout.steps.maxY {
            canvas.put("│", x: layout.separatorX, y: y, width: 1, style: .muted)
        }
        timelinePane(into: &canvas, layout.timeline, model: model, console: console, timeline: timeline)
        let title = model.language == .zh ? "时限" : "Deadlines"
        divider(into: &canvas, layout.bottomDivider, junction: "┴", at: layout.separatorX, label: deadlines.count > layout.deadlines.height ? "\(title) (\(deadlines.count))" : title)
        RecordCounts.draw(into: &canvas, layout.bottomDivider, from: layout.separatorX + 2, model: model, console: console)
        deadlinePane(into: &canvas, layout.deadlines, model: model, console: console, deadlines: deadlines)
        StatusLines.draw(into: &canvas, layout.status, model: model, console: console, timeline: timeline)
        message(into: &canvas, layout.message, model: model, console: console)
        let conducting = console.conductsRunningDrill
        let hints = KeyTable.hints(for: model.screenKeyContexts, language: model.language) { request in
            switch request {
            case .back: model.home == nil
            case .drill(.toggleClock), .drill(.nextInject), .drill(.faster), .drill(.slower), .drill(.toggleInjectHold): !conducting
            case .drill(.takeOver): !console.canTakeOverDrill
            default: console.mode.isReadOnly && request.writes
            }
        } relabel: { request in
            let held = console.incident.drill.map { !$0.clock.isRunning && !$0.hasEnded } ?? false
            return request == .drill(.toggleClock) && held ? localized("继续", "resume") : nil
        }
        canvas.line(HintLine.compose(hints, width: layout.hints.width), in: layout.hints, style: .muted)
    }

    // MARK: - Header

    private static func header(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel) {
        let language = model.language
        let incident = console.incident
        var x = rect.x
        for banner in console.banners {
            x += canvas.put(" \(banner[language]) ", x: x, y: rect.y, width: rect.maxX - x, style: Style(.banner, bold: true, reverse: true)) + 1
        }
        x += canvas.put(incident.id, x: x, y: rect.y, width: rect.maxX - x, style: .heading) + 2
        let severity = incident.severity.map { "[\($0.title[language])]" } ?? (language == .zh ? "[未定级]" : "[ungraded]")
        let elapsed = DurationText.clock(incident.detectedAt.seconds(to: incident.closedAt ?? model.now))
        let clock = incident.isClosed
            ? (language == .zh ? "已关闭 · 历时 \(elapsed)" : "closed · took \(elapsed)")
            : (language == .zh ? "已历时 \(elapsed)" : "elapsed \(elapsed)")
        let right = Rect(x: x, y: rect.y, width: rect.maxX - x, height: 1)
        let clockX = canvas.putRight(" " + clock, in: right, style: incident.isClosed ? .muted : .plain)
        let severityX = canvas.putRight(" " + severity, in: Rect(x: x, y: rect.y, width: clockX - x - 1, height: 1), style: severityStyle(incident.severity))
        canvas.put(incident.title.terminalSafe, x: x, y: rect.y, width: severityX - x - 1, style: Style(bold: true))
    }

    static func severityStyle(_ severity: Severity?) -> Style {
        switch severity {
        case nil: .muted
        case .general: Style(bold: true)
        case .serious: Style(.warning, bold: true)
        case .major, .critical: Style(.danger, bold: true)
        }
    }

    private static func phaseStrip(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel) {
        let language = model.language
        let phases = console.playbook.phases
        let current = console.currentPhaseIndex
        let closed = console.incident.isClosed
        func render(short: Bool) -> [(String, Style)] {
            phases.enumerated().map { index, phase in
                let isCurrent = index == current && !closed
                let isSelected = index == console.phaseIndex
                let text = short && !isCurrent && !isSelected ? "\(index + 1)" : "\(index + 1) \(phase.title[language])"
                var style: Style = index < current || closed ? .muted : .plain
                if isCurrent { style = Style(.accent, bold: true, reverse: true) }
                if isSelected, !isCurrent { style.underline = true }
                return (isCurrent ? " \(text) " : text, style)
            }
        }
        let separator = " › "
        var items = render(short: false)
        let total = items.reduce(0) { $0 + DisplayWidth.of($1.0) } + DisplayWidth.of(separator) * (items.count - 1)
        if total > rect.width { items = render(short: true) }
        var x = rect.x
        for (index, item) in items.enumerated() {
            if index > 0 { x += canvas.put(separator, x: x, y: rect.y, width: rect.maxX - x, style: .muted) }
            x += canvas.put(item.0, x: x, y: rect.y, width: rect.maxX - x, style: item.1)
        }
        if closed {
            canvas.putRight(language == .zh ? "事件已关闭" : "incident closed", in: Rect(x: x + 2, y: rect.y, width: rect.maxX - x - 2, height: 1), style: Style(.good, bold: true))
        }
    }

    private static func divider(into canvas: inout Canvas, _ rect: Rect, junction: String, at x: Int, label: String?) {
        guard !rect.isEmpty else { return }
        canvas.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, width: rect.width, style: .muted)
        canvas.put(junction, x: x, y: rect.y, width: 1, style: .muted)
        if let label { canvas.put(" \(label) ", x: rect.x + 2, y: rect.y, width: rect.width - 4, style: .heading) }
    }

    private static func paneTitle(into canvas: inout Canvas, _ rect: Rect, _ text: String, right: String = "", focused: Bool) {
        let style = focused ? Style(.accent, bold: true, reverse: true) : .heading
        canvas.line(" " + text, in: rect.row(0), style: style)
        if !right.isEmpty { canvas.putRight(right + " ", in: rect.row(0), style: focused ? style : .muted) }
    }

    // MARK: - Steps

    private static func steps(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel) {
        guard rect.height > 0 else { return }
        let language = model.language
        let phase = console.selectedPhase
        let incident = console.incident
        let settled = phase.steps.filter { incident.stepState($0.id).isSettled }.count
        var title = (language == .zh ? "步骤 · " : "Steps · ") + phase.title[language]
        if console.phaseIndex != console.currentPhaseIndex || incident.isClosed {
            title += language == .zh ? "（查看中）" : " (viewing)"
        }
        paneTitle(into: &canvas, rect, title, right: "\(settled)/\(phase.steps.count)", focused: console.focus == .steps)
        let rows = rect.height - 1
        let top = max(0, console.stepIndex - rows + 1)
        let ownerWidth = min(rect.width / 3, 12)
        for (row, index) in phase.steps.indices.dropFirst(top).prefix(rows).enumerated() {
            let step = phase.steps[index]
            let state = incident.stepState(step.id)
            let line = rect.row(1 + row)
            let isSelected = index == console.stepIndex
            var style = StepMark.style(state)
            if isSelected { style = console.focus == .steps ? Style(style.tone, bold: true, reverse: true) : style.with(bold: true) }
            canvas.fill(line, style: style)
            let owner = incident.assignments[step.role].map(\.terminalSafe) ?? console.playbook.role(step.role)?.title[language] ?? step.role
            let ownerX = canvas.putRight(" " + TextLayout.truncate(owner, to: ownerWidth) + " ", in: line, style: isSelected ? style : .muted)
            let marker = isSelected ? ">" : " "
            // A required step keeps its `*` when its title is cut short.
            let lead = "\(marker)\(StepMark.mark(state)) "
            let star = step.required ? "*" : ""
            let room = ownerX - line.x - DisplayWidth.of(lead) - star.count
            canvas.put(lead + TextLayout.truncate(step.title[language], to: max(0, room)) + star, x: line.x, y: line.y, width: ownerX - line.x, style: style)
        }
        let used = 1 + min(rows, phase.steps.count - top)
        if let goal = phase.goal, rect.height - used >= 3 {
            canvas.paragraphs([(goal[language], .muted)], in: Rect(x: rect.x + 1, y: rect.y + used + 1, width: rect.width - 2, height: rect.height - used - 1))
        }
    }

    // MARK: - Timeline

    /// Reads only the entries on screen: `rows` lookups into `timeline`, however long it is.
    private static func timelinePane<Timeline: RandomAccessCollection>(
        into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel, timeline: Timeline
    ) where Timeline.Element == Event, Timeline.Index == Int {
        guard rect.height > 0 else { return }
        let language = model.language
        let count = timeline.count
        let viewport = console.timeline
        let right: String
        if viewport.following {
            right = language == .zh ? "跟随最新" : "following"
        } else if viewport.unseen > 0 {
            right = language == .zh ? "↓ \(viewport.unseen) 条新记录 (G)" : "↓ \(viewport.unseen) new (G)"
        } else {
            right = "\(viewport.cursor + 1)/\(count)"
        }
        // Every time on the console is at the incident's offset, named here where there is room.
        let times = console.incident.times
        var title = language == .zh ? "时间线 · \(count) 条" : "Timeline · \(count)"
        if DisplayWidth.of(title + " · " + times.label) + DisplayWidth.of(right) + 3 <= rect.width { title += " · " + times.label }
        paneTitle(into: &canvas, rect, title, right: right, focused: console.focus == .timeline)
        let rows = rect.height - 1
        let longTimes = rect.width >= 60
        let selected: (index: Int, event: Event)? = console.focus == .timeline && viewport.cursor < count
            ? (viewport.cursor, timeline[viewport.cursor]) : nil
        func text(_ event: Event) -> (time: String, summary: String) {
            let time = longTimes ? times.short(event.ts) : times.clock(event.ts)
            let name = TextLayout.pad(TextLayout.truncate(event.recordedName, to: longestName), to: actorWidth)
            return (" \(time) ", "\(name) " + EventText.summary(event, playbook: console.playbook, language: language).terminalSafe)
        }
        // The selected entry shows in full, on as many rows as it needs (up to the pane); the
        // entries above it give way so that all of it is on screen.
        var selectedLines: [String] = []
        var top = viewport.top
        if let selected {
            let entry = text(selected.event)
            selectedLines = Array(TextLayout.wrap(entry.summary, width: max(1, rect.width - DisplayWidth.of(entry.time))).prefix(rows))
            top = min(selected.index, max(top, selected.index + selectedLines.count - rows))
        }
        var row = 0
        var index = top
        while row < rows, index < count {
            let isSelected = index == selected?.index
            let event = isSelected ? selected?.event ?? timeline[index] : timeline[index]
            let entry = text(event)
            var style = eventStyle(event)
            if index == console.searchHit { style = Style(.accent, bold: true, underline: true) }
            if isSelected { style = style.with(reverse: true) }
            let timeStyle = style.tone == .normal ? Style(.muted, reverse: style.reverse) : style
            let lines = isSelected ? selectedLines : [entry.summary]
            for (offset, text) in lines.prefix(rows - row).enumerated() {
                let line = rect.row(1 + row)
                canvas.fill(line, style: style)
                let time = offset == 0 ? entry.time : String(repeating: " ", count: DisplayWidth.of(entry.time))
                let x = line.x + canvas.put(time, x: line.x, y: line.y, width: line.width, style: timeStyle)
                canvas.put(text, x: x, y: line.y, width: line.maxX - x, style: style)
                row += 1
            }
            index += 1
        }
    }

    /// The columns the name an entry was recorded under takes in the timeline, and the most a
    /// long one may push the summary along before it is cut.
    static let actorWidth = 8
    static let longestName = 16

    private static func eventStyle(_ event: Event) -> Style {
        switch event.type {
        case EventType.stepCompleted, EventType.noticeSent: Style(.good)
        case EventType.stepSkipped, EventType.stepBlocked, EventType.stepReopened: Style(.warning)
        case EventType.phaseAdvanced, EventType.closed, EventType.classified, EventType.declared: Style(.accent, bold: true)
        case EventType.noteAdded, EventType.stepStarted, EventType.roleAssigned: .plain
        default: .muted
        }
    }

    // MARK: - Bottom

    private static func deadlinePane(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel, deadlines: [DeadlineStatus]) {
        let language = model.language
        guard !deadlines.isEmpty else {
            let none = console.incident.severity == nil
                ? (language == .zh ? " 尚未定级：定级后（按 c）相应的法定时限开始计时。" : " Not graded yet: grading (c) starts the legal clocks that apply.")
                : (language == .zh ? " 当前级别下没有时限。" : " No deadlines apply at this severity.")
            canvas.line(none, in: rect.row(0), style: .muted)
            return
        }
        let top = max(0, console.deadlineIndex - rect.height + 1)
        let titleWidth = min(40, rect.width / 2)
        for (row, index) in deadlines.indices.dropFirst(top).prefix(rect.height).enumerated() {
            let status = deadlines[index]
            var style = DeadlineText.style(status)
            let selected = index == console.deadlineIndex && console.focus == .deadlines
            if selected { style = style.with(reverse: true) }
            let line = rect.row(row)
            canvas.fill(line, style: style)
            // A limit the playbook marks unconfirmed says so beside its title, which gives way to it.
            let caution = status.deadline.verify ? " " + DeadlineText.unconfirmed[language] : ""
            let room = titleWidth - 1 - DisplayWidth.of(caution)
            let x = line.x + canvas.put(" " + TextLayout.truncate(status.deadline.title[language], to: room), x: line.x, y: line.y, width: titleWidth, style: style)
            canvas.put(caution, x: x, y: line.y, width: line.x + titleWidth - x, style: selected ? style : Style(.warning, bold: true))
            canvas.put(" " + DeadlineText.state(status, times: console.incident.times, language: language), x: line.x + titleWidth, y: line.y, width: line.width - titleWidth, style: style)
        }
    }

    private static func message(into canvas: inout Canvas, _ rect: Rect, model: AppModel, console: ConsoleModel) {
        if let flash = model.flash {
            canvas.line(" " + flash.text[model.language].terminalSafe, in: rect, style: Style(flash.tone, bold: flash.tone == .danger))
        } else if console.mode.isReadOnly {
            canvas.line(" " + AppModel.readOnlyRefusal[model.language], in: rect, style: .muted)
        }
    }
}
