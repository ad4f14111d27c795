import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The driver's loop on an in-memory terminal: what it sends, how it ends.
@Suite struct ConsoleLoopTests {
    @Test func keysAreHandledAndQuittingEndsTheLoop() {
        let console = ConsoleFixture()
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), inputs: [.key(.space), .key(.character("q")), .key(.character("y"))])
        #expect(ConsoleLoop.run(console.program, on: terminal) == .quit)
        #expect(console.journal.state.stepState("isolate") == .done)
        #expect(terminal.screen.contains("退出 Cordon？"), "the last frame drawn was the question")
    }

    @Test func aStopSignalEndsTheLoopWithoutWriting() {
        let console = ConsoleFixture()
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), inputs: [.key(.character("n")), .signal(15)])
        #expect(ConsoleLoop.run(console.program, on: terminal) == .signal(15))
        #expect(console.journal.events.count == 1)
    }

    @Test func theLoopTakesTheTerminalsSizeAndFollowsResizes() {
        let console = ConsoleFixture()
        let terminal = MemoryTerminal(size: Size(width: 80, height: 24), inputs: [.resized])
        _ = ConsoleLoop.run(console.program, on: terminal)
        #expect(console.program.model.size == Size(width: 80, height: 24))
        terminal.size = Size(width: 30, height: 8)
        terminal.enqueue([.resized])
        _ = ConsoleLoop.run(console.program, on: terminal)
        #expect(terminal.screen.contains("终端窗口太小"))
    }

    @Test func anUnchangedFrameSendsNothingAndASmallChangeLittle() {
        let console = ConsoleFixture()
        let terminal = MemoryTerminal(size: Size(width: 100, height: 30))
        terminal.present(console.program.render())
        #expect(terminal.cellsSent > 0 && terminal.cellsSent < 100 * 30, "blank cells of a blank screen are not sent")
        terminal.present(console.program.render())
        #expect(terminal.cellsSent == 0)
        console.press(.down)
        terminal.present(console.program.render())
        #expect(terminal.cellsSent > 0 && terminal.cellsSent <= 2 * 40, "two step rows of the left pane")
        #expect(terminal.screen == console.program.render())
    }
}
