import CordonCore

/// Starts a drill from the home screen: choose a scenario and the speed of its clock; the
/// briefing of the one chosen shows below the list.
struct ScenarioPickerDialog: Dialog {
    let scenarios: [Scenario]
    var selection = 0
    var speedIndex = 0

    init(scenarios: [Scenario]) {
        self.scenarios = scenarios
    }

    var speed: Int { AppModel.drillSpeeds[speedIndex] }

    func title(_ language: Language) -> String { language == .zh ? "开始演练" : "Start a drill" }

    func contentSize(available: Size, model: AppModel) -> Size {
        Size(width: min(available.width, 84), height: min(available.height, scenarios.count + 12))
    }

    func draw(into canvas: inout Canvas, content: Rect, model: AppModel) {
        let zh = model.language == .zh
        let language = model.language
        let listRows = min(scenarios.count, max(1, content.height - 4))
        let top = max(0, selection - listRows + 1)
        for (row, index) in scenarios.indices.dropFirst(top).prefix(listRows).enumerated() {
            let scenario = scenarios[index]
            let rect = content.row(row)
            let style = index == selection ? Style.selected : .plain
            canvas.line((index == selection ? "> " : "  ") + scenario.title[language].terminalSafe, in: rect, style: style)
        }
        let speedRow = content.row(listRows + 1)
        let label = zh ? "时钟倍速  " : "Clock speed  "
        let x = speedRow.x + canvas.put(label, x: speedRow.x, y: speedRow.y, width: speedRow.width, style: .muted)
        let hours = DurationText.elapsed(scenarios[selection].duration / speed)
        canvas.put("‹ ×\(speed) › " + (zh ? " 全程约 \(hours)" : " about \(hours) in all"), x: x, y: speedRow.y, width: speedRow.maxX - x, style: Style(.accent, bold: true))
        let scenario = scenarios[selection]
        let facts = [
            (zh ? "剧本 " : "playbook ") + scenario.playbook,
            (zh ? "时长 " : "length ") + DurationText.elapsed(scenario.duration),
            zh ? "注入 \(scenario.injects.count) 条" : "\(scenario.injects.count) injects",
            zh ? "满分 \(scenario.maximumScore)" : "\(scenario.maximumScore) points",
        ].joined(separator: " · ")
        let details = Rect(x: content.x, y: speedRow.y + 2, width: content.width, height: max(0, content.maxY - speedRow.y - 2))
        canvas.paragraphs([(facts, .muted)] + scenario.briefing[language].split(separator: "\n").map { (String($0), .plain) }, in: details)
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "↑↓ 场景  ←→ 倍速  " : "↑↓ scenario  ←→ speed  ") + DialogHints.submitOrCancel(language, submit: localized("开始", "start"))
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        switch request {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(scenarios.count - 1, selection + 1)
        case .left: speedIndex = max(0, speedIndex - 1)
        case .right: speedIndex = min(AppModel.drillSpeeds.count - 1, speedIndex + 1)
        case .submit: return .effect(.startDrill(scenario: scenarios[selection].id, speed: speed))
        case .cancel: return .close
        default: break
        }
        return .stay
    }
}
