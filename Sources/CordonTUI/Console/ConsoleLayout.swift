/// Where each part of the console goes on a screen of a given size.
///
///     row 0        header: banner, id, title, severity, elapsed time
///     row 1        phase strip
///     row 2        ─────────────┬───────────────
///     body         steps        │ timeline        (each with a title row)
///     divider      ─────────────┴───────────────
///     deadlines    one row per running clock
///     status       the mode's extra lines (drill clock, scrub bar)
///     message      what was recorded or refused
///     hints        key hints
public struct ConsoleLayout: Sendable, Hashable {
    public var header: Rect
    public var phases: Rect
    public var topDivider: Rect
    public var steps: Rect
    public var separatorX: Int
    public var timeline: Rect
    public var bottomDivider: Rect
    public var deadlines: Rect
    public var status: Rect
    public var message: Rect
    public var hints: Rect

    public init(size: Size, deadlineCount: Int, statusLines: Int) {
        let width = size.width
        let deadlineRows = max(1, min(deadlineCount, size.height >= 30 ? 5 : 3))
        header = Rect(x: 0, y: 0, width: width, height: 1)
        phases = Rect(x: 0, y: 1, width: width, height: 1)
        topDivider = Rect(x: 0, y: 2, width: width, height: 1)
        hints = Rect(x: 0, y: size.height - 1, width: width, height: 1)
        message = Rect(x: 0, y: size.height - 2, width: width, height: 1)
        status = Rect(x: 0, y: message.y - statusLines, width: width, height: statusLines)
        deadlines = Rect(x: 0, y: status.y - deadlineRows, width: width, height: deadlineRows)
        bottomDivider = Rect(x: 0, y: deadlines.y - 1, width: width, height: 1)
        let bodyTop = 3
        let bodyHeight = max(0, bottomDivider.y - bodyTop)
        let stepsWidth = min(56, max(28, width * 2 / 5))
        steps = Rect(x: 0, y: bodyTop, width: stepsWidth, height: bodyHeight)
        separatorX = stepsWidth
        timeline = Rect(x: stepsWidth + 1, y: bodyTop, width: width - stepsWidth - 1, height: bodyHeight)
    }

    /// Timeline entries on screen at once (the pane's first row is its title).
    public var timelineRows: Int { max(1, timeline.height - 1) }

    /// Steps on screen at once.
    public var stepRows: Int { max(1, steps.height - 1) }
}

extension AppModel {
    /// The console's layout for the current size and state.
    var consoleLayout: ConsoleLayout? {
        guard let console else { return nil }
        return ConsoleLayout(size: size, deadlineCount: console.deadlines(now: now).count, statusLines: console.statusLineCount)
    }
}
