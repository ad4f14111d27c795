import CordonCore

/// The driver's loop: draw, wait for a key at most a quarter of a second (less while a replay
/// plays or a drill clock runs fast), then read what others appended and move the clocks. Another console's note therefore shows within a
/// second, and the journal is read from where it was last read, never from the start.
public enum ConsoleLoop {
    /// How the loop ended.
    public enum End: Sendable, Hashable {
        case quit
        case signal(Int32)
    }

    public static let refreshInterval = 250

    public static func run(_ program: ConsoleProgram, on terminal: any Terminal) -> End {
        program.resize(to: terminal.size)
        var lastRefresh = program.clock.now()
        var lastSecond = lastRefresh.millis / 1000
        var lastTick = lastRefresh
        while !program.hasQuit {
            terminal.present(program.render())
            // A playing replay or a fast drill clock asks for frames more often than once a second.
            let tickInterval = program.tickInterval
            switch terminal.read(timeout: min(refreshInterval, tickInterval)) {
            case .key(let key): program.press(key)
            case .resized: program.resize(to: terminal.size)
            case .signal(let signal):
                program.hangUp(signal: signal)
                return .signal(signal)
            case nil: break
            }
            program.checkHashing()
            let now = program.clock.now()
            if now.millis - lastRefresh.millis >= Int64(refreshInterval) || now < lastRefresh {
                program.refresh()
                lastRefresh = now
            }
            if now.millis / 1000 != lastSecond || now.millis - lastTick.millis >= Int64(tickInterval) || now < lastTick {
                program.tick()
                lastSecond = now.millis / 1000
                lastTick = now
            }
        }
        return .quit
    }
}
