import CordonCore
import CordonTestSupport
@testable import CordonTUI

/// The facilitator's console on the fixture scenario in memory, as `cordon drill` opens it:
/// the clock started and held for the briefing. Real time moves only when the test moves it.
struct DrillConsoleFixture {
    let journal: MemoryDrillJournal
    let conductor: DrillConductor
    let program: ConsoleProgram

    /// `holdsClockOnInject` is off unless asked for: most tests follow the clock past injects
    /// left open, as a facilitator who pressed `H` would; `InjectHoldTests` turn it on.
    init(language: Language = .zh, size: Size = Size(width: 100, height: 30), speed: Int = 60, seed: Int = 1, holdsClockOnInject: Bool = false) {
        journal = MemoryDrillJournal(scenario: Fixtures.scenario, title: "小演练：客户投诉精准诈骗电话")
        conductor = DrillConductor(journal: journal, scenario: Fixtures.scenario)
        program = try! ConsoleProgram(conducting: conductor, speed: speed, seed: seed, holdsClockOnInject: holdsClockOnInject, language: language, size: size, clock: journal.wall)
    }

    var screen: Canvas { program.render() }
    var start: Timestamp { journal.state.drill!.startedAt }
    /// Seconds of drill time since the start.
    var offset: Int { start.seconds(to: conductor.now) }

    func press(_ keys: Key...) { program.press(keys) }

    func type(_ text: String) { program.type(text) }

    /// Moves real time on until the drill clock reads `offset`, ticking the console at every
    /// inject on the way as its loop would. Stops early while the clock is held or after the end.
    func run(toOffset target: Int) {
        let goal = start.adding(seconds: target)
        while conductor.now < goal, let setting = journal.drillClock.setting, setting.isRunning, journal.state.drill?.hasEnded == false {
            let stop = setting.limit.map { min($0, goal) } ?? goal
            guard let wake = setting.wallTime(whenDrillReaches: stop) else { return }
            let before = (conductor.now, journal.state.lastSeq)
            journal.wall.set(max(journal.wall.now(), wake))
            program.tick()
            if (conductor.now, journal.state.lastSeq) == before { return }
        }
    }

    /// Moves real time on by `millis` and ticks once.
    func wait(millis: Int64) {
        journal.advanceWall(millis: millis)
        program.tick()
    }
}
