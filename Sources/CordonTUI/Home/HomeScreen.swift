import CordonCore

/// Draws the home screen: incidents, open first, then drills.
enum HomeScreen {
    static func draw(into canvas: inout Canvas, model: AppModel, home: HomeModel) {
        let language = model.language
        let zh = language == .zh
        let width = model.size.width
        canvas.put(" Cordon ", x: 0, y: 0, width: width, style: Style(.accent, bold: true, reverse: true))
        // The clock names its offset, as the console's times do; the subtitle gives way to it.
        let clock = model.times.minute(model.now) + " " + model.times.label + " "
        let room = max(0, width - 8 - DisplayWidth.of(clock) - 1)
        let subtitle = zh ? " 个人信息泄露应急处置控制台" : " Incident console for personal-information leaks"
        canvas.put(TextLayout.truncate(subtitle, to: room), x: 8, y: 0, width: room, style: Style(bold: true))
        canvas.putRight(clock, in: Rect(x: 0, y: 0, width: width, height: 1), style: .muted)
        canvas.put(String(repeating: "─", count: width), x: 0, y: 1, width: width, style: .muted)

        var lines: [(text: String, style: Style, entry: Int?)] = []
        if !home.isLoaded {
            lines.append((zh ? " 正在读取…" : " Reading…", .muted, nil))
        } else {
            section(&lines, title: zh ? "事件" : "Incidents", listings: home.incidents, offset: 0, empty: zh ? "还没有事件。按 d 宣布新事件。" : "No incidents yet. Press d to declare one.", language: language, width: width)
            lines.append(("", .plain, nil))
            section(&lines, title: zh ? "演练" : "Drills", listings: home.drills, offset: home.incidents.count, empty: zh ? "还没有演练。按 D 选择场景开始演练。" : "No drills yet. Press D to choose a scenario and start one.", language: language, width: width)
            if let plan = home.review?.plan, !plan.isEmpty { plannedDrills(&lines, plan: plan, language: language) }
        }
        let area = Rect(x: 0, y: 2, width: width, height: model.size.height - 4)
        let selectedLine = lines.firstIndex { $0.entry == home.selection } ?? 0
        let top = max(0, selectedLine - area.height + 1)
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let selected = line.entry == home.selection
            canvas.line(line.text, in: area.row(row), style: selected ? line.style.with(reverse: true) : line.style)
        }

        let message = Rect(x: 0, y: model.size.height - 2, width: width, height: 1)
        if let flash = model.flash {
            canvas.line(" " + flash.text[language].terminalSafe, in: message, style: Style(flash.tone, bold: flash.tone == .danger))
        }
        let hints = KeyTable.hints(for: [.home], language: language)
        canvas.line(HintLine.compose(hints, width: width), in: Rect(x: 0, y: model.size.height - 1, width: width, height: 1), style: .muted)
    }

    private static func section(
        _ lines: inout [(text: String, style: Style, entry: Int?)], title: String, listings: [IncidentListing],
        offset: Int, empty: String, language: Language, width: Int
    ) {
        lines.append((" \(title) (\(listings.count))", .heading, nil))
        if listings.isEmpty { lines.append(("   " + empty, .muted, nil)) }
        for (index, listing) in listings.enumerated() {
            lines.append((row(listing, language: language), style(listing), offset + index))
        }
    }

    /// The next planned drill due and every overdue one, from the drill plan.
    private static func plannedDrills(_ lines: inout [(text: String, style: Style, entry: Int?)], plan: [PlannedDrillProgress], language: Language) {
        let zh = language == .zh
        for row in plan.overdue {
            lines.append(("   ! " + (zh ? "计划演练 " : "Planned drill ") + "\(row.entry.scenario) \(row.entry.due)" + (zh ? "：" : ": ") + row.statusText(language), Style(.danger, bold: true), nil))
        }
        if let next = plan.nextDue {
            lines.append(("   " + (zh ? "下一次计划演练 " : "Next planned drill ") + "\(next.entry.scenario) \(next.entry.due)" + (zh ? "：" : ": ") + next.statusText(language), .plain, nil))
        }
    }

    /// `INC-20261129-001  [较大]      遏制          催收外包商客户名单外泄`
    private static func row(_ listing: IncidentListing, language: Language) -> String {
        guard let state = listing.state else {
            return "   \(listing.id)  " + (language == .zh ? "无法读取：" : "unreadable: ") + (listing.problem?[language] ?? "")
        }
        let severity = state.severity.map { "[\($0.title[language])]" } ?? (language == .zh ? "[未定级]" : "[ungraded]")
        var phase = state.isClosed ? (language == .zh ? "已关闭" : "closed") : (listing.phaseTitle?[language] ?? state.phase)
        if let drill = state.drill, drill.hasEnded {
            phase = (language == .zh ? "得分 " : "score ") + (drill.score.map { "\($0)/\(drill.maximumScore ?? 0)" } ?? "—")
        }
        return "   \(state.id)  \(TextLayout.pad(severity, to: 11)) \(TextLayout.pad(phase, to: 15)) \(state.title.terminalSafe)"
    }

    private static func style(_ listing: IncidentListing) -> Style {
        guard listing.state != nil else { return Style(.danger) }
        return listing.isFinished ? .muted : .plain
    }
}
