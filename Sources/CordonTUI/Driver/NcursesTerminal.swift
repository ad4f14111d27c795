#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import CordonCore

/// Why the console cannot start on this terminal.
public struct TerminalUnavailable: Error, LocalizedFailure {
    public var code: String
    public var message: LocalizedText
}

// Set by signal handlers, read by the loop between frames: a signal never interrupts a
// write to the journal, so everything acknowledged stays acknowledged.
nonisolated(unsafe) private var pendingSignal: Int32 = 0
nonisolated(unsafe) private var screenIsActive = false
nonisolated(unsafe) private var crashActions: [Glibc.sigaction] = Array(repeating: Glibc.sigaction(), count: 65)

private let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
private let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

private func onStopSignal(_ signal: Int32) {
    pendingSignal = signal
}

/// A crash (a Swift trap arrives as SIGILL): give the terminal back, then let the handler that
/// was there before (Swift's backtracer, or the default) report it.
private func onCrashSignal(_ signal: Int32) {
    if screenIsActive {
        screenIsActive = false
        endwin()
    }
    sigaction(signal, &crashActions[Int(signal)], nil)
    raise(signal)
}

/// The only place that talks to ncurses. It draws canvases cell by cell, only where they
/// changed, reads keys with `get_wch` (so Chinese arrives whole), and always gives the
/// terminal back: on quit, on SIGINT, SIGTERM and SIGHUP, and on a crash.
public final class NcursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let colors: Bool
    private var shown: Canvas?
    private var cursorVisible: Bool?

    /// Runs `program` on the terminal until the responder quits (returns 0) or a stop
    /// signal arrives, in which case the terminal is restored and the process ends by that
    /// signal, as the shell expects.
    public static func run(_ program: ConsoleProgram, colors: Bool) throws(TerminalUnavailable) -> Int32 {
        let terminal = try NcursesTerminal(colors: colors)
        let end = ConsoleLoop.run(program, on: terminal)
        terminal.close()
        if case .signal(let signal) = end {
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
            return 128 + signal
        }
        return 0
    }

    /// Why the console cannot run without a terminal it can draw on, said the same way whether
    /// there is no terminal at all or one that cannot move its cursor (`TERM=dumb`, an editor's
    /// shell buffer): either way the command line is the way forward.
    static let cannotDraw = LocalizedText(
        zh: "控制台需要在能显示画面的终端中运行（标准输入和输出都必须是终端，且 TERM 支持光标定位），未做任何更改。脚本中请使用 cordon status、cordon note 等子命令。",
        en: "The console needs a terminal that can draw on standard input and output (one whose TERM can move the cursor); nothing was changed. In scripts use cordon status, cordon note and the other subcommands.")

    /// Refuses unless standard input and output are both a terminal that can address its cursor.
    /// Nothing is written to the terminal before the refusal.
    public static func requireTerminal() throws(TerminalUnavailable) {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalUnavailable(code: "not-a-terminal", message: cannotDraw)
        }
        guard canAddressCursor() else {
            throw TerminalUnavailable(code: "cannot-draw", message: cannotDraw)
        }
    }

    /// Whether `$TERM`'s description can move the cursor (`cup`). A type terminfo does not know
    /// passes here and is refused by `newterm`, which names it.
    private static func canAddressCursor() -> Bool {
        var status: Int32 = 0
        guard setupterm(nil, 1, &status) == OK else { return true }
        defer { del_curterm(set_curterm(nil)) }
        guard let cup = tigetstr("cup") else { return false }
        return Int(bitPattern: cup) != -1
    }

    private init(colors wanted: Bool) throws(TerminalUnavailable) {
        try NcursesTerminal.requireTerminal()
        setlocale(LC_ALL, "")
        if !NcursesTerminal.localeIsUTF8() {
            // A jump host's LANG is often unset; the terminal is nearly always UTF-8 anyway.
            setlocale(LC_CTYPE, "C.UTF-8")
            guard NcursesTerminal.localeIsUTF8() else {
                throw TerminalUnavailable(code: "no-utf8-locale", message: LocalizedText(
                    zh: "系统没有可用的 UTF-8 区域设置，无法显示中文。请设置 LANG=C.UTF-8（或 zh_CN.UTF-8）后重试。",
                    en: "No UTF-8 locale is available, so Chinese cannot be shown. Set LANG=C.UTF-8 (or zh_CN.UTF-8) and try again."))
            }
        }
        // A parent may have left these blocked; the console relies on them to give the terminal back.
        var needed = sigset_t()
        sigemptyset(&needed)
        for signal in stopSignals + [SIGWINCH] { sigaddset(&needed, signal) }
        sigprocmask(SIG_UNBLOCK, &needed, nil)
        for signal in stopSignals { Glibc.signal(signal, onStopSignal) }
        for signal in crashSignals {
            var action = Glibc.sigaction()
            action.__sigaction_handler.sa_handler = onCrashSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, &crashActions[Int(signal)])
        }
        guard let output = fdopen(1, "w"), let input = fdopen(0, "r"), let screen = newterm(nil, output, input) else {
            let name = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalUnavailable(code: "unknown-terminal", message: LocalizedText(
                zh: "无法识别终端类型 TERM=\(name)；请设置 TERM=xterm-256color 后重试。",
                en: "The terminal type TERM=\(name) is not known here; set TERM=xterm-256color and try again."))
        }
        set_term(screen)
        window = cordon_stdscr()!
        screenIsActive = true
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        NcursesTerminal.deliverInterruptAsKey()
        colors = wanted && has_colors()
        if colors {
            start_color()
            use_default_colors()
            for (index, color) in [COLOR_CYAN, COLOR_GREEN, COLOR_YELLOW, COLOR_RED, COLOR_MAGENTA].enumerated() {
                init_pair(Int16(index + 1), Int16(color), -1)
            }
        }
    }

    /// Ctrl-C typed at the console reaches it as a key (cancel a dialog, or ask before quitting)
    /// instead of raising SIGINT: only the interrupt character is turned off, so Ctrl-Z and
    /// Ctrl-\ keep their meaning, and a SIGINT sent from outside still ends the console as any
    /// stop signal does. `endwin` restores the shell's modes, interrupt character included.
    private static func deliverInterruptAsKey() {
        var modes = termios()
        guard tcgetattr(0, &modes) == 0 else { return }
        withUnsafeMutableBytes(of: &modes.c_cc) { $0[Int(VINTR)] = 0 }
        guard tcsetattr(0, TCSANOW, &modes) == 0 else { return }
        // What ncurses puts back after a suspend or a `reset_prog_mode`.
        def_prog_mode()
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Gives the terminal back: normal screen, echo and line editing on.
    func close() {
        guard screenIsActive else { return }
        screenIsActive = false
        endwin()
    }

    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func present(_ canvas: Canvas) {
        for run in canvas.changes(from: shown) {
            for x in run.x..<(run.x + run.count) where !canvas[x, run.y].isContinuation {
                draw(canvas[x, run.y], x: x, y: run.y)
            }
        }
        shown = canvas
        if let cursor = canvas.cursor {
            setCursor(visible: true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        // A cell holds one character: its first scalar and the marks that ride on it.
        var scalars: [wchar_t] = []
        for scalar in cell.text.unicodeScalars where scalars.isEmpty || DisplayWidth.of(scalar) == 0 {
            guard scalars.count < 4 else { break }
            scalars.append(wchar_t(bitPattern: scalar.value))
        }
        if scalars.isEmpty { scalars.append(0x20) }
        scalars.append(0)
        var character = cchar_t()
        let (attributes, pair) = attributes(for: cell.style)
        setcchar(&character, scalars, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    private func attributes(for style: Style) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        var pair: Int16 = 0
        if style.bold { attributes |= cordon_attr_bold() }
        if style.reverse { attributes |= cordon_attr_reverse() }
        if style.underline { attributes |= cordon_attr_underline() }
        switch style.tone {
        case .normal: break
        case .muted: attributes |= cordon_attr_dim()
        case .accent: if colors { pair = 1 } else { attributes |= cordon_attr_bold() }
        case .good: if colors { pair = 2 }
        case .warning: if colors { pair = 3 } else { attributes |= cordon_attr_bold() }
        case .danger: if colors { pair = 4 } else { attributes |= cordon_attr_bold() | cordon_attr_underline() }
        case .banner: if colors { pair = 5 }
        }
        return (attributes, pair)
    }

    public func read(timeout: Int) -> TerminalInput? {
        if pendingSignal != 0 { return .signal(pendingSignal) }
        wtimeout(window, Int32(timeout))
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if pendingSignal != 0 { return .signal(pendingSignal) }
        switch result {
        case KEY_CODE_YES: return functionKey(Int32(value))
        case OK: return character(value)
        default: return nil
        }
    }

    private func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE:
            shown = nil
            return .resized
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        default: return nil
        }
    }

    private func character(_ value: wint_t) -> TerminalInput? {
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x60))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}
