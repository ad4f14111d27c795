import CordonCore
import CordonTestSupport
@testable import CordonTUI

/// A replay player over an incident worked in memory: graded at once, the source isolated at
/// 12 minutes, a colleague's note, evidence preserved, the move to notification at 41 minutes,
/// then a gap of over three hours before the report to the CAC. Real time runs on a clock of
/// its own, moved by hand.
struct ReplayFixture {
    let source: any IncidentJournal
    let wall = ManualClock(Timestamp(iso8601: "2026-12-05T10:00:00.000+08:00")!)
    let program: ConsoleProgram

    init(language: Language = .zh, size: Size = Size(width: 100, height: 30), at seq: Int = 1, source: any IncidentJournal = ReplayFixture.workedIncident()) {
        self.source = source
        program = try! ConsoleProgram(replaying: source, at: seq, language: language, size: size, clock: wall)
    }

    static func workedIncident() -> MemoryJournal {
        let journal = MemoryJournal(title: "催收外包商客户名单外泄", severity: .serious)
        journal.clock.advance(seconds: 12 * 60)
        _ = try! journal.perform(.step("isolate", .done))
        _ = try! journal.perform(.assign(role: "commander", person: "王磊"))
        journal.clock.advance(seconds: 9 * 60)
        journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "法务已电话联系省网信办值班室"])], actor: "lina")
        _ = try! journal.refresh()
        _ = try! journal.perform(.step("preserve", .start))
        journal.clock.advance(seconds: 19 * 60)
        _ = try! journal.perform(.step("preserve", .done))
        journal.clock.advance(seconds: 60)
        _ = try! journal.perform(.advance())
        journal.clock.advance(seconds: 3 * 3600 + 14 * 60)
        _ = try! journal.perform(.note("初报材料已由法务复核"))
        journal.clock.advance(seconds: 3 * 60)
        _ = try! journal.perform(.step("notify-regulator", .done))
        return journal
    }

    var screen: Canvas { program.render() }
    var player: ReplayPlayer { program.model.console!.player! }

    func press(_ keys: Key...) { program.press(keys) }

    /// Moves real time on in frames of `frame` milliseconds, ticking as the loop does.
    func play(millis: Int64, frame: Int64 = 100) {
        var left = millis
        while left > 0 {
            let step = min(frame, left)
            wall.set(Timestamp(millis: wall.now().millis + step, offsetSeconds: wall.now().offsetSeconds))
            program.tick()
            left -= step
        }
    }
}
