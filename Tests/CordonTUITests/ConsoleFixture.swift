import CordonCore
import CordonTestSupport
@testable import CordonTUI

/// A console on an in-memory incident, driven by keys, with a clock that moves only when told.
struct ConsoleFixture {
    let journal: MemoryJournal
    let program: ConsoleProgram
    var clock: ManualClock { journal.clock }

    init(
        language: Language = .zh, size: Size = Size(width: 100, height: 30), severity: Severity? = nil,
        id: String = "INC-20261129-001", title: String = "催收外包商客户名单外泄", mode: ConsoleMode = .live,
        playbook: Playbook = Fixtures.playbook
    ) {
        journal = MemoryJournal(playbook: playbook, id: id, title: title, severity: severity)
        program = ConsoleProgram(journal: journal, mode: mode, language: language, size: size, clock: journal.clock)
    }

    var screen: Canvas { program.render() }

    func press(_ keys: Key...) { program.press(keys) }

    func type(_ text: String) { program.type(text) }

    /// Moves the clock on and lets the console see it, as the loop does every second.
    func wait(minutes: Int) {
        clock.advance(seconds: minutes * 60)
        program.tick()
    }

    var lastEvent: Event { journal.events.last! }
}
