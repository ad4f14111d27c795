import CordonCore

/// What the facilitator reads out before the clock starts: the situation, the facts the team
/// has, and how the drill runs. The console that starts a drill opens with it, the clock held;
/// `Enter` starts the clock. It proposes a speed people can follow, which `s` sets.
struct DrillBriefingDialog: ReadingDialog {
    let scenario: Scenario
    var scroll = 0
    /// `s` set the proposed speed: the briefing stays up until `Enter` starts the clock.
    private var settingSpeed = false

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
        if let drill = model.console?.incident.drill {
            facts.append("×\(drill.clock.speed)")
            facts.append(zh ? "种子 \(drill.seed)（--seed \(drill.seed) 可重演）" : "seed \(drill.seed) (--seed \(drill.seed) repeats it)")
        }
        out.append((facts.joined(separator: " · "), .muted))
        if startsClock(model), let drill = model.console?.incident.drill {
            out.append(("", .plain))
            out.append((pace(current: drill.clock.speed, language: language), Style(.accent)))
            let holds = model.console?.holdsClockOnInject ?? true
            out.append((holds
                ? (zh ? "注入弹出时演练时钟暂停，直到回应或关闭（H 可关闭此功能）。" : "An inject on screen holds the drill clock until it is answered or dismissed (H turns this off).")
                : (zh ? "注入弹出时演练时钟照常走（H 重新开启暂停）。" : "The drill clock runs on while an inject is on screen (H holds it again)."), .muted))
            out.append((zh
                ? "演练时钟停在 T+0:00:00。读完简报后按 Enter 开始计时；之后 p 暂停、f 跳到下一注入、E 结束演练。"
                : "The drill clock is held at T+0:00:00. Read the briefing out, then press Enter to start it; then p pauses, f jumps to the next inject, E ends the drill.", Style(.warning, bold: true)))
        }
        return out
    }

    /// The proposed speed beside the one set, and what each means in real time.
    private func pace(current: Int, language: Language) -> String {
        let zh = language == .zh
        let suggested = DrillPace.suggestedSpeed(for: scenario)
        let length = DurationText.spoken(scenario.duration, language: language)
        let now = DrillPace.runTime(scenario, speed: current, language: language)
        if current == suggested {
            return zh ? "倍速 ×\(current)：\(length)的剧情约 \(now)走完，注入之间留有阅读和处置的时间。" : "Speed ×\(current): the \(length) scenario takes about \(now), with time to read and act between injects."
        }
        let then = DrillPace.runTime(scenario, speed: suggested, language: language)
        return zh
            ? "建议倍速 ×\(suggested)：\(length)的剧情约 \(then)走完，每条注入都来得及读完再处置；当前 ×\(current) 约 \(now)。按 s 改用建议倍速。"
            : "Proposed speed ×\(suggested): the \(length) scenario takes about \(then), time enough to read each inject and act; ×\(current) now takes about \(now). Press s to use the proposed speed."
    }

    var afterRecording: (any Dialog)? {
        guard settingSpeed else { return nil }
        var next = self
        next.settingSpeed = false
        return next
    }

    func hints(_ language: Language) -> String {
        (language == .zh ? "Enter 开始计时  s 建议倍速  " : "Enter start the clock  s proposed speed  ") + DialogHints.close(language)
    }

    mutating func handle(_ request: Request, model: AppModel) -> DialogOutcome {
        if request == .submit, startsClock(model) { return .effect(.drill(.clock(.resume))) }
        if request == .insert("s"), startsClock(model), let speed = model.console?.incident.drill?.clock.speed {
            let suggested = DrillPace.suggestedSpeed(for: scenario)
            guard speed != suggested else { return .stay }
            settingSpeed = true
            return .effect(.drill(.clock(.speed(suggested))))
        }
        return request == .insert("?") ? .close : handleScrolling(request, model: model)
    }
}
