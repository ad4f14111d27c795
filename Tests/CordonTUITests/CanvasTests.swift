import Testing
@testable import CordonTUI

@Suite struct CanvasTests {
    private func canvas(_ width: Int, _ height: Int = 1) -> Canvas { Canvas(Size(width: width, height: height)) }

    // MARK: - Width at the edges

    @Test func textThatFitsIsDrawnWhole() {
        var c = canvas(10)
        #expect(c.put("遏制 ok", x: 0, y: 0, width: 10) == 7)
        #expect(c.lines == ["遏制 ok"])
    }

    @Test func cutTextEndsInAnEllipsis() {
        var c = canvas(10)
        c.put("Containment phase", x: 0, y: 0, width: 10)
        #expect(c.lines == ["Containme…"])
    }

    @Test func aWideCharacterIsNeverSplitAtAPaneEdge() {
        var c = canvas(12)
        // Five columns for "隔离泄露源": 隔离 takes four, 泄 would straddle the edge.
        let used = c.put("隔离泄露源", x: 0, y: 0, width: 5)
        c.put("|", x: 5, y: 0, width: 1)
        #expect(used == 5)
        #expect(c.lines == ["隔离…|"])
        #expect(c[4, 0].text == "…")
    }

    @Test func aWideCharacterThatWouldCrossTheScreenEdgeIsDropped() {
        var c = canvas(5)
        c.put("ab遏制", x: 0, y: 0, width: 5)
        #expect(c.lines == ["ab遏…"])
        var d = canvas(3)
        d.set(x: 2, y: 0, Cell("遏", width: 2))
        #expect(d.lines == [""], "a wide cell in the last column would run off the screen")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var c = canvas(6)
        c.put("cafe\u{301}!", x: 0, y: 0, width: 6)
        #expect(c[3, 0].text == "e\u{301}")
        #expect(c[4, 0].text == "!")
    }

    @Test func emojiTakeTwoColumns() {
        var c = canvas(6)
        c.put("🔥ab", x: 0, y: 0, width: 6)
        #expect(c[0, 0].width == 2)
        #expect(c[1, 0].isContinuation)
        #expect(c[2, 0].text == "a")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var c = canvas(12)
        c.put("a\u{1B}[2Jb", x: 0, y: 0, width: 12)
        #expect(c.lines == ["a\u{FFFD}[2Jb"])
    }

    @Test func writingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var c = canvas(6)
        c.put("遏制遏", x: 0, y: 0, width: 6)
        c.put("x", x: 1, y: 0, width: 1)
        c.put("y", x: 2, y: 0, width: 1)
        #expect(c.lines == [" xy 遏"])
        #expect(!c[1, 0].isContinuation)
    }

    @Test func nothingIsDrawnOutsideTheCanvas() {
        var c = canvas(4, 2)
        c.put("abcdef", x: -2, y: 0, width: 10)
        c.put("zz", x: 0, y: 5, width: 2)
        c.fill(Rect(x: 3, y: 1, width: 10, height: 10), style: .selected)
        #expect(c.lines == ["abc…", ""])
        #expect(c[3, 1].style == .selected)
    }

    // MARK: - Layout helpers

    @Test func wrappingBreaksAtSpacesOrBetweenChineseCharactersNeverBeforePunctuation() {
        #expect(TextLayout.wrap("Preserve evidence before changing systems", width: 18) == ["Preserve evidence", "before changing", "systems"])
        #expect(TextLayout.wrap("先保全证据再变更系统。", width: 10) == ["先保全证据", "再变更系", "统。"])
        #expect(TextLayout.wrap("一行\n两行", width: 10) == ["一行", "两行"])
        // Also after a space earlier in the line (mixed text): "。" never starts a line.
        #expect(TextLayout.wrap("VDR 的项目组成员。", width: 16) == ["VDR 的项目组成", "员。"])
    }

    @Test func padAndTruncateCountColumns() {
        #expect(TextLayout.pad("遏制", to: 6) == "遏制  ")
        #expect(TextLayout.truncate("通知受影响的个人", to: 7) == "通知受…")
        #expect(DisplayWidth.of(TextLayout.pad("特别重大事件", to: 7)) == 7)
    }

    // MARK: - Sending only what changed

    @Test func aFrameSendsOnlyTheCellsThatChanged() {
        var before = canvas(20, 3)
        before.put("时间线 · 3 条", x: 0, y: 0, width: 20)
        var after = before
        after.put("4", x: 7, y: 0, width: 1)
        let runs = after.changes(from: before)
        #expect(runs == [CellRun(x: 7, y: 0, count: 1)])
        #expect(after.changes(from: after).isEmpty)
        #expect(after.changes(from: nil).count == 3, "without a previous frame every row is sent")
    }

    @Test func applyingTheChangesReproducesTheFrame() {
        var before = canvas(12, 2)
        before.put("ab遏制cd", x: 0, y: 0, width: 12)
        before.put("第二行", x: 0, y: 1, width: 12)
        var after = canvas(12, 2)
        after.put("a遏b制", x: 0, y: 0, width: 12)
        after.put("第二行!", x: 0, y: 1, width: 12)
        var screen = before
        screen.apply(after.changes(from: before), from: after)
        #expect(screen == after)
    }

    @Test func aRunNeverStartsOnTheRightHalfOfAWideCharacter() {
        var before = canvas(6)
        before.put("ab", x: 0, y: 0, width: 6)
        var after = canvas(6)
        after.put("a遏", x: 0, y: 0, width: 6)
        for run in after.changes(from: before) {
            #expect(!after[run.x, run.y].isContinuation)
        }
    }
}
