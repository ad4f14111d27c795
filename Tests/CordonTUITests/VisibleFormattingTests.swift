import CordonCore
import Testing
@testable import CordonTUI

/// Bidi controls and zero-width characters on the console: shown as their code point, one
/// column a character, so that nothing on screen reads other than what is stored.
@Suite struct VisibleFormattingTests {
    @Test("a bidi title and note show as ⟨U+202E⟩ in the header and the timeline, and the columns after them stay in place")
    func bidiOnTheConsole() {
        let plain = ConsoleFixture(language: .en, title: "Vendor leak final")
        let console = ConsoleFixture(language: .en, title: "Vendor\u{200B} leak \u{202E}lanif\u{202C}")
        console.journal.appendFromElsewhere([EventDraft(EventType.noteAdded, ["text": "at \u{202E}00:90\u{202C}"])], actor: "li\u{2066}")
        console.program.refresh()
        let screen = console.screen
        #expect(screen.contains("Vendor⟨U+200B⟩ leak ⟨U+202E⟩lanif⟨U+202C⟩"), "\(screen)")
        #expect(screen.contains("at ⟨U+202E⟩00:90⟨U+202C⟩"), "\(screen)")
        #expect(!screen.lines.joined().unicodeScalars.contains { $0.isInvisibleFormatting }, "no raw control reaches a cell")

        // Each character of ⟨U+202E⟩ takes one cell, so what follows the title (the severity)
        // sits where it does beside a plain title.
        let header = screen.lines[0]
        let marker = header.range(of: "⟨U+202E⟩")!
        let column = header[..<marker.lowerBound].count
        for (offset, character) in "⟨U+202E⟩".enumerated() {
            #expect(screen[column + offset, 0].text == String(character) && screen[column + offset, 0].width == 1)
        }
        #expect(DisplayWidth.of("⟨U+202E⟩") == 8)
        #expect(header.count == plain.screen.lines[0].count, "the header keeps its width:\n\(header)\n\(plain.screen.lines[0])")
    }
}
