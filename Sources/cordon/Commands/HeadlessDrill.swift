import CordonCore
import CordonStore
import Foundation

/// `cordon drill --headless`: the drill in a plain terminal. Injects and everyone's events are
/// printed as they land; facilitator commands are read a line at a time from standard input.
/// Waiting is `poll` on standard input with a timeout, so a line typed is handled at once.
final class HeadlessDrill {
    let context: Context
    let drill: DrillSession
    let conductor: DrillConductor
    let speed: Int
    let seed: Int
    private var input = LineInput()
    private var queued: [Result<String, Refusal>] = []
    private var printed = 0

    init(context: Context, drill: DrillSession, speed: Int, seed: Int) {
        self.context = context
        self.drill = drill
        conductor = DrillConductor(journal: drill, scenario: drill.scenario.scenario)
        self.speed = speed
        self.seed = seed
    }

    func run() throws {
        StopSignal.install()
        printBriefing()
        try conductor.start(speed: speed, seed: seed)
        printNewEvents()
        while drill.state.drill?.hasEnded == false {
            if StopSignal.raised {
                try conductor.end(StopSignal.endReason)
                break
            }
            if let line = queued.first {
                queued.removeFirst()
                switch line {
                case .success(let text): handle(text)
                case .failure(let refusal): context.warn(refusal.message[context.language])
                }
            }
            try drill.refresh()
            guard conductor.isConducting else {
                context.warn(context.text(
                    "\(drill.state.drill?.facilitator?.terminalSafe ?? "另一位主持人") 在控制台接管了演练时钟；这个终端不再主持，就此退出（演练继续）。",
                    "\(drill.state.drill?.facilitator?.terminalSafe ?? "Another facilitator") took over the drill clock at a console; this terminal no longer conducts it and stops here (the drill carries on)."))
                break
            }
            try conductor.tick()
            printNewEvents()
            guard drill.state.drill?.hasEnded == false else { break }
            queued += input.wait(millis: queued.isEmpty ? waitMillis() : 0)
        }
        printNewEvents()
        printEvaluation()
    }

    /// Until the next inject, at most a quarter second, so other terminals' events show promptly.
    private func waitMillis() -> Int32 {
        guard let wake = conductor.nextWakeUp else { return 250 }
        return Int32(min(250, max(0, conductor.clock.wall.now().seconds(to: wake) * 1000 + 1)))
    }

    // MARK: - Facilitator commands

    private func handle(_ line: String) {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first else { return }
        let rest = words.dropFirst().joined(separator: " ")
        do {
            switch verb {
            case "p":
                try conductor.perform(conductor.state.drill?.clock.isRunning == true ? .pause : .resume)
            case "f":
                try conductor.perform(.skipToNextInject)
            case "s":
                guard let value = words.dropFirst().first.flatMap({ Int($0) }) else { return usage() }
                try conductor.perform(.speed(value))
            case "a":
                guard words.count == 3 else { return usage() }
                try conductor.answer(inject: words[1], text: words[2])
            case "n":
                try drill.perform(.note(rest))
            case "l":
                try conductor.debrief(.lesson, text: rest)
            case "i":
                try conductor.debrief(.improvement, text: rest)
            case "q":
                try conductor.end()
            default:
                usage()
            }
        } catch let refusal as Refusal {
            context.warn(refusal.message[context.language].terminalSafe)
        } catch {
            context.warn("\(error)")
        }
    }

    private func usage() {
        context.warn(context.text(
            "命令：p 暂停/继续 · f 跳到下一注入 · s 倍速 · a 注入编号 文字（回应注入）· n 文字（备注）· l 文字（经验教训）· i 文字（改进措施）· q 结束演练",
            "Commands: p pause/resume · f next inject · s N speed · a INJECT TEXT answer · n TEXT note · l TEXT lesson · i TEXT improvement · q end the drill"))
    }

    // MARK: - Output

    private func printBriefing() {
        let scenario = drill.scenario.scenario
        if context.options.json {
            print(JSONWriter.string(.object(["drill": .string(drill.id.description), "scenario": .string(scenario.id), "seed": .int(seed), "speed": .int(speed)])))
            return
        }
        print(drill.id.description)
        print(context.text("【演练】", "[DRILL] ") + scenario.title[context.language] + context.text("（剧本 \(scenario.playbook)，时长 \(DurationText.elapsed(scenario.duration))，", " (playbook \(scenario.playbook), \(DurationText.elapsed(scenario.duration)) long, ")
            + "×\(speed)" + context.text("，种子 \(seed)：用 --seed \(seed) 可重演同一场演练）", ", seed \(seed): --seed \(seed) repeats this drill)"))
        print("")
        print(scenario.briefing[context.language].trimmingCharacters(in: .whitespacesAndNewlines))
        if !scenario.start.facts.isEmpty {
            print("")
            for fact in scenario.start.facts { print("  • " + fact[context.language]) }
        }
        print("")
        usage()
        context.warn(context.text("其他终端可照常操作，如：cordon step \(drill.id) isolate-source done", "Work the drill from other terminals as usual, e.g.: cordon step \(drill.id) isolate-source done"))
    }

    private func printNewEvents() {
        let events = drill.events
        guard printed < events.count else { return }
        defer { printed = events.count }
        guard let start = drill.state.drill?.startedAt else { return }
        for event in events[max(printed, 1)...] {
            if context.options.json {
                print(JSONWriter.string(.object([
                    "seq": .int(event.seq), "ts": .string(event.ts.iso8601), "offset_seconds": .int(start.seconds(to: event.ts)),
                    "actor": .string(event.actorLabel), "type": .string(event.type), "data": .object(event.data),
                ])))
                continue
            }
            let clock = "[T+" + DurationText.elapsed(max(0, start.seconds(to: event.ts))) + "]"
            if event.type == EventType.injectDelivered, let from = LocalizedText(json: event.data["from"]), let message = LocalizedText(json: event.data["message"]) {
                print("")
                print("\(clock) ▶ " + context.text("注入", "inject") + " \(event.data.string("inject") ?? "") · \(from[context.language].terminalSafe)")
                print("    " + message[context.language].terminalSafe)
                print("")
            } else {
                print("\(clock) \(event.actorLabel.terminalSafe): \(EventText.summary(event, playbook: drill.playbook, language: context.language).terminalSafe)")
            }
        }
    }

    private func printEvaluation() {
        let evaluation = conductor.evaluation
        if context.options.json {
            print(JSONWriter.string(evaluation.json))
        } else {
            print("")
            print(evaluation.markdown(language: context.language))
        }
    }

    /// Written straight to the file descriptor, unbuffered, so whoever reads this through a pipe
    /// or `tee` sees each inject as it lands.
    private func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line.terminalSafeLines + "\n").utf8))
    }
}
