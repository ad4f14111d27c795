import Testing
@testable import CordonTUI

/// Editing moves and deletes by character, as a person sees them, never by byte or scalar.
@Suite struct TextFieldTests {
    private func typed(_ text: String) -> TextField {
        var field = TextField()
        for character in text { field.apply(.insert(character)) }
        return field
    }

    @Test func typingChineseKeepsWholeCharacters() {
        let field = typed("保全证据")
        #expect(field.text == "保全证据")
        #expect(field.cursor == 4)
    }

    @Test func deletingRemovesOneCharacterBeforeOrAtTheCursor() {
        var field = typed("保全证据")
        field.apply(.left)
        field.apply(.deleteBackward)
        #expect(field.text == "保全据")
        field.apply(.lineStart)
        field.apply(.deleteForward)
        #expect(field.text == "全据")
        #expect(field.cursor == 0)
    }

    @Test func aCombiningMarkJoinsTheLetterBeforeIt() {
        var field = typed("cafe")
        field.apply(.insert("\u{301}"))
        #expect(field.text == "café")
        #expect(field.cursor == 4)
        field.apply(.deleteBackward)
        #expect(field.text == "caf")
    }

    @Test func emojiAndFlagsDeleteWhole() {
        var field = typed("ok👍🏽🇨🇳")
        field.apply(.deleteBackward)
        #expect(field.text == "ok👍🏽")
        field.apply(.deleteBackward)
        #expect(field.text == "ok")
    }

    @Test func controlCharactersAreNotTyped() {
        let field = typed("a\u{1B}b")
        #expect(field.text == "ab")
    }

    @Test func theLimitStopsTyping() {
        var field = TextField(limit: 3)
        for character in "外包商泄露" { field.apply(.insert(character)) }
        #expect(field.text == "外包商")
    }

    @Test func theCursorSitsAfterTheLastCharacterEvenAcrossAWrap() {
        var canvas = Canvas(Size(width: 6, height: 3))
        typed("一二三").draw(into: &canvas, rect: Rect(x: 0, y: 0, width: 6, height: 3), focused: true)
        #expect(canvas.lines == ["一二三", "", ""])
        #expect(canvas.cursor?.x == 0 && canvas.cursor?.y == 1, "a full row puts the cursor on the next one")
        var cut = Canvas(Size(width: 6, height: 1))
        typed("一二三四五").draw(into: &cut, rect: Rect(x: 0, y: 0, width: 6, height: 1), focused: true)
        #expect(cut.lines == ["四五"], "a one-row field shows the row with the cursor")
    }
}
