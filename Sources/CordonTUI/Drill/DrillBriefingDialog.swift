import CordonCore

/// What the facilitator reads out before the clock starts: the situation, the facts the team
/// has, and how the drill runs. The console that starts a drill opens with it, the clock held;
/// `Enter` starts the clock.
struct DrillBriefingDialog: ReadingDialog {
    let scenario: Scenario
    var scroll = 0

    init(scenario: Scenario) {
        self.scenario = scenario
    }

    func title(_ language: Language) -> String { language == .zh ? "演练简报" : "Drill briefing" }

    var preferredWidth: Int { 84 }

    /// Whether `Enter` starts the clock: this console conducts the drill and its clock is held.
    private func startsClock(_ model: AppModel) -> Bool {
        guard let console = model.console, console.conductsRunningDrill else { return false }
        return console.incident.drill?.clock.isRunning == false
    }

    func paragraphs(model: AppModel) -> [(String, Style)] {
        let zh = model.language == .zh
        let language = model.language
        var out: [(String, Style)] = [(scenario.title[language], .heading)]
        for paragraph in scenario.briefing[language].split(separator: "\n") { out.append((String(paragraph), .plain)) }
        if !scenario.start.facts.isEmpty {
            out.append(("", .plain))
            for fact in scenario.start.facts { out.append(("• \t" + fact[language], .plain)) }
        }
        out.append(("", .plain))
        var facts = [
            (zh ? "剧本 " : "playbook ") + scenario.playbook,
            (zh ? "时长 " : "length ") + DurationText.elapsed(scenario.duration),
            zh ? "注入 \(scenario.injects.count) 条" : "\(scenario.injects.count) injects",
            zh ? "满分 \(scenario.maximumScore)" : "\(scenario.maximumScore) points",
        ]
        if let drill = model.console?.incident.drill { facts.append("×\(drill.clock.speed)") }
        out.append((facts.joined(separator: " · "), .muted))
        if let drill = model.console?.incident.drill {
            // A line of its own, so `--seed 330084` is never wrapped apart.
            out.append((zh ? "种子 \(drill.seed)（--seed \(drill.seed) 可重演）" : "seed \(drill.seed) (--seed \(drill.seed) repeats it)", .muted))
        }
        if startsClock(model) {
            out.append(("", .plain))
            out.append((zh
                ? "演练时钟停在 T+0:00:00。读完简报后按 Enter 开始计时；之后 p 暂停、f 跳到下一注入、E 结束演练。"
                : "The drill clock is held at T+0:00:00. Read the briefing out, then press Enter to start it; then p pauses, f jumps to the next inject, E ends the drill.", Style(.warning, bold: true)))
        }
        return out
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "Enter 开始计时  " : "Enter start the clock  ") + DialogHints.close(language)
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        if request == .submit, startsClock(model) { return .effect(.drill(.clock(.resume))) }
        return request == .insert("?") ? .close : handleScrolling(request, model: model)
    }
}
