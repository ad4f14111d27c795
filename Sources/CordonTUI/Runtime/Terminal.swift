/// What the terminal says between frames.
public enum TerminalInput: Sendable, Hashable {
    case key(Key)
    /// The window changed size.
    case resized
    /// SIGINT, SIGTERM or SIGHUP arrived: the console stops and gives the terminal back.
    case signal(Int32)
}

/// A screen and keyboard: ncurses for people, `MemoryTerminal` for tests.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Shows `canvas`, sending only what changed since the last frame.
    func present(_ canvas: Canvas)
    /// Waits up to `timeout` milliseconds for input; `nil` when nothing came.
    func read(timeout: Int) -> TerminalInput?
}

/// A terminal in memory: it keeps what a real one would show, built only from the cells each
/// frame sent, and plays back scripted input.
public final class MemoryTerminal: Terminal {
    public var size: Size
    /// What the screen shows now.
    public private(set) var screen: Canvas
    /// Cells sent by the last `present`.
    public private(set) var cellsSent = 0
    private var inputs: [TerminalInput]

    public init(size: Size, inputs: [TerminalInput] = []) {
        self.size = size
        self.inputs = inputs
        screen = Canvas(size)
    }

    public func present(_ canvas: Canvas) {
        let previous: Canvas? = screen.size == canvas.size ? screen : nil
        if previous == nil { screen = Canvas(canvas.size) }
        let runs = canvas.changes(from: previous)
        cellsSent = runs.reduce(0) { $0 + $1.count }
        screen.apply(runs, from: canvas)
    }

    /// Plays the next scripted input; once they run out, the line hangs up (SIGHUP).
    public func read(timeout: Int) -> TerminalInput? {
        guard !inputs.isEmpty else { return .signal(1) }
        return inputs.removeFirst()
    }

    /// Queues more input.
    public func enqueue(_ more: [TerminalInput]) { inputs += more }
}
