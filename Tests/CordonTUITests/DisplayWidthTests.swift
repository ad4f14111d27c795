import Testing
@testable import CordonTUI

/// Widths as a terminal draws them, whatever the process locale: these come from tables in
/// Swift, not from the C library's `wcwidth`, which answers -1 for CJK under the C locale.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("遏", 2), ("，", 2), ("Ａ", 2), ("ｱ", 1), ("한", 2), ("ぁ", 2), ("〿", 1),
        ("é", 1), ("e\u{301}", 1), ("🔥", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("…", 1), ("─", 1),
    ])
    func characterWidths(text: String, columns: Int) {
        #expect(DisplayWidth.of(Character(text)) == columns, "\(text)")
    }

    @Test func combiningMarksAndZeroWidthCharactersTakeNoColumn() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xFEFF)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1160)!) == 0, "Hangul medial vowels join the syllable")
    }

    @Test func controlCharactersAreNotDrawable() {
        for value: UInt32 in [0x00, 0x07, 0x1B, 0x7F, 0x85, 0x9B] {
            #expect(DisplayWidth.of(Unicode.Scalar(value)!) == nil, "U+\(String(value, radix: 16))")
        }
        #expect(DisplayWidth.of("\u{1B}[31m") == 5, "each control counts as the one-column � that replaces it")
    }

    @Test func stringsAddUp() {
        #expect(DisplayWidth.of("INC 遏制 Containment") == 20)
        #expect(DisplayWidth.of("客户信息 e\u{301}") == 10)
    }
}
