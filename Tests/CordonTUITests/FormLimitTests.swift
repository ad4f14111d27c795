import CordonCore
import CordonTestSupport
import Testing
@testable import CordonTUI

/// The console's forms refuse by the same limits as the command line (`TextLimits`): what
/// was typed stays in the form, the form says why, and nothing is recorded.
@Suite struct FormLimitTests {
    @Test func aTitleOverTheLimitIsRefusedInTheDeclareForm() {
        let library = MemoryLibrary()
        let program = ConsoleProgram(library: library, language: .en, size: Size(width: 100, height: 30), clock: library.clock)
        program.press(.character("d"))
        program.type(String(repeating: "t", count: TextLimits.title + 1))
        program.press(.enter)
        #expect(program.render().contains("The title is 201 characters, over the limit of 200"), "\(program.render())")
        #expect(library.journals.isEmpty)
    }

    @Test func aNameOverTheLimitIsRefusedInTheAssignDialog() {
        let console = ConsoleFixture(language: .en)
        console.press(.character("a"))
        console.type(String(repeating: "王", count: TextLimits.name + 1))
        console.press(.enter)
        #expect(console.screen.contains("The name of the person is 65 characters, over the limit of"), "\(console.screen)")
        #expect(console.journal.state.assignments["commander"] == nil)
        #expect(console.journal.events.count == 1, "nothing was recorded")
    }
}
