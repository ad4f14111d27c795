/// A run of cells on one row that differ from what the terminal shows.
public struct CellRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var count: Int
}

extension Canvas {
    /// The runs of cells that differ from `previous`: all that a driver needs to send.
    /// Without a previous canvas of the same size, every row is one run.
    ///
    /// A run never starts on the right half of a wide character, so the driver always sends
    /// whole characters.
    public func changes(from previous: Canvas?) -> [CellRun] {
        guard let previous, previous.size == size else {
            return (0..<size.height).map { CellRun(x: 0, y: $0, count: size.width) }
        }
        var runs: [CellRun] = []
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                guard self[x, y] != previous[x, y] else {
                    x += 1
                    continue
                }
                var start = x
                if self[start, y].isContinuation, start > 0 { start -= 1 }
                while x < size.width, self[x, y] != previous[x, y] || self[x, y].isContinuation { x += 1 }
                if let last = runs.last, last.y == y, last.x + last.count >= start {
                    runs[runs.count - 1].count = x - last.x
                } else {
                    runs.append(CellRun(x: start, y: y, count: x - start))
                }
            }
        }
        return runs
    }

    /// Copies the cells of `runs` from `source`: what a terminal does with the runs it is sent.
    public mutating func apply(_ runs: [CellRun], from source: Canvas) {
        for run in runs {
            for x in run.x..<(run.x + run.count) where !source[x, run.y].isContinuation {
                set(x: x, y: run.y, source[x, run.y])
            }
        }
        cursor = source.cursor
    }
}
