import ArgumentParser
import CordonCore
import CordonStore
import CordonTUI
import Foundation

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an incident as it stood at an event or a time, or its whole timeline step by step. 回放事件。",
        discussion: """
            On a terminal it opens the replay player over the console (read-only): Space plays and pauses, ←/→ step one event, \
            [ and ] jump between phase boundaries, Home/End go to the start or the end, + and - set the speed (1× to 1000× the \
            original pace; gaps over 10 minutes are crossed in 2 seconds and shown as such). --at starts it at that moment.
            With --json, or without a terminal: with --at SEQ the state right after event SEQ, read at that event's own time; with \
            --at TIME every event recorded by then, read at TIME (--json prints what `cordon status ID --json` printed at \
            that moment; as_of and the time left on each clock are read at that moment, not at whenever status ran); without --at the timeline with its phase changes, injects and long gaps.
            Examples: cordon replay INC-20261129-001 · cordon replay INC-20261129-001 --at 42 --json
            """)

    @Argument(help: "Incident or drill id.") var id: String
    @Option(help: "An event number (seq), or a time: 2026-11-29T13:05+08:00, \"2026-11-29 13:05\", 13:05 (read at the incident's UTC offset, its declaration's).") var at: String?
    @Option(help: "The player's speed, 1–1000 times the original pace.") var speed = 10
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CordonCLI.run(global) { context in
            let journal = try context.store.openForConsole(id, stamp: context.stamp)
            let id = journal.state.id
            let replay: IncidentReplay
            do throws(IncidentState.FoldError) {
                replay = try IncidentReplay(events: journal.events)
            } catch {
                throw StoreError("timeline-damaged", zh: "\(id) 的时间线无法回放：\(error.description)。未做任何更改。", en: "\(id)'s timeline cannot be replayed: \(error.description). Nothing was changed.")
            }
            let moment = try at.map { try self.moment($0, in: replay, context: context, state: journal.state) }
            if !context.options.json, ConsoleLauncher.hasTerminal {
                guard (1...1000).contains(speed) else {
                    throw Refusal("bad-speed", zh: "回放倍速须在 1 到 1000 之间，而不是 \(speed)。", en: "The replay speed must be between 1 and 1000, not \(speed).")
                }
                try ConsoleLauncher.console(context, asksWhoIsAtTheKeyboard: false) {
                    try ConsoleProgram(replaying: journal, at: moment?.seq ?? 1, speed: speed, language: context.language, size: ConsoleLauncher.initialSize, clock: context.stamp.clock)
                }
                return
            }
            guard let moment else {
                ReplayTranscript(context: context, playbook: journal.playbook, events: journal.events, times: journal.state.times).print()
                return
            }
            if context.options.json {
                print(JSONWriter.string(moment.status(playbook: journal.playbook)))
                return
            }
            let times = journal.state.times
            let when = "\(times.second(moment.now)) \(times.label)"
            print(context.text("回放 \(id) · 第 \(moment.seq)/\(replay.count) 条事件之后 · 时刻 \(when)", "Replay of \(id) · after event \(moment.seq) of \(replay.count) · at \(when)"))
            print("")
            print(StatusText.render(playbook: journal.playbook, state: moment.state, now: moment.now, language: context.language))
            print("")
            print(context.text("截至此刻的时间线（最近 10 条）：", "Timeline up to this moment (last 10):"))
            let transcript = ReplayTranscript(context: context, playbook: journal.playbook, events: journal.events, times: times)
            for event in moment.events.suffix(10) { print(transcript.line(event)) }
        }
    }

    /// The moment `--at` names: an event number, or a time typed at the incident's offset.
    private func moment(_ text: String, in replay: IncidentReplay, context: Context, state: IncidentState) throws -> ReplayMoment {
        if !text.isEmpty, text.allSatisfy(\.isASCII), let seq = Int(text) {
            guard (1...replay.count).contains(seq) else {
                throw Refusal("seq-out-of-range", zh: "时间线共有 \(replay.count) 条事件；请给出 1 到 \(replay.count) 之间的序号。", en: "The timeline has \(replay.count) events; give a seq from 1 to \(replay.count).")
            }
            return replay.moment(at: seq)
        }
        let times = state.times
        guard let time = MomentText.parse(text, now: state.local(context.stamp.clock.now())) else {
            throw Refusal("bad-time", zh: "无法识别“\(text)”；请给出事件序号，或 2026-11-29 13:05 这样的时间（按 \(times.label) 理解）。", en: "'\(text)' is neither an event number nor a time; write 42, or a time such as 2026-11-29 13:05 (read at \(times.label)).")
        }
        guard let moment = replay.moment(at: time) else {
            let declared = times.second(replay.events[0].ts)
            throw Refusal(
                "before-declaration",
                zh: "\(times.second(time)) 早于事件宣布时间 \(declared)（\(times.label)），那时还没有这个事件。",
                en: "\(times.second(time)) is before the incident was declared (\(declared), \(times.label)); it did not exist yet.")
        }
        return moment
    }
}

/// The whole timeline as text, one event a line, with phase headings and compressed gaps.
struct ReplayTranscript {
    let context: Context
    let playbook: Playbook
    let events: [Event]
    /// The incident's offset, which every line is shown at.
    let times: MomentFormat

    func print() {
        let timeline = ReplayTimeline(events: events)
        if context.options.json {
            var state: IncidentState?
            let items: [JSONValue] = events.map { event in
                if state == nil { state = try? IncidentState(declaration: event) } else { state?.apply(event) }
                return .object([
                    "seq": .int(event.seq), "ts": .string(event.ts.iso8601), "actor": .string(event.actorLabel), "type": .string(event.type),
                    "phase": state.map { .string($0.phase) } ?? .null, "closed": .bool(state?.isClosed ?? false),
                    "summary": .string(EventText.summary(event, playbook: playbook, language: context.language)),
                ])
            }
            Swift.print(JSONWriter.string(.array(items)))
            return
        }
        context.warn(context.text(
            "这里没有终端，无法打开回放播放器；以下逐条列出时间线。用 --at 序号或时间 查看某一时刻的完整状态。",
            "There is no terminal here for the replay player; here is the timeline step by step. Use --at SEQ or TIME for the full state at a moment."))
        Swift.print(context.text("时间均为 \(times.label)", "Times are \(times.label)"))
        let gaps = Dictionary(uniqueKeysWithValues: timeline.gaps.map { ($0.after, $0.seconds) })
        let marks = Dictionary(timeline.marks.map { ($0.seq, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for event in events {
            switch marks[event.seq] {
            case .declared(let phase)?, .phase(let phase)?:
                Swift.print("── " + (playbook.phase(phase)?.title[context.language] ?? phase.terminalSafe) + " ──")
            case .closed?:
                Swift.print("── " + context.text("关闭", "closed") + " ──")
            default:
                break
            }
            Swift.print(line(event))
            if let seconds = gaps[event.seq] {
                Swift.print("   ⋯ " + context.text("\(DurationText.format(seconds)) 后", "\(DurationText.format(seconds)) later") + " ⋯")
            }
        }
    }

    /// `#12  2026-11-29 13:05:12  zhangwei  完成 隔离泄露源`
    func line(_ event: Event) -> String {
        let time = times.second(event.ts)
        let summary = EventText.summary(event, playbook: playbook, language: context.language)
        return "#\(event.seq)  \(time)  \(event.actorLabel.terminalSafe)  \(summary.terminalSafe)"
    }
}
